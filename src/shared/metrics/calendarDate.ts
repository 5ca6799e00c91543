/**
 * Local calendar dates as "YYYY-MM-DD" without a date library: the CLI's `sessions` path loads only
 * this (periods.ts builds weeks and months on date-fns and re-exports these).
 */

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** The local calendar date of a moment, "YYYY-MM-DD". */
export function toDateString(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

/** Today's local calendar date. */
export function today(now: Date = new Date()): string {
  return toDateString(now);
}

/** True for a real calendar date written YYYY-MM-DD (2026-02-29 is not one). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
