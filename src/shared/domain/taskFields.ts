import type { NewTask } from './task.ts';

/** How one task field is stored, exported, shown and sorted. */
export interface TaskFieldSpec {
  /** The column of the `tasks` table (a new field also needs a migration). */
  readonly column: string;
  /** The CSV header of the app's own export format (never renamed: scripts read it). */
  readonly csv: string;
  /** The published post shows it, so a change after publishing is a revision. */
  readonly published: boolean;
  /** The ORDER BY expression when the Log grid and queryTasks can sort by it; null when they cannot. */
  readonly sort: string | null;
}

/**
 * The one definition of a task's fields. The store's SQL (columns, row mapping, INSERTs, UPDATE),
 * the sort keys, the published fields and the version-tolerant snapshot reader are derived from it;
 * the CSV columns and the renderer's lists are checked against it (tests/node/domain/taskFields.test.ts).
 * `satisfies` makes `tsc` fail here when taskInputSchema gains a field this list lacks.
 */
export const TASK_FIELDS = {
  workDate: { column: 'work_date', csv: 'work_date', published: false, sort: 'work_date' },
  title: { column: 'title', csv: 'title', published: true, sort: 'title COLLATE NOCASE' },
  workstream: { column: 'workstream', csv: 'workstream', published: false, sort: 'workstream COLLATE NOCASE' },
  humanSeconds: { column: 'human_seconds', csv: 'human_seconds', published: true, sort: 'human_seconds' },
  agentSeconds: { column: 'agent_seconds', csv: 'agent_seconds', published: true, sort: 'agent_seconds' },
  supervisionSeconds: { column: 'supervision_seconds', csv: 'supervision_seconds', published: false, sort: 'supervision_seconds' },
  tokens: { column: 'tokens', csv: 'tokens', published: true, sort: 'tokens' },
  model: { column: 'model', csv: 'model', published: false, sort: 'model COLLATE NOCASE' },
  notes: { column: 'notes', csv: 'notes', published: false, sort: null },
} as const satisfies { readonly [Field in keyof NewTask]-?: TaskFieldSpec };

export type TaskFieldName = keyof typeof TASK_FIELDS;
export const TASK_FIELD_NAMES = Object.keys(TASK_FIELDS) as TaskFieldName[];

type PublishedFieldOf<Fields> = { [Field in keyof Fields]: Fields[Field] extends { published: true } ? Field : never }[keyof Fields];
type SortableFieldOf<Fields> = { [Field in keyof Fields]: Fields[Field] extends { sort: string } ? Field : never }[keyof Fields];

/** The task fields the published post shows (its Task Log: title, human estimate, agent time, tokens; leverage follows from them). */
export type PublishedTaskField = PublishedFieldOf<typeof TASK_FIELDS>;
export const PUBLISHED_TASK_FIELDS = TASK_FIELD_NAMES.filter((field): field is PublishedTaskField => TASK_FIELDS[field].published);

export type SortableTaskField = SortableFieldOf<typeof TASK_FIELDS>;
/** Sort keys of the Log grid and queryTasks: every sortable field, and the computed leverage. */
export type TaskSortKey = SortableTaskField | 'leverage';
const sortableFields: TaskSortKey[] = TASK_FIELD_NAMES.filter((field): field is SortableTaskField => TASK_FIELDS[field].sort !== null);
export const TASK_SORT_KEYS: readonly [TaskSortKey, ...TaskSortKey[]] = ['leverage', ...sortableFields];
