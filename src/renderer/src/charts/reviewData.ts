import { addWeeks, parseISO } from 'date-fns';
import type { ChannelOutput } from '../../../shared/ipc/contract.ts';
import { isoWeekOf, isoWeekRange, shiftDate, toDateString, weekRangeOf, type DateRange } from '../../../shared/metrics/periods.ts';
import { secondsToHours } from '../../../shared/units/duration.ts';

export type SeriesPoint = ChannelOutput<'weeklySeries'>[number];
export type Summary = ChannelOutput<'rangeMetrics'>;

export const PRESETS = [
  { id: 'week', label: 'This week', weeks: 1 },
  { id: '4w', label: '4 weeks', weeks: 4 },
  { id: '12w', label: '12 weeks', weeks: 12 },
  { id: '52w', label: '52 weeks', weeks: 52 },
  { id: 'all', label: 'All', weeks: null },
] as const;
export type PresetId = (typeof PRESETS)[number]['id'];

/** The date range of a preset ending in the week of `today`; null for all history. */
export function presetRange(preset: PresetId, today: string): DateRange | null {
  const found = PRESETS.find((item) => item.id === preset);
  if (!found || found.weeks === null) return null;
  const thisWeek = weekRangeOf(today);
  return { from: toDateString(addWeeks(parseISO(thisWeek.from), -(found.weeks - 1))), to: thisWeek.to };
}

export function shiftWeek(week: string, weeks: number): string {
  return isoWeekOf(toDateString(addWeeks(parseISO(isoWeekRange(week).from), weeks)));
}

export interface WeekRow {
  week: string;
  leverage: number | null;
  meanLeverage: number | null;
  humanHours: number;
  agentHours: number;
  tokens: number;
  taskCount: number;
}

/** One row per ISO week for the weekly charts (hours as numbers, so axes scale). */
export function toWeekRows(points: readonly SeriesPoint[]): WeekRow[] {
  return points.map((point) => ({
    week: point.label,
    leverage: point.leverage,
    meanLeverage: point.meanLeverage,
    humanHours: secondsToHours(point.humanSeconds),
    agentHours: secondsToHours(point.agentSeconds),
    tokens: point.tokens,
    taskCount: point.taskCount,
  }));
}

export interface DayRow {
  date: string;
  day: string;
  leverage: number | null;
  humanHours: number;
  taskCount: number;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Seven rows, Monday to Sunday, for the selected week; days without tasks have no leverage. */
export function toDayRows(week: string, points: readonly SeriesPoint[]): DayRow[] {
  const { from } = isoWeekRange(week);
  const byDate = new Map(points.map((point) => [point.period, point]));
  return WEEKDAYS.map((day, index) => {
    const date = shiftDate(from, index);
    const point = byDate.get(date);
    return { date, day: `${day} ${date.slice(8)}`, leverage: point?.leverage ?? null, humanHours: secondsToHours(point?.humanSeconds ?? 0), taskCount: point?.taskCount ?? 0 };
  });
}

export interface ShareRow {
  name: string;
  hours: number;
  share: number;
}

/** Human hours by workstream, largest first; small ones beyond `keep` are folded into "Other". */
export function toShareRows(summary: Summary | undefined, keep = 6): ShareRow[] {
  if (!summary) return [];
  const rows = summary.workstreams
    .map((item) => ({ name: item.workstream ?? 'No workstream', hours: secondsToHours(item.humanSeconds), share: item.humanShare }))
    .filter((row) => row.hours > 0)
    .sort((a, b) => b.hours - a.hours);
  if (rows.length <= keep) return rows;
  const head = rows.slice(0, keep - 1);
  const tail = rows.slice(keep - 1);
  return [...head, { name: 'Other', hours: tail.reduce((sum, row) => sum + row.hours, 0), share: tail.reduce((sum, row) => sum + row.share, 0) }];
}
