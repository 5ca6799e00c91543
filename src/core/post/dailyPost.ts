import type { DayRecord } from '../../shared/domain/day.ts';
import type { Settings } from '../../shared/domain/settings.ts';
import type { Task } from '../../shared/domain/task.ts';
import { summarize, taskLeverage, type Summary } from '../../shared/metrics/summary.ts';
import { longDate } from '../../shared/metrics/longDate.ts';
import { formatHours, formatHoursAndMinutes, formatMinutes } from '../../shared/units/duration.ts';
import { formatFactor } from '../../shared/units/factor.ts';
import { formatTokenTotal, formatTokens } from '../../shared/units/tokens.ts';

export type PostSettings = Pick<Settings, 'authorLine' | 'aboutText' | 'footer' | 'agentLabel' | 'factorFormat' | 'frontMatter'>;

export interface DailyPostInput {
  date: string;
  tasks: readonly Task[];
  day: DayRecord;
  settings: PostSettings;
  /** Optional: a summary already computed (else computed from `tasks`). */
  summary?: Summary;
}

/**
 * Makes text safe inside one markdown table cell: a `|` cannot end the cell, a newline cannot end
 * the row, HTML in a title shows as text instead of becoming markup on the published page, and
 * brackets cannot form a link or image (`[x](javascript:…)`, `![x](https://tracker…)`).
 */
export function escapeTableCell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[[\]]/g, (bracket) => `\\${bracket}`)
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .trim();
}

/**
 * Makes a name (a title, a workstream, the agent label) safe inside a line of markdown prose: all of
 * escapeTableCell, and a leading `#`, `>`, `-`, `+`, `*`, `=` or `1.` cannot open a heading, quote or
 * list where the name starts a sentence or a list item.
 */
export function escapeInline(text: string): string {
  return escapeTableCell(text).replace(/^([#>+*=-]|\d+[.)])/, '\\$1');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The day's tasks in the order the post lists them: factor descending, entry order on ties, no-factor last. */
export function taskLogOrder(tasks: readonly Task[]): Task[] {
  return tasks
    .map((task, index) => ({ task, index, factor: taskLeverage(task) }))
    .sort((a, b) => {
      if (a.factor === null || b.factor === null) return a.factor === null ? (b.factor === null ? a.index - b.index : 1) : -1;
      return b.factor - a.factor || a.index - b.index;
    })
    .map((entry) => entry.task);
}

export function taskLogTable(tasks: readonly Task[], settings: PostSettings): string {
  const header = ['Task', 'Human Est.', `${escapeTableCell(settings.agentLabel)} Time`, 'Tokens', 'Leverage'];
  const rows = taskLogOrder(tasks).map((task) => [
    escapeTableCell(task.title),
    formatHours(task.humanSeconds),
    formatMinutes(task.agentSeconds),
    formatTokens(task.tokens),
    formatFactor(taskLeverage(task), settings.factorFormat),
  ]);
  return table(header, rows);
}

export function aggregateTable(summary: Summary, settings: PostSettings): string {
  const minutes = summary.agentSeconds;
  return table(
    ['Metric', 'Value'],
    [
      ['Total tasks', String(summary.taskCount)],
      ['Total human-equivalent hours', formatHours(summary.humanSeconds)],
      [`Total ${escapeTableCell(settings.agentLabel)} minutes`, `${formatMinutes(minutes)} (${formatHoursAndMinutes(minutes)})`],
      ['Total tokens', formatTokenTotal(summary.tokens)],
      ['Weighted average leverage', formatFactor(summary.leverage, settings.factorFormat)],
    ],
  );
}

function yamlString(value: string): string {
  return JSON.stringify(value);
}

function frontMatter(input: DailyPostInput, summary: Summary): string {
  const lines = [
    '---',
    `title: ${yamlString(`Leverage Record: ${longDate(input.date)}`)}`,
    `date: ${input.day.publicationDate ?? input.date}`,
    `work_date: ${input.date}`,
    `tasks: ${summary.taskCount}`,
    `human_hours: ${summary.humanSeconds / 3600}`,
    `agent_minutes: ${summary.agentSeconds / 60}`,
    `tokens: ${summary.tokens ?? 'null'}`,
    `leverage: ${summary.leverage ?? 'null'}`,
    '---',
  ];
  return lines.join('\n');
}

/** The day's "Leverage Record" post as markdown, in the structure of the published series. */
export function renderDailyPost(input: DailyPostInput): string {
  const summary = input.summary ?? summarize(input.tasks, { dayTokens: input.day.dayTokens });
  const { settings, day } = input;
  const blocks: string[] = [];
  if (settings.frontMatter) blocks.push(frontMatter(input, summary));
  blocks.push(`# Leverage Record: ${longDate(input.date)}`);
  if (settings.authorLine.trim() !== '') blocks.push(settings.authorLine.trim());
  if (day.intro.trim() !== '') blocks.push(day.intro.trim());
  if (settings.aboutText.trim() !== '') blocks.push('## About These Records', settings.aboutText.trim());
  blocks.push('## Task Log', taskLogTable(input.tasks, settings));
  blocks.push('## Aggregate Stats', aggregateTable(summary, settings));
  if (day.analysis.trim() !== '') blocks.push('## Analysis', day.analysis.trim());
  if (settings.footer.trim() !== '') blocks.push(settings.footer.trim());
  return `${blocks.join('\n\n')}\n`;
}
