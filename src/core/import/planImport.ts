import type { Task } from '../../shared/domain/task.ts';
import { summarize, taskLeverage, taskSupervisoryFactor, type Summary } from '../../shared/metrics/summary.ts';
import { formatFactor } from '../../shared/units/factor.ts';
import { roundHalfUp } from '../../shared/units/rounding.ts';
import type { StatedFactor } from './cells.ts';
import type { ParsedPost, PostTask, StatedAggregates, UnparsedLine } from './model.ts';
import { isJournalError } from '../errors.ts';
import { readPosts, type ReadPostsOptions } from './readPosts.ts';

/** What an import would do to one day. */
export type DayStatus = 'new' | 'duplicate' | 'conflict';

export interface PlannedTask extends PostTask {
  computedFactor: number | null;
  computedSupervisoryFactor: number | null;
}

export interface DayPlan {
  date: string;
  title: string | null;
  /** new: the day has no tasks; duplicate: it already holds exactly these tasks; conflict: it holds others. */
  status: DayStatus;
  existingTaskCount: number;
  tasks: PlannedTask[];
  intro: string;
  analysis: string;
  /** The day-level token total to keep on the day (the post gave tokens only as a day total). */
  dayTokens: number | null;
  /** The figures computed from the post's rows. */
  summary: Summary;
  stated: StatedAggregates;
  /** Every stated figure that disagrees with the rows, reported as printed (never corrected). */
  mismatches: string[];
  unparsed: UnparsedLine[];
}

export interface ImportReport {
  days: DayPlan[];
  /** Mismatches and unparsed lines, one sentence each. */
  warnings: string[];
  /** Problems that stop the import: nothing is written while there is one. */
  errors: string[];
}

/** The journal state an import is compared with. */
export interface ExistingDays {
  tasksOn(date: string): readonly Task[];
}

/** Identity of a task for duplicate detection: the same row imported twice has the same key. */
export function taskKey(task: Pick<PostTask, 'title' | 'humanSeconds' | 'agentSeconds' | 'supervisionSeconds' | 'tokens'>): string {
  return JSON.stringify([task.title.trim(), task.humanSeconds, task.agentSeconds, task.supervisionSeconds, task.tokens]);
}

function sameMultiset(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const left = [...a].sort();
  const right = [...b].sort();
  return left.every((value, index) => value === right[index]);
}

function factorAgrees(stated: StatedFactor, computed: number | null): boolean {
  return computed !== null && roundHalfUp(computed, stated.decimals) === stated.value;
}

function printedFactor(stated: StatedFactor): string {
  return `${stated.value.toFixed(stated.decimals)}x`;
}

function taskMismatches(task: PlannedTask): string[] {
  const problems: string[] = [];
  if (task.statedFactor && !factorAgrees(task.statedFactor, task.computedFactor)) {
    problems.push(`line ${task.line}: "${task.title}" states ${printedFactor(task.statedFactor)} but its numbers give ${formatFactor(task.computedFactor, 'one-decimal')}`);
  }
  if (task.statedSupervisoryFactor && !factorAgrees(task.statedSupervisoryFactor, task.computedSupervisoryFactor)) {
    problems.push(`line ${task.line}: "${task.title}" states a supervisory factor of ${printedFactor(task.statedSupervisoryFactor)} but its numbers give ${formatFactor(task.computedSupervisoryFactor, 'one-decimal')}`);
  }
  if (task.statedWeeks !== null && Math.abs(task.statedWeeks - task.humanSeconds / 3600 / 40) > 0.051) {
    problems.push(`line ${task.line}: "${task.title}" states ${task.statedWeeks} weeks but ${task.humanSeconds / 3600}h is ${roundHalfUp(task.humanSeconds / 3600 / 40, 2)} weeks`);
  }
  return problems;
}

/** Stated totals are rounded for print ("~2.62M"): within half a percent agrees. */
function tokensAgree(stated: number, computed: number | null): boolean {
  return computed !== null && Math.abs(stated - computed) <= stated * 0.005;
}

function aggregateMismatches(summary: Summary, stated: StatedAggregates): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string, printed: string, computed: string) => {
    if (!ok) problems.push(`${what}: the post states ${printed} but its rows give ${computed}`);
  };
  const hours = summary.humanSeconds / 3600;
  const minutes = summary.agentSeconds / 60;
  if (stated.taskCount !== undefined) check(stated.taskCount === summary.taskCount, 'task count', String(stated.taskCount), String(summary.taskCount));
  if (stated.humanHours !== undefined) check(roundHalfUp(hours, 2) === roundHalfUp(stated.humanHours, 2), 'human-equivalent hours', `${stated.humanHours}h`, `${roundHalfUp(hours, 2)}h`);
  if (stated.agentMinutes !== undefined) check(roundHalfUp(minutes, 1) === roundHalfUp(stated.agentMinutes, 1), 'agent minutes', `${stated.agentMinutes}min`, `${roundHalfUp(minutes, 1)}min`);
  if (stated.supervisionMinutes !== undefined) {
    const supervision = summary.supervisionSeconds === null ? null : summary.supervisionSeconds / 60;
    check(supervision !== null && roundHalfUp(supervision, 1) === roundHalfUp(stated.supervisionMinutes, 1), 'supervision minutes', `${stated.supervisionMinutes}min`, supervision === null ? 'none' : `${roundHalfUp(supervision, 1)}min`);
  }
  if (stated.tokens !== undefined) check(tokensAgree(stated.tokens, summary.tokens), 'total tokens', String(stated.tokens), String(summary.tokens));
  if (stated.leverage) check(factorAgrees(stated.leverage, summary.leverage), 'weighted leverage', printedFactor(stated.leverage), formatFactor(summary.leverage, 'one-decimal'));
  if (stated.supervisoryLeverage) {
    check(factorAgrees(stated.supervisoryLeverage, summary.supervisoryLeverage), 'supervisory factor', printedFactor(stated.supervisoryLeverage), formatFactor(summary.supervisoryLeverage, 'one-decimal'));
  }
  return problems;
}

function planDay(post: ParsedPost & { date: string }, existing: ExistingDays): DayPlan {
  const tasks: PlannedTask[] = post.tasks.map((task) => ({
    ...task,
    computedFactor: taskLeverage(task),
    computedSupervisoryFactor: taskSupervisoryFactor(task),
  }));
  const anyTaskTokens = tasks.some((task) => task.tokens !== null);
  // A day total counts only when no row gave tokens: then it is the day's figure, marked as such.
  const dayTokens = anyTaskTokens ? null : (post.stated.dayTokens ?? post.stated.tokens ?? null);
  const summary = summarize(
    tasks.map((task, index) => ({ ...task, id: index + 1, workstream: null })),
    { dayTokens },
  );
  const current = existing.tasksOn(post.date);
  const status: DayStatus =
    current.length === 0 ? 'new' : sameMultiset(current.map(taskKey), tasks.map(taskKey)) ? 'duplicate' : 'conflict';
  const statedForCheck = anyTaskTokens ? post.stated : { ...post.stated, tokens: undefined };
  return {
    date: post.date,
    title: post.title,
    status,
    existingTaskCount: current.length,
    tasks,
    intro: post.intro,
    analysis: post.analysis,
    dayTokens,
    summary,
    stated: post.stated,
    mismatches: [...tasks.flatMap(taskMismatches), ...aggregateMismatches(summary, statedForCheck)],
    unparsed: post.unparsed,
  };
}

/** Compares posts already read with the journal. Reads nothing, writes nothing: cheap enough for a transaction. */
export function planPosts(posts: readonly ParsedPost[], existing: ExistingDays, options: ReadPostsOptions = {}): ImportReport {
  const source = options.fileName ?? 'the input';
  const errors: string[] = [];
  const warnings: string[] = [];
  const days: DayPlan[] = [];
  const seen = new Set<string>();
  for (const post of posts) {
    const label = post.title ?? 'A post without a title';
    if (post.date === null) {
      errors.push(post.title
        ? `${source}: "${post.title}" does not name a calendar date.`
        : `${source}: the post has no "Leverage Record: <date>" title; give its date (--date YYYY-MM-DD).`);
      continue;
    }
    if (post.tasks.length === 0) {
      errors.push(`${source}: ${label} (${post.date}) has no readable task rows.`);
      for (const line of post.unparsed) warnings.push(`${post.date}: line ${line.line} not imported (${line.reason}): ${line.text}`);
      continue;
    }
    if (seen.has(post.date)) {
      errors.push(`${source}: two posts are dated ${post.date}.`);
      continue;
    }
    seen.add(post.date);
    const day = planDay({ ...post, date: post.date }, existing);
    days.push(day);
    for (const mismatch of day.mismatches) warnings.push(`${day.date}: ${mismatch}`);
    for (const line of day.unparsed) warnings.push(`${day.date}: line ${line.line} not imported (${line.reason}): ${line.text}`);
    for (const note of post.notes) warnings.push(`${day.date}: line ${note.line} "${note.text}": ${note.reason}`);
  }
  if (posts.length === 0) {
    errors.push(`${source} holds no Leverage Record task table (expected a header such as "Task | Human Est. | Claude Time | Tokens | Leverage").`);
  }
  return { days, warnings, errors };
}

/** A refusal of the readers (empty, too large, too deep, binary) as a report with one error. */
export function refusedReport(error: unknown): ImportReport {
  if (!isJournalError(error)) throw error;
  return { days: [], warnings: [], errors: [error.message] };
}

/** The dry run: reads every post of a file and compares it with the journal. Writes nothing. */
export function planImport(text: string, existing: ExistingDays, options: ReadPostsOptions = {}): ImportReport {
  let posts: ParsedPost[];
  try {
    posts = readPosts(text, options);
  } catch (error) {
    return refusedReport(error);
  }
  return planPosts(posts, existing, options);
}
