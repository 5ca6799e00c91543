// Narrow imports: the date-fns barrel costs seconds of start-up in plain Node (the CLI is not bundled).
import { addDays } from 'date-fns/addDays';
import { endOfISOWeek } from 'date-fns/endOfISOWeek';
import { format } from 'date-fns/format';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { parseISO } from 'date-fns/parseISO';
import { setISOWeek } from 'date-fns/setISOWeek';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';
import { startOfISOWeekYear } from 'date-fns/startOfISOWeekYear';
import { toDateString } from './calendarDate.ts';

/** A closed range of work dates, both "YYYY-MM-DD". */
export interface DateRange {
  from: string;
  to: string;
}

export { isCalendarDate, toDateString, today } from './calendarDate.ts';

export function shiftDate(date: string, days: number): string {
  return toDateString(addDays(parseISO(date), days));
}

const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

/** "2026-W09" → Monday 2026-02-23 .. Sunday 2026-03-01 (ISO weeks start on Monday). */
export function isoWeekRange(week: string): DateRange {
  const match = WEEK_PATTERN.exec(week);
  if (!match) throw new RangeError(`Invalid ISO week "${week}": use YYYY-Www, e.g. 2026-W09.`);
  const year = Number(match[1]);
  const number = Number(match[2]);
  const yearStart = startOfISOWeekYear(new Date(year, 0, 4));
  const monday = startOfISOWeek(setISOWeek(yearStart, number));
  if (number < 1 || getISOWeekYear(monday) !== year || getISOWeek(monday) !== number) {
    throw new RangeError(`Invalid ISO week "${week}": ${year} has no week ${number}.`);
  }
  return { from: toDateString(monday), to: toDateString(endOfISOWeek(monday)) };
}

/** The ISO week label of a date: 2026-03-01 → "2026-W09". */
export function isoWeekOf(date: string): string {
  const day = parseISO(date);
  return `${getISOWeekYear(day)}-W${String(getISOWeek(day)).padStart(2, '0')}`;
}

export function weekRangeOf(date: string): DateRange {
  const day = parseISO(date);
  return { from: toDateString(startOfISOWeek(day)), to: toDateString(endOfISOWeek(day)) };
}

export function monthRange(month: string): DateRange {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) throw new RangeError(`Invalid month "${month}": use YYYY-MM.`);
  const first = new Date(Number(match[1]), Number(match[2]) - 1, 1);
  const last = new Date(Number(match[1]), Number(match[2]), 0);
  return { from: toDateString(first), to: toDateString(last) };
}

/** "March 1, 2026", as the post titles write dates. */
export function longDate(date: string): string {
  return format(parseISO(date), 'MMMM d, yyyy');
}
