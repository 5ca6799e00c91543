import type { z } from 'zod';
import type { FACT_KINDS, factSchema, figureValueSchema } from '../../shared/ipc/schemas.ts';
import type { FactorFormat } from '../../shared/units/factor.ts';
import { formatFactor, ratio } from '../../shared/units/factor.ts';
import { formatHours, formatHoursAndMinutes, formatMinutes } from '../../shared/units/duration.ts';
import { formatTrimmed } from '../../shared/units/rounding.ts';
import { humanWeeks, summarize, taskLeverage, type MetricTask, type Summary } from '../../shared/metrics/summary.ts';
import { longDate } from '../../shared/metrics/longDate.ts';
import type { SeriesPoint } from '../metrics/metricEngine.ts';
import { escapeInline } from '../post/dailyPost.ts';
import { capitalize, countNoun, countWord, listJoin } from './numberWords.ts';

/**
 * Every name in a fact's text (titles, workstreams, the agent label) is escaped as markdown text, so
 * a title such as `![x](…)` or `<img onerror>` stays text wherever the sentence is pasted.
 *
 * Analysis facts: sentences the user can insert into a post's Analysis section, every number
 * computed from the data (never typed by hand), each with the figures it states.
 */
export { FACT_KINDS } from '../../shared/ipc/schemas.ts';
export type FactKind = (typeof FACT_KINDS)[number];
export type FigureValue = z.infer<typeof figureValueSchema>;
/** A sentence and the figures it states (its type is the IPC schema's, so the two cannot drift). */
export type Fact = z.infer<typeof factSchema>;

export type FactScope = 'day' | 'week' | 'period';

export interface LargestTask {
  title: string;
  humanSeconds: number;
  workDate: string;
}

export interface FactInput {
  scope: FactScope;
  /** "2026-03-01" (day), "2026-W09" (week) or a range label (period). */
  label: string;
  tasks: readonly MetricTask[];
  agentLabel: string;
  factorFormat: FactorFormat;
  /** The latest recorded day before this one (day scope only). */
  previousDay: SeriesPoint | null;
  /** The ISO week before this day's week, or before this week. */
  previousWeek: SeriesPoint | null;
  /** Totals of every other day (day scope) or every other week (week scope): the history superlatives are checked against. */
  otherPeriods: readonly SeriesPoint[];
  /** The largest task (human-equivalent time) recorded outside this period. */
  largestOtherTask: LargestTask | null;
  /** How many lowest-leverage tasks to set aside; default from {@link defaultExcludeCount}. */
  excludeLowest?: number | undefined;
  /** A summary already computed for `tasks` (else computed here). */
  summary?: Summary | undefined;
}

const SCOPE_WORDS: Record<FactScope, { when: string; owner: string; noun: string }> = {
  day: { when: 'today', owner: "the day's", noun: 'day' },
  week: { when: 'this week', owner: "the week's", noun: 'week' },
  period: { when: 'in this period', owner: "the period's", noun: 'period' },
};

const hours = (seconds: number) => formatTrimmed(seconds / 3600, 1);
const minutes = (seconds: number) => formatTrimmed(seconds / 60, 1);

/**
 * How many lowest-leverage tasks the "excluding …" fact sets aside when the user does not say.
 * Rule: a task whose own factor is below a quarter of the period's weighted leverage drags the
 * average down far more than its share of the work; those tasks are set aside, as long as at
 * least two tasks remain. On March 1, 2026 (24.3x weighted) the threshold is 6.1x: 4.0x and 2.7x
 * are set aside and the next one up, 10.9x, stays — the post's "excluding those, the remaining
 * ten tasks average 48.9x".
 */
export function defaultExcludeCount(tasks: readonly MetricTask[], leverage: number | null): number {
  if (leverage === null || tasks.length < 3) return 0;
  const threshold = leverage / 4;
  const below = tasks.filter((task) => {
    const factor = taskLeverage(task);
    return factor !== null && factor < threshold;
  }).length;
  return Math.min(below, tasks.length - 2);
}

/** Tasks with a factor, lowest first (earlier entry first on ties). */
function lowestTasks(tasks: readonly MetricTask[], count: number): MetricTask[] {
  return tasks
    .map((task, index) => ({ task, index, factor: taskLeverage(task) }))
    .filter((entry): entry is { task: MetricTask; index: number; factor: number } => entry.factor !== null)
    .sort((a, b) => a.factor - b.factor || a.index - b.index)
    .slice(0, count)
    .map((entry) => entry.task);
}

function periodName(scope: FactScope, point: SeriesPoint): string {
  return scope === 'day' ? longDate(point.period) : point.label;
}

function trend(current: number, previous: number): string {
  if (current > previous) return 'up from';
  if (current < previous) return 'down from';
  return 'level with';
}

function excludingFacts(input: FactInput, summary: Summary, words: (typeof SCOPE_WORDS)[FactScope]): Fact[] {
  const requested = input.excludeLowest ?? defaultExcludeCount(input.tasks, summary.leverage);
  const count = Math.max(0, Math.min(requested, input.tasks.length - 1));
  if (count === 0) return [];
  const excluded = lowestTasks(input.tasks, count);
  if (excluded.length === 0) return [];
  const excludedIds = new Set(excluded.map((task) => task.id));
  const rest = summarize(input.tasks, { exclude: excludedIds });
  const removed = summarize(excluded);
  // Listed highest first, as the Task Log orders them ("4.0x and 2.7x").
  const factors = excluded.map((task) => taskLeverage(task) ?? 0).sort((a, b) => b - a);
  const factorText = listJoin(factors.map((factor) => formatFactor(factor, input.factorFormat)));
  const tasksWord = excluded.length === 1 ? 'task' : `${countWord(excluded.length)} tasks`;
  const lowestWord = excluded.length === 1 ? 'the lowest-leverage task' : `the ${countWord(excluded.length)} lowest-leverage tasks`;
  return [
    {
      kind: 'excluding-lowest',
      text: `Excluding ${lowestWord} (${factorText}), the remaining ${countNoun(rest.taskCount, 'task')} average ${formatFactor(rest.leverage, input.factorFormat)}.`,
      figures: {
        excludedCount: excluded.length,
        excludedTaskIds: excluded.map((task) => task.id),
        excludedFactors: factors,
        remainingCount: rest.taskCount,
        remainingLeverage: rest.leverage,
        threshold: summary.leverage === null ? null : summary.leverage / 4,
      },
    },
    {
      kind: 'lowest-share',
      text:
        `${excluded.length === 1 ? 'That task accounts' : `These ${tasksWord} account`} for ${minutes(removed.agentSeconds)} of ${words.owner} ` +
        `${minutes(summary.agentSeconds)} ${escapeInline(input.agentLabel)} minutes while contributing only ${hours(removed.humanSeconds)} of the ` +
        `${hours(summary.humanSeconds)} human-equivalent hours.`,
      figures: {
        excludedCount: excluded.length,
        excludedAgentMinutes: removed.agentSeconds / 60,
        totalAgentMinutes: summary.agentSeconds / 60,
        excludedHumanHours: removed.humanSeconds / 3600,
        totalHumanHours: summary.humanSeconds / 3600,
        agentShare: ratio(removed.agentSeconds, summary.agentSeconds),
        humanShare: ratio(removed.humanSeconds, summary.humanSeconds),
      },
    },
  ];
}

function taskFact(kind: 'ceiling' | 'floor', task: MetricTask, factor: number, input: FactInput): Fact {
  const label = kind === 'ceiling' ? 'The ceiling' : 'The floor';
  return {
    kind,
    text: `${label}: ${escapeInline(task.title)} at ${formatFactor(factor, input.factorFormat)} (${formatHours(task.humanSeconds)} of human-equivalent work in ${formatMinutes(task.agentSeconds)}).`,
    figures: { taskId: task.id, title: task.title, factor, humanHours: task.humanSeconds / 3600, agentMinutes: task.agentSeconds / 60 },
  };
}

function weeksPhrase(humanSeconds: number): { text: string; rounded: number } {
  const weeks = humanWeeks(humanSeconds);
  if (weeks >= 0.75) {
    const rounded = Math.max(1, Math.round(weeks));
    return { text: `roughly ${countNoun(rounded, 'week')} of senior engineering output`, rounded };
  }
  const days = Math.max(1, Math.round(humanSeconds / 3600 / 8));
  return { text: `roughly ${countNoun(days, 'working day')} of senior engineering output`, rounded: 0 };
}

function comparisonFacts(input: FactInput, summary: Summary): Fact[] {
  const facts: Fact[] = [];
  const format = (value: number | null) => formatFactor(value, input.factorFormat);
  const previousDay = input.scope === 'day' ? input.previousDay : null;
  if (previousDay && previousDay.leverage !== null && summary.leverage !== null) {
    facts.push({
      kind: 'previous-day',
      text:
        `Weighted leverage ${format(summary.leverage)}, ${trend(summary.leverage, previousDay.leverage)} ${format(previousDay.leverage)} on ${longDate(previousDay.period)} ` +
        `(${countNoun(summary.taskCount, 'task')} and ${hours(summary.humanSeconds)} hours, against ${countNoun(previousDay.taskCount, 'task')} and ${hours(previousDay.humanSeconds)} hours).`,
      figures: {
        leverage: summary.leverage,
        previousDate: previousDay.period,
        previousLeverage: previousDay.leverage,
        taskCount: summary.taskCount,
        previousTaskCount: previousDay.taskCount,
        humanHours: summary.humanSeconds / 3600,
        previousHumanHours: previousDay.humanSeconds / 3600,
      },
    });
  }
  const previousWeek = input.scope === 'period' ? null : input.previousWeek;
  if (previousWeek && previousWeek.leverage !== null && summary.leverage !== null) {
    const subject = input.scope === 'day' ? `Today's ${format(summary.leverage)}` : `This week's ${format(summary.leverage)}`;
    const relation = summary.leverage > previousWeek.leverage ? 'is above' : summary.leverage < previousWeek.leverage ? 'is below' : 'matches';
    facts.push({
      kind: 'previous-week',
      text: `${subject} ${relation} the weighted ${format(previousWeek.leverage)} of ${input.scope === 'day' ? 'the previous week' : 'last week'} (${previousWeek.label}: ${countNoun(previousWeek.taskCount, 'task')}, ${hours(previousWeek.humanSeconds)} hours).`,
      figures: {
        leverage: summary.leverage,
        previousWeek: previousWeek.label,
        previousWeekLeverage: previousWeek.leverage,
        previousWeekTaskCount: previousWeek.taskCount,
        previousWeekHumanHours: previousWeek.humanSeconds / 3600,
      },
    });
  }
  return facts;
}

/** Superlatives against the whole history: each is stated only when strictly true (ties are not records). */
function superlativeFacts(input: FactInput, summary: Summary, words: (typeof SCOPE_WORDS)[FactScope]): Fact[] {
  if (input.scope === 'period' || input.otherPeriods.length === 0 || summary.taskCount === 0) return [];
  const facts: Fact[] = [];
  const format = (value: number | null) => formatFactor(value, input.factorFormat);
  const others = input.otherPeriods;
  const best = <T>(pick: (point: SeriesPoint) => T | null, better: (a: T, b: T) => boolean) => {
    let winner: { point: SeriesPoint; value: T } | null = null;
    for (const point of others) {
      const value = pick(point);
      if (value !== null && (winner === null || better(value, winner.value))) winner = { point, value };
    }
    return winner;
  };
  const recordCount = `${countWord(others.length + 1)} ${words.noun}s on record`;

  const mostTasks = best((point) => point.taskCount, (a, b) => a > b);
  if (mostTasks && summary.taskCount > mostTasks.value) {
    facts.push({
      kind: 'most-tasks',
      text: `${capitalize(countNoun(summary.taskCount, 'task'))} is the most of any ${words.noun} in the journal (${recordCount}; the previous high was ${mostTasks.value} on ${periodName(input.scope, mostTasks.point)}).`,
      figures: { taskCount: summary.taskCount, previousHigh: mostTasks.value, previousHighPeriod: mostTasks.point.period, periods: others.length + 1 },
    });
  }
  if (summary.leverage !== null) {
    const highest = best((point) => point.leverage, (a, b) => a > b);
    if (highest && summary.leverage > highest.value) {
      facts.push({
        kind: 'highest-leverage',
        text: `${format(summary.leverage)} is the highest weighted leverage of any ${words.noun} on record (previous high ${format(highest.value)} on ${periodName(input.scope, highest.point)}).`,
        figures: { leverage: summary.leverage, previousHigh: highest.value, previousHighPeriod: highest.point.period },
      });
    }
    const lowest = best((point) => point.leverage, (a, b) => a < b);
    if (lowest && summary.leverage < lowest.value) {
      facts.push({
        kind: 'lowest-leverage',
        text: `${format(summary.leverage)} is the lowest weighted leverage of any ${words.noun} on record (previous low ${format(lowest.value)} on ${periodName(input.scope, lowest.point)}).`,
        figures: { leverage: summary.leverage, previousLow: lowest.value, previousLowPeriod: lowest.point.period },
      });
    }
  }
  const largest = input.tasks.reduce<MetricTask | null>((top, task) => (top === null || task.humanSeconds > top.humanSeconds ? task : top), null);
  if (largest && input.largestOtherTask && largest.humanSeconds > input.largestOtherTask.humanSeconds) {
    facts.push({
      kind: 'largest-task',
      text: `${escapeInline(largest.title)} (${formatHours(largest.humanSeconds)}) is the largest task on record; the previous largest was ${formatHours(input.largestOtherTask.humanSeconds)} on ${longDate(input.largestOtherTask.workDate)}.`,
      figures: {
        taskId: largest.id,
        humanHours: largest.humanSeconds / 3600,
        previousLargestHours: input.largestOtherTask.humanSeconds / 3600,
        previousLargestDate: input.largestOtherTask.workDate,
      },
    });
  }
  return facts;
}

function workstreamFacts(input: FactInput, summary: Summary, words: (typeof SCOPE_WORDS)[FactScope]): Fact[] {
  if (summary.workstreams.length < 2) return [];
  return summary.workstreams.map((stream) => {
    const name = stream.workstream ?? 'No workstream';
    const humanShare = stream.humanShare;
    const agentShare = stream.agentShare ?? 0;
    return {
      kind: 'workstream-share' as const,
      text:
        `${escapeInline(name)}: ${countNoun(stream.taskCount, 'task')}, ${hours(stream.humanSeconds)} of ${words.owner} ${hours(summary.humanSeconds)} hours ` +
        `(${formatTrimmed(humanShare * 100, 0)}%) and ${minutes(stream.agentSeconds)} of ${minutes(summary.agentSeconds)} ${escapeInline(input.agentLabel)} minutes ` +
        `(${formatTrimmed(agentShare * 100, 0)}%), at ${formatFactor(stream.leverage, input.factorFormat)}.`,
      figures: {
        workstream: stream.workstream,
        taskCount: stream.taskCount,
        humanHours: stream.humanSeconds / 3600,
        agentMinutes: stream.agentSeconds / 60,
        humanShare,
        agentShare: stream.agentShare,
        leverage: stream.leverage,
      },
    };
  });
}

/** Every fact the data supports for a day, a week or a range, in the order a post would use them. */
export function computeFacts(input: FactInput): Fact[] {
  const summary = input.summary ?? summarize(input.tasks);
  if (summary.taskCount === 0) return [];
  const words = SCOPE_WORDS[input.scope];
  const facts: Fact[] = [];
  const workstreamCount = new Set(input.tasks.map((task) => task.workstream).filter((name) => name !== null)).size;
  facts.push({
    kind: 'overview',
    text: `${capitalize(countNoun(summary.taskCount, 'task'))} ${words.when}${workstreamCount > 0 ? ` across ${countNoun(workstreamCount, 'workstream')}` : ''}.`,
    figures: { taskCount: summary.taskCount, workstreamCount },
  });

  const tasksById = new Map(input.tasks.map((task) => [task.id, task]));
  const ceilingTask = summary.ceiling ? tasksById.get(summary.ceiling.id) : undefined;
  if (summary.ceiling && ceilingTask) facts.push(taskFact('ceiling', ceilingTask, summary.ceiling.factor, input));
  const floorTask = summary.floor ? tasksById.get(summary.floor.id) : undefined;
  if (summary.floor && floorTask && summary.floor.id !== summary.ceiling?.id) facts.push(taskFact('floor', floorTask, summary.floor.factor, input));

  facts.push(...excludingFacts(input, summary, words));

  if (summary.leverage !== null) {
    const weeks = weeksPhrase(summary.humanSeconds);
    facts.push({
      kind: 'human-weeks',
      text:
        `A ${formatFactor(summary.leverage, input.factorFormat)} weighted average across ${summary.taskCount} tasks means ${weeks.text} ` +
        `(${hours(summary.humanSeconds)} hours ÷ 40) in ${formatHoursAndMinutes(summary.agentSeconds)} of ${escapeInline(input.agentLabel)} time.`,
      figures: {
        leverage: summary.leverage,
        humanHours: summary.humanSeconds / 3600,
        weeks: humanWeeks(summary.humanSeconds),
        roundedWeeks: weeks.rounded,
        agentMinutes: summary.agentSeconds / 60,
      },
    });
  }
  facts.push(...workstreamFacts(input, summary, words));
  facts.push(...comparisonFacts(input, summary));
  facts.push(...superlativeFacts(input, summary, words));
  return facts;
}
