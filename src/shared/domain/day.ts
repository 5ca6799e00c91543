import { z } from 'zod';
import { MAX_DAY_TEXT_LENGTH } from './dayCheck.ts';
import { workDateSchema } from './task.ts';

// The dayStore's zod-free check and the empty record live beside (dayCheck.ts).
export { emptyDayRecord, MAX_DAY_TEXT_LENGTH } from './dayCheck.ts';

/** The prose of a day's post and when it is published (which may differ from the work date). */
export const dayRecordSchema = z.object({
  workDate: workDateSchema,
  intro: z.string().max(MAX_DAY_TEXT_LENGTH),
  analysis: z.string().max(MAX_DAY_TEXT_LENGTH),
  publicationDate: workDateSchema.nullable(),
  /** A day-level token total stated by an imported post ("Tokens consumed ~867,500"); null when unknown. */
  dayTokens: z.number().int().min(0).max(1e15).nullable(),
});
export type DayRecord = z.infer<typeof dayRecordSchema>;

export const dayRecordPatchSchema = dayRecordSchema.omit({ workDate: true }).partial();
export type DayRecordPatch = z.input<typeof dayRecordPatchSchema>;
