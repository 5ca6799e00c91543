import { z } from 'zod';
import { MAX_DAY_TEXT_LENGTH } from './day.ts';

/** The day's text fields that are edited as free text (and saved by the one autosave model). */
export const DAY_TEXT_FIELDS = ['intro', 'analysis'] as const;
export type DayTextField = (typeof DAY_TEXT_FIELDS)[number];

/**
 * One field changed in two places since the version both started from: this window's text (`local`,
 * which is what the field now holds) and another writer's (`remote`: the CLI, another window, and
 * later a second machine through sync), both kept with their common `base` until the person chooses.
 */
export const editConflictSchema = z.object({
  id: z.number().int().positive(),
  entity: z.enum(['day']),
  /** Which record: the work date for a day. */
  key: z.string(),
  field: z.string(),
  base: z.string().max(MAX_DAY_TEXT_LENGTH),
  local: z.string().max(MAX_DAY_TEXT_LENGTH),
  remote: z.string().max(MAX_DAY_TEXT_LENGTH),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export type EditConflict = z.infer<typeof editConflictSchema>;
