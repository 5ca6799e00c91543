import { taskInputSchema, type TaskInput, type Task, type TaskPatch } from '../../../shared/domain/task.ts';
import { parseDuration, formatHours, formatMinutes } from '../../../shared/units/duration.ts';
import { parseTokens } from '../../../shared/units/tokens.ts';
import type { TaskFieldName } from '../../../shared/domain/taskFields.ts';

/** The task form's text fields, as typed. */
export interface TaskDraft {
  workDate: string;
  title: string;
  workstream: string;
  human: string;
  agent: string;
  supervision: string;
  tokens: string;
  model: string;
  notes: string;
}

export type DraftField = keyof TaskDraft;
export type DraftErrors = Partial<Record<DraftField, string>>;

export function emptyDraft(workDate: string): TaskDraft {
  return { workDate, title: '', workstream: '', human: '', agent: '', supervision: '', tokens: '', model: '', notes: '' };
}

/** Renders a duration for an input: "6h" for estimates, "8min" for agent and supervision time. */
export function durationText(seconds: number | null, unit: 'h' | 'm'): string {
  if (seconds === null) return '';
  return unit === 'h' ? formatHours(seconds) : formatMinutes(seconds);
}

function message(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // "Invalid duration "x": reason" → keep the reason, the field label already says what it is.
  return text.replace(/^Invalid [a-z ]+"[^"]*": /, '');
}

/** Parses one editable field to its stored value; throws with a short reason. */
export function parseField(field: 'human' | 'agent' | 'supervision' | 'tokens', text: string): number | null {
  const trimmed = text.trim();
  if (field === 'supervision' || field === 'tokens') {
    if (trimmed === '') return null;
  } else if (trimmed === '') {
    throw new Error('is required');
  }
  if (field === 'tokens') return parseTokens(trimmed);
  return parseDuration(trimmed, field === 'human' ? 'h' : 'm');
}

/** Turns the form's text into a createTask input, or per-field errors in words. */
export function draftToInput(draft: TaskDraft): { ok: true; input: TaskInput } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const numbers: Partial<Record<'human' | 'agent' | 'supervision' | 'tokens', number | null>> = {};
  for (const field of ['human', 'agent', 'supervision', 'tokens'] as const) {
    try {
      numbers[field] = parseField(field, draft[field]);
    } catch (error) {
      errors[field] = message(error);
    }
  }
  const candidate = {
    workDate: draft.workDate,
    title: draft.title,
    workstream: draft.workstream,
    humanSeconds: numbers.human ?? 0,
    agentSeconds: numbers.agent ?? 0,
    supervisionSeconds: numbers.supervision ?? null,
    tokens: numbers.tokens ?? null,
    model: draft.model,
    notes: draft.notes,
  };
  const parsed = taskInputSchema.safeParse(candidate);
  if (!parsed.success) {
    // Every task field has its form field: tsc fails here when TASK_FIELDS gains one.
    const byPath: Record<TaskFieldName, DraftField> = {
      workDate: 'workDate', title: 'title', workstream: 'workstream', humanSeconds: 'human', agentSeconds: 'agent',
      supervisionSeconds: 'supervision', tokens: 'tokens', model: 'model', notes: 'notes',
    };
    for (const issue of parsed.error.issues) {
      const field = byPath[String(issue.path[0]) as TaskFieldName];
      if (field && !errors[field]) errors[field] = issue.message;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: candidate };
}

/** The grid's editable columns: how a cell shows as text and how an edit becomes a patch. */
export const EDITABLE_COLUMNS = ['workDate', 'title', 'workstream', 'humanSeconds', 'agentSeconds', 'supervisionSeconds', 'tokens', 'model'] as const satisfies readonly TaskFieldName[];
export type EditableColumn = (typeof EDITABLE_COLUMNS)[number];

export function cellEditText(task: Task, column: EditableColumn): string {
  switch (column) {
    case 'humanSeconds':
      return durationText(task.humanSeconds, 'h');
    case 'agentSeconds':
      return durationText(task.agentSeconds, 'm');
    case 'supervisionSeconds':
      return durationText(task.supervisionSeconds, 'm');
    case 'tokens':
      return task.tokens === null ? '' : String(task.tokens);
    default:
      return task[column] ?? '';
  }
}

/** Parses an inline edit into a patch; returns an error sentence instead when it is not valid. */
export function cellPatch(column: EditableColumn, text: string): { ok: true; patch: TaskPatch } | { ok: false; error: string } {
  try {
    let patch: TaskPatch;
    if (column === 'humanSeconds') patch = { humanSeconds: parseField('human', text) as number };
    else if (column === 'agentSeconds') patch = { agentSeconds: parseField('agent', text) as number };
    else if (column === 'supervisionSeconds') patch = { supervisionSeconds: parseField('supervision', text) };
    else if (column === 'tokens') patch = { tokens: parseField('tokens', text) };
    else patch = { [column]: text };
    const fieldSchema = taskInputSchema.shape[column];
    const checked = fieldSchema.safeParse(Object.values(patch)[0]);
    if (!checked.success) return { ok: false, error: checked.error.issues[0]?.message ?? 'is not valid' };
    return { ok: true, patch };
  } catch (error) {
    return { ok: false, error: message(error) };
  }
}
