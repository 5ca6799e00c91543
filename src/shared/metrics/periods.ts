// One file per function (not the date-fns barrel): the CLI loads this on every command.
import { addDays } from 'date-fns/addDays';
import { endOfISOWeek } from 'date-fns/endOfISOWeek';
import { formatISO } from 'date-fns/formatISO';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { parseISO } from 'date-fns/parseISO';
import { setISOWeek } from 'date-fns/setISOWeek';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';
import { startOfISOWeekYear } from 'date-fns/startOfISOWeekYear';

/** A closed range of work dates, both "YYYY-MM-DD". */
export interface DateRange {
  from: string;
  to: string;
}

/** The local calendar date of `date`, "YYYY-MM-DD". */
export function toDateString(date: Date): string {
  return formatISO(date, { representation: 'date' });
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "YYYY-MM-DD" naming a real calendar day (what the domain's zod `workDateSchema` accepts; a test
 * keeps the two in step). The CLI checks dates with this so its start-up does not load zod.
 */
export function isCalendarDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return month >= 1 && month <= 12 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Today's local calendar date. */
export function today(now: Date = new Date()): string {
  return toDateString(now);
}

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
