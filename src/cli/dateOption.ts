import { InvalidArgumentError } from 'commander';
import { isCalendarDate, today } from '../shared/metrics/calendarDate.ts';

/** commander's parser of a date option: "YYYY-MM-DD" or "today" (no date library: the `sessions` path uses it). */
export function parseDateOption(value: string): string {
  const text = value === 'today' ? today() : value;
  if (!isCalendarDate(text)) throw new InvalidArgumentError(`"${value}" is not a date: use YYYY-MM-DD or "today".`);
  return text;
}
