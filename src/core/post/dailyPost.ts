import type { DayRecord } from '../../shared/domain/day.ts';
import { AGENT_IDS, AGENT_NAMES, type AgentId } from '../agentLogs/readers/types.ts';
import type { Settings } from '../../shared/domain/settings.ts';
import type { Task } from '../../shared/domain/task.ts';
import { summarize, taskLeverage, type Summary } from '../../shared/metrics/summary.ts';
import { longDate } from '../../shared/metrics/longDate.ts';
import { formatHours, formatHoursAndMinutes, formatMinutes } from '../../shared/units/duration.ts';
import { formatFactor } from '../../shared/units/factor.ts';
import { formatTokenTotal, formatTokens } from '../../shared/units/tokens.ts';

export type PostSettings = Pick<Settings, 'authorLine' | 'aboutText' | 'footer' | 'agentLabel' | 'factorFormat' | 'frontMatter'> &
  Partial<Pick<Settings, 'postAgentPerTask'>>;

export interface DailyPostInput {
  date: string;
  tasks: readonly Task[];
  day: DayRecord;
  settings: PostSettings;
  /** Optional: a summary already computed (else computed from `tasks`). */
  summary?: Summary;
  /** The coding agents of each task's linked sessions (tasks without sessions are absent). */
  taskAgents?: ReadonlyMap<number, readonly AgentId[]>;
}

/**
 * The time column's label for the day: the `agentLabel` setting on days whose tasks link no
 * session of an agent other than Claude Code (every hand-entered day included); "Agent" on days
 * that mix agents.
 */
export function dayAgentLabel(settings: PostSettings, taskAgents: DailyPostInput['taskAgents']): string {
  return dayAgents(taskAgents).some((agent) => agent !== 'claude') ? 'Agent' : settings.agentLabel;
}

function dayAgents(taskAgents: DailyPostInput['taskAgents']): AgentId[] {
  const agents = new Set<AgentId>();
  for (const list of taskAgents?.values() ?? []) for (const agent of list) agents.add(agent);
  return AGENT_IDS.filter((agent) => agents.has(agent));
}

/** "Claude Code", "Claude Code and Codex CLI", "Claude Code, Codex CLI and Gemini CLI". */
function agentList(agents: readonly AgentId[]): string {
  const names = agents.map((agent) => AGENT_NAMES[agent]);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
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

export function taskLogTable(tasks: readonly Task[], settings: PostSettings, taskAgents?: DailyPostInput['taskAgents']): string {
  const label = dayAgentLabel(settings, taskAgents);
  const mixed = dayAgents(taskAgents).some((agent) => agent !== 'claude');
  const header = ['Task', 'Human Est.', `${escapeTableCell(label)} Time`, 'Tokens', 'Leverage'];
  // On mixed days the person may have each task name its agent(s).
  const named = (task: Task) => {
    const agents = mixed && settings.postAgentPerTask ? (taskAgents?.get(task.id) ?? []) : [];
    return agents.length > 0 ? `${task.title} (${agentList(agents)})` : task.title;
  };
  const rows = taskLogOrder(tasks).map((task) => [
    escapeTableCell(named(task)),
    formatHours(task.humanSeconds),
    formatMinutes(task.agentSeconds),
    formatTokens(task.tokens),
    formatFactor(taskLeverage(task), settings.factorFormat),
  ]);
  return table(header, rows);
}

export function aggregateTable(summary: Summary, settings: PostSettings, taskAgents?: DailyPostInput['taskAgents']): string {
  const minutes = summary.agentSeconds;
  const label = dayAgentLabel(settings, taskAgents);
  return table(
    ['Metric', 'Value'],
    [
      ['Total tasks', String(summary.taskCount)],
      ['Total human-equivalent hours', formatHours(summary.humanSeconds)],
      [`Total ${label === 'Agent' ? 'agent' : escapeTableCell(label)} minutes`, `${formatMinutes(minutes)} (${formatHoursAndMinutes(minutes)})`],
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
  // The about text may name the agents the day's record covers: `{agents}`.
  const about = settings.aboutText.replaceAll('{agents}', agentList(dayAgents(input.taskAgents)) || settings.agentLabel).trim();
  if (about !== '') blocks.push('## About These Records', about);
  blocks.push('## Task Log', taskLogTable(input.tasks, settings, input.taskAgents));
  blocks.push('## Aggregate Stats', aggregateTable(summary, settings, input.taskAgents));
  if (day.analysis.trim() !== '') blocks.push('## Analysis', day.analysis.trim());
  if (settings.footer.trim() !== '') blocks.push(settings.footer.trim());
  return `${blocks.join('\n\n')}\n`;
}
