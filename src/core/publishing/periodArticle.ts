import { escapeTableCell } from '../post/dailyPost.ts';
import type { Task } from '../../shared/domain/task.ts';
import { isoWeekOf, isoWeekRange, monthRange, shiftDate, today, type DateRange } from '../../shared/metrics/periods.ts';
import { longDate } from '../../shared/metrics/longDate.ts';
import { humanWeeks, taskLeverage } from '../../shared/metrics/summary.ts';
import { formatHours, formatHoursAndMinutes, formatMinutes } from '../../shared/units/duration.ts';
import { formatFactor, type FactorFormat } from '../../shared/units/factor.ts';
import { formatTrimmed } from '../../shared/units/rounding.ts';
import { formatTokenTotal, formatTokens } from '../../shared/units/tokens.ts';
import type { Journal } from '../journal.ts';
import type { SeriesPoint } from '../metrics/metricEngine.ts';
import { rangeFacts, weekFacts, type FactOptions } from './journalFacts.ts';
import { barChart } from './svgChart.ts';

/** Which period an article covers: an ISO week, a month, the last N days, or any range. */
export type PeriodSpec =
  | { week: string }
  | { month: string }
  | { lastDays: number; until?: string | undefined }
  | { from: string; to: string };

export interface ResolvedPeriod {
  range: DateRange;
  title: string;
  /** The ISO week when the period is exactly one. */
  week: string | null;
}

function rangeText(range: DateRange): string {
  return range.from === range.to ? longDate(range.from) : `${longDate(range.from)} – ${longDate(range.to)}`;
}

export function resolvePeriod(spec: PeriodSpec): ResolvedPeriod {
  if ('week' in spec) {
    const range = isoWeekRange(spec.week);
    return { range, title: `Leverage Record: Week ${spec.week} (${rangeText(range)})`, week: spec.week };
  }
  if ('month' in spec) {
    const range = monthRange(spec.month);
    return { range, title: `Leverage Record: ${longDate(range.from).replace(/ \d+,/, '')}`, week: null };
  }
  if ('lastDays' in spec) {
    if (!Number.isInteger(spec.lastDays) || spec.lastDays < 1 || spec.lastDays > 3660) throw new RangeError('The number of days must be a whole number from 1 to 3660.');
    const to = spec.until ?? today();
    const range = { from: shiftDate(to, -(spec.lastDays - 1)), to };
    return { range, title: `Leverage Record: the last ${spec.lastDays} days (${rangeText(range)})`, week: null };
  }
  if (spec.from > spec.to) throw new RangeError(`The range starts (${spec.from}) after it ends (${spec.to}).`);
  const range = { from: spec.from, to: spec.to };
  const week = isoWeekOf(range.from);
  const exactWeek = isoWeekRange(week).from === range.from && isoWeekRange(week).to === range.to ? week : null;
  return { range, title: `Leverage Record: ${rangeText(range)}`, week: exactWeek };
}

export interface ArticleChart {
  /** Stable name: what it shows. */
  name: 'human-hours-per-day' | 'leverage-per-week';
  fileName: string;
  svg: string;
}

export interface ArticleOptions extends FactOptions {
  /** Where the markdown should link the charts from (e.g. "charts"); no chart links when absent. */
  chartsLink?: string | undefined;
  /** How many best and worst tasks to list (default 5). */
  topTasks?: number | undefined;
}

export interface PeriodArticle {
  period: ResolvedPeriod;
  markdown: string;
  charts: ArticleChart[];
  /** The weekly rows, exactly as MetricEngine.weeklySeries gives them (the Review screen's figures). */
  weeks: SeriesPoint[];
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function seriesTokens(point: SeriesPoint): string {
  return formatTokenTotal(point.tasksWithTokens > 0 ? point.tokens : null);
}

function supervision(point: SeriesPoint): string {
  return point.supervisoryLeverage === null && point.supervisionSeconds === 0 ? '—' : formatMinutes(point.supervisionSeconds);
}

function taskTable(tasks: readonly Task[], format: FactorFormat, agentLabel: string): string {
  return table(
    ['Date', 'Task', 'Human Est.', `${agentLabel} Time`, 'Tokens', 'Leverage'],
    tasks.map((task) => [
      task.workDate,
      escapeTableCell(task.title),
      formatHours(task.humanSeconds),
      formatMinutes(task.agentSeconds),
      formatTokens(task.tokens),
      formatFactor(taskLeverage(task), format),
    ]),
  );
}

/** Best and worst tasks by factor; with few tasks the two lists split them rather than repeat them. */
function bestAndWorst(tasks: readonly Task[], count: number): { best: Task[]; worst: Task[] } {
  const ranked = tasks
    .map((task, index) => ({ task, index, factor: taskLeverage(task) }))
    .filter((entry): entry is { task: Task; index: number; factor: number } => entry.factor !== null)
    .sort((a, b) => b.factor - a.factor || a.index - b.index)
    .map((entry) => entry.task);
  const bestCount = Math.min(count, Math.ceil(ranked.length / 2));
  const worstCount = Math.min(count, ranked.length - bestCount);
  return { best: ranked.slice(0, bestCount), worst: ranked.slice(ranked.length - worstCount).reverse() };
}

/** A markdown article for a period: figures, per-day and per-week tables, best and worst tasks, facts; optional SVG charts. */
export function periodArticle(journal: Journal, spec: PeriodSpec, options: ArticleOptions = {}): PeriodArticle {
  const period = resolvePeriod(spec);
  const { range } = period;
  const settings = journal.settings.get();
  const format = settings.factorFormat;
  // Every field is escaped where it is written: the agent label here, titles in the tables, names in the facts.
  const agent = escapeTableCell(settings.agentLabel);
  const summary = journal.metrics.range(range);
  const days = journal.metrics.dailySeries(range);
  const weeks = journal.metrics.weeklySeries(range);
  const tasks = journal.tasks.listRange(range.from, range.to);
  const facts = period.week ? weekFacts(journal, period.week, options) : rangeFacts(journal, range, options);

  const charts: ArticleChart[] = [
    {
      name: 'human-hours-per-day',
      fileName: 'human-hours-per-day.svg',
      svg: barChart({
        title: `Human-equivalent hours per day, ${rangeText(range)}`,
        points: days.map((point) => ({ label: point.period.slice(5), value: point.humanSeconds / 3600 })),
        formatValue: (value) => `${formatTrimmed(value, 1)}h`,
      }),
    },
    {
      name: 'leverage-per-week',
      fileName: 'leverage-per-week.svg',
      svg: barChart({
        title: `Weighted leverage per week, ${rangeText(range)}`,
        points: weeks.map((point) => ({ label: point.label, value: point.leverage })),
        formatValue: (value) => formatFactor(value, format),
      }),
    },
  ];

  const blocks: string[] = [`# ${period.title}`];
  if (summary.taskCount === 0) {
    blocks.push('No tasks were recorded in this period.');
    return { period, markdown: `${blocks.join('\n\n')}\n`, charts, weeks };
  }
  blocks.push(
    `${days.length} ${days.length === 1 ? 'day' : 'days'} of records, ${summary.taskCount} tasks: ${formatHours(summary.humanSeconds)} of human-equivalent work in ` +
      `${formatHoursAndMinutes(summary.agentSeconds)} of ${agent} time, a weighted ${formatFactor(summary.leverage, format)}.`,
  );
  blocks.push(
    '## Figures',
    table(
      ['Metric', 'Value'],
      [
        ['Days with records', String(days.length)],
        ['Total tasks', String(summary.taskCount)],
        ['Total human-equivalent hours', formatHours(summary.humanSeconds)],
        [`Total ${agent} minutes`, `${formatMinutes(summary.agentSeconds)} (${formatHoursAndMinutes(summary.agentSeconds)})`],
        ['Total supervision minutes', summary.supervisionSeconds === null ? '—' : formatMinutes(summary.supervisionSeconds)],
        ['Total tokens', formatTokenTotal(summary.tokens)],
        ['Weighted average leverage', formatFactor(summary.leverage, format)],
        ['Supervisory factor', formatFactor(summary.supervisoryLeverage, format)],
        ['Mean of task factors (unweighted)', formatFactor(summary.meanLeverage, format)],
        ['Human-equivalent weeks (40h)', formatTrimmed(humanWeeks(summary.humanSeconds), 1)],
      ],
    ),
  );
  blocks.push(
    '## Per Day',
    table(
      ['Date', 'Tasks', 'Human Hours', `${agent} Minutes`, 'Supervision Minutes', 'Tokens', 'Leverage', 'Supervisory Factor'],
      days.map((point) => [
        point.period,
        String(point.taskCount),
        formatHours(point.humanSeconds),
        formatMinutes(point.agentSeconds),
        supervision(point),
        seriesTokens(point),
        formatFactor(point.leverage, format),
        formatFactor(point.supervisoryLeverage, format),
      ]),
    ),
  );
  blocks.push(
    '## Per Week',
    table(
      ['Week', 'Tasks', 'Human Hours', `${agent} Minutes`, 'Tokens', 'Leverage'],
      weeks.map((point) => [
        point.label,
        String(point.taskCount),
        formatHours(point.humanSeconds),
        formatMinutes(point.agentSeconds),
        seriesTokens(point),
        formatFactor(point.leverage, format),
      ]),
    ),
  );
  if (options.chartsLink !== undefined) {
    const base = options.chartsLink.replace(/\/+$/, '');
    const link = (chart: ArticleChart) => (base === '' ? chart.fileName : `${base}/${chart.fileName}`);
    blocks.push(`![Human-equivalent hours per day](${link(charts[0] as ArticleChart)})`, `![Weighted leverage per week](${link(charts[1] as ArticleChart)})`);
  }
  const { best, worst } = bestAndWorst(tasks, options.topTasks ?? 5);
  if (best.length > 0) blocks.push('## Best Tasks', taskTable(best, format, agent));
  if (worst.length > 0) blocks.push('## Worst Tasks', taskTable(worst, format, agent));
  if (facts.length > 0) blocks.push('## Analysis', facts.map((fact) => `- ${fact.text}`).join('\n'));
  return { period, markdown: `${blocks.join('\n\n')}\n`, charts, weeks };
}
