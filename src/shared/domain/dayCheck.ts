import { isCalendarDate } from '../metrics/periods.ts';
import type { DayRecord, DayRecordPatch } from './day.ts';
import { calendarDate, nullable, number, object, run, string } from './lightCheck.ts';

export const MAX_DAY_TEXT_LENGTH = 200_000;

export function emptyDayRecord(workDate: string): DayRecord {
  return { workDate, intro: '', analysis: '', publicationDate: null, dayTokens: null };
}

/** The dayStore's check of a change, without zod (lightCheck.ts says why): as dayRecordPatchSchema in day.ts; a test holds the two equal. */
const dayPatchCheck = object(
  {
    intro: string({ max: [MAX_DAY_TEXT_LENGTH] }),
    analysis: string({ max: [MAX_DAY_TEXT_LENGTH] }),
    publicationDate: nullable(calendarDate(isCalendarDate, 'must be a calendar date written YYYY-MM-DD')),
    dayTokens: nullable(number({ int: true, min: 0, max: 1e15 })),
  },
  { partial: true },
);

export function checkDayPatch(patch: unknown): { ok: true; value: DayRecordPatch } | { ok: false; problems: string } {
  return run<DayRecordPatch>(dayPatchCheck, patch);
}
