import { isCalendarDate } from '../metrics/periods.ts';
import { lengthOf, wrongType } from './lightCheck.ts';
import type { NewTask, TaskPatch } from './task.ts';
import { TASK_FIELD_NAMES, type TaskFieldName } from './taskFields.ts';

/** Ten years in seconds: no single task is longer; guards against unit mistakes (minutes typed as hours × 1000). */
export const MAX_DURATION_SECONDS = 10 * 365 * 24 * 3600;
export const MAX_TOKENS = 1e15;
export const MAX_TITLE_LENGTH = 2000;
export const MAX_NOTES_LENGTH = 100_000;
export const MAX_LABEL_LENGTH = 200;

/**
 * The store's check of a task, without zod: the CLI's `add`, `list` and `stats` must start in
 * milliseconds, and loading zod and building the schemas costs more than the rest of the run
 * (npm run bench). It accepts, rejects, normalises and words its problems exactly as
 * `taskInputSchema` / `taskPatchSchema` in task.ts (the one definition, used at the IPC boundary);
 * tests/node/store/taskCheck.test.ts holds the two equal on generated inputs.
 */
export type TaskCheck<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: string };

type FieldResult = { value: unknown } | { issues: string[] };

/** A string's type and length checks in zod's order: every problem, not just the first. */
function text(value: unknown, typeMessage: string, min: { length: number; message: string } | null, max: { length: number; message: string }): FieldResult {
  const trimmed = typeof value === 'string' && min ? value.trim() : value;
  const length = lengthOf(trimmed);
  const issues = [
    ...(typeof value === 'string' ? [] : [typeMessage]),
    ...(min && length !== undefined && length < min.length ? [min.message] : []),
    ...(length !== undefined && length > max.length ? [max.message] : []),
  ];
  return issues.length > 0 ? { issues } : { value: trimmed };
}

function wholeNumber(value: unknown, max: number, typeMessage: string, intMessage: string, maxMessage: string): FieldResult {
  if (typeof value !== 'number' || !Number.isFinite(value)) return { issues: [typeMessage] };
  // As zod's .int(): a fraction stops the checks after it; a whole number beyond 2^53 does not.
  if (!Number.isInteger(value)) return { issues: [intMessage] };
  const issues = [...(Number.isSafeInteger(value) ? [] : [intMessage]), ...(value < 0 ? ['cannot be negative'] : []), ...(value > max ? [maxMessage] : [])];
  return issues.length > 0 ? { issues } : { value };
}

const duration = (value: unknown) => wholeNumber(value, MAX_DURATION_SECONDS, 'must be a number of seconds', 'must be whole seconds', 'is longer than ten years');

function label(value: unknown): FieldResult {
  if (value === null) return { value: null };
  const trimmed = typeof value === 'string' ? value.trim() : value;
  const checked = text(trimmed, wrongType('string', value), null, { length: MAX_LABEL_LENGTH, message: `must be at most ${MAX_LABEL_LENGTH} characters` });
  return 'value' in checked && checked.value === '' ? { value: null } : checked;
}

const nullable = (check: (value: unknown) => FieldResult) => (value: unknown) => (value === null ? { value: null } : check(value));

/** Each field's check, as its zod schema in task.ts words it. */
const FIELD_CHECKS: { readonly [Field in TaskFieldName]: (value: unknown) => FieldResult } = {
  workDate: (value) => (typeof value === 'string' && isCalendarDate(value) ? { value } : { issues: ['must be a calendar date written YYYY-MM-DD'] }),
  title: (value) => text(value, 'is required', { length: 1, message: 'is required' }, { length: MAX_TITLE_LENGTH, message: `must be at most ${MAX_TITLE_LENGTH} characters` }),
  workstream: label,
  humanSeconds: duration,
  agentSeconds: duration,
  supervisionSeconds: nullable(duration),
  tokens: nullable((value) => wholeNumber(value, MAX_TOKENS, 'must be a number', 'must be a whole number', 'is implausibly large')),
  model: label,
  notes: (value) => text(value, wrongType('string', value), null, { length: MAX_NOTES_LENGTH, message: 'are too long' }),
};

/** What a field takes when a new task leaves it out (taskInputSchema's defaults); required fields have none. */
const DEFAULTS: Partial<Record<TaskFieldName, unknown>> = { workstream: null, supervisionSeconds: null, tokens: null, model: null, notes: '' };

function checkFields(input: unknown, partial: boolean): TaskCheck<Record<string, unknown>> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, problems: wrongType('object', input) };
  const record = input as Record<string, unknown>;
  const problems: string[] = [];
  const value: Record<string, unknown> = {};
  for (const field of TASK_FIELD_NAMES) {
    const given = record[field];
    if (given === undefined) {
      if (partial) {
        // A field named with no value stays named (the change is not empty), as in zod's output.
        if (field in record) value[field] = undefined;
        continue;
      }
      if (field in DEFAULTS) {
        value[field] = DEFAULTS[field];
        continue;
      }
    }
    const result = FIELD_CHECKS[field](given);
    if ('issues' in result) problems.push(...result.issues.map((issue) => `${field} ${issue}`));
    else value[field] = result.value;
  }
  const unknown = Object.keys(record).filter((key) => !(TASK_FIELD_NAMES as readonly string[]).includes(key));
  if (unknown.length > 0) problems.push(`Unrecognized key${unknown.length > 1 ? 's' : ''}: ${unknown.map((key) => `"${key}"`).join(', ')}`);
  // A change must name a field (taskPatchSchema's refinement, which runs after unknown keys too).
  if (partial && unknown.length === Object.keys(record).length) problems.push('nothing to change');
  return problems.length > 0 ? { ok: false, problems: problems.join('; ') } : { ok: true, value };
}

/** A new task as taskInputSchema parses it: defaults filled in, labels trimmed, "" labels as null. */
export function checkTaskInput(input: unknown): TaskCheck<NewTask> {
  return checkFields(input, false) as TaskCheck<NewTask>;
}

/** A change to a task as taskPatchSchema parses it: only the fields given, at least one. */
export function checkTaskPatch(patch: unknown): TaskCheck<TaskPatch> {
  return checkFields(patch, true) as TaskCheck<TaskPatch>;
}
