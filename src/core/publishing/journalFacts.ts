import type { DateRange } from '../../shared/metrics/periods.ts';
import { isoWeekOf, isoWeekRange, shiftDate, weekRangeOf } from '../../shared/metrics/periods.ts';
import type { Journal } from '../journal.ts';
import { computeFacts, type Fact, type LargestTask } from './facts.ts';

/** All of history, for series that take a range. */
export const ALL_TIME: DateRange = { from: '0000-01-01', to: '9999-12-31' };

export interface FactOptions {
  /** Set aside this many lowest-leverage tasks in the "excluding …" fact (default: the rule in defaultExcludeCount). */
  excludeLowest?: number | undefined;
}

/** The largest task (human-equivalent time) recorded outside the range. */
function largestTaskOutside(journal: Journal, range: DateRange): LargestTask | null {
  const candidates = [
    journal.tasks.query({ to: shiftDate(range.from, -1), sort: 'humanSeconds', direction: 'desc', limit: 1 }).rows[0],
    journal.tasks.query({ from: shiftDate(range.to, 1), sort: 'humanSeconds', direction: 'desc', limit: 1 }).rows[0],
  ].filter((task) => task !== undefined);
  const top = candidates.sort((a, b) => b.humanSeconds - a.humanSeconds)[0];
  return top ? { title: top.title, humanSeconds: top.humanSeconds, workDate: top.workDate } : null;
}

function previousWeekPoint(journal: Journal, week: string) {
  const previous = isoWeekOf(shiftDate(isoWeekRange(week).from, -7));
  return journal.metrics.weeklySeries(isoWeekRange(previous))[0] ?? null;
}

/** The facts of one day, checked against every other day in the journal. */
export function dayFacts(journal: Journal, date: string, options: FactOptions = {}): Fact[] {
  const settings = journal.settings.get();
  const days = journal.metrics.dailySeries(ALL_TIME);
  const others = days.filter((point) => point.period !== date);
  const earlier = others.filter((point) => point.period < date);
  return computeFacts({
    scope: 'day',
    label: date,
    tasks: journal.tasks.listByDate(date),
    summary: journal.metrics.day(date),
    agentLabel: settings.agentLabel,
    factorFormat: settings.factorFormat,
    previousDay: earlier[earlier.length - 1] ?? null,
    previousWeek: previousWeekPoint(journal, isoWeekOf(weekRangeOf(date).from)),
    otherPeriods: others,
    largestOtherTask: largestTaskOutside(journal, { from: date, to: date }),
    excludeLowest: options.excludeLowest,
  });
}

/** The facts of one ISO week ("2026-W09"), checked against every other week. */
export function weekFacts(journal: Journal, week: string, options: FactOptions = {}): Fact[] {
  const settings = journal.settings.get();
  const range = isoWeekRange(week);
  return computeFacts({
    scope: 'week',
    label: week,
    tasks: journal.tasks.listRange(range.from, range.to),
    summary: journal.metrics.week(week),
    agentLabel: settings.agentLabel,
    factorFormat: settings.factorFormat,
    previousDay: null,
    previousWeek: previousWeekPoint(journal, week),
    otherPeriods: journal.metrics.weeklySeries().filter((point) => point.label !== week),
    largestOtherTask: largestTaskOutside(journal, range),
    excludeLowest: options.excludeLowest,
  });
}

/** The facts of any range (no history comparisons: a range has no natural predecessor). */
export function rangeFacts(journal: Journal, range: DateRange, options: FactOptions = {}): Fact[] {
  const settings = journal.settings.get();
  return computeFacts({
    scope: 'period',
    label: `${range.from} – ${range.to}`,
    tasks: journal.tasks.listRange(range.from, range.to),
    summary: journal.metrics.range(range),
    agentLabel: settings.agentLabel,
    factorFormat: settings.factorFormat,
    previousDay: null,
    previousWeek: null,
    otherPeriods: [],
    largestOtherTask: null,
    excludeLowest: options.excludeLowest,
  });
}
