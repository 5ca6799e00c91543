import { z } from 'zod';
import { MAX_DURATION_SECONDS, MAX_LABEL_LENGTH, MAX_NOTES_LENGTH, MAX_TITLE_LENGTH, MAX_TOKENS } from './taskCheck.ts';


/** A local calendar date, "YYYY-MM-DD", that exists. */
export const workDateSchema = z.iso.date({ error: 'must be a calendar date written YYYY-MM-DD' });

const durationSeconds = z
  .number({ error: 'must be a number of seconds' })
  .int({ error: 'must be whole seconds' })
  .min(0, { error: 'cannot be negative' })
  .max(MAX_DURATION_SECONDS, { error: 'is longer than ten years' });

const optionalLabel = z
  .string()
  .trim()
  .max(MAX_LABEL_LENGTH, { error: `must be at most ${MAX_LABEL_LENGTH} characters` })
  .transform((value) => (value === '' ? null : value))
  .nullable();

/** The fields of a task as the user gives them; no defaults here, so a patch never resets a field. */
const taskFields = {
  workDate: workDateSchema,
  title: z
    .string({ error: 'is required' })
    .trim()
    .min(1, { error: 'is required' })
    .max(MAX_TITLE_LENGTH, { error: `must be at most ${MAX_TITLE_LENGTH} characters` }),
  workstream: optionalLabel,
  humanSeconds: durationSeconds,
  agentSeconds: durationSeconds,
  supervisionSeconds: durationSeconds.nullable(),
  tokens: z
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(0, { error: 'cannot be negative' })
    .max(MAX_TOKENS, { error: 'is implausibly large' })
    .nullable(),
  model: optionalLabel,
  notes: z.string().max(MAX_NOTES_LENGTH, { error: 'are too long' }),
};

export const taskInputSchema = z.strictObject({
  ...taskFields,
  workstream: taskFields.workstream.default(null),
  supervisionSeconds: taskFields.supervisionSeconds.default(null),
  tokens: taskFields.tokens.default(null),
  model: taskFields.model.default(null),
  notes: taskFields.notes.default(''),
});
export type TaskInput = z.input<typeof taskInputSchema>;
export type NewTask = z.output<typeof taskInputSchema>;

export const taskPatchSchema = z
  .strictObject(taskFields)
  .partial().refine((patch) => Object.keys(patch).length > 0, {
  error: 'nothing to change',
});
export type TaskPatch = z.input<typeof taskPatchSchema>;

export const taskIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const taskSchema = z.object({
  id: taskIdSchema,
  workDate: workDateSchema,
  title: z.string(),
  workstream: z.string().nullable(),
  humanSeconds: z.number().int(),
  agentSeconds: z.number().int(),
  supervisionSeconds: z.number().int().nullable(),
  tokens: z.number().int().nullable(),
  model: z.string().nullable(),
  notes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Task = z.infer<typeof taskSchema>;

/** Human-readable description of a zod failure: "title is required; humanSeconds cannot be negative". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path ? `${path} ${issue.message}` : issue.message;
    })
    .join('; ');
}
