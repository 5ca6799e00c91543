import { SETTING_KEYS, type SettingKey } from '../../shared/domain/settings.ts';

/**
 * What sync carries: the person's own records. Derived tables (day_totals, week_totals) are never
 * synced (the triggers rebuild them as synced rows are applied); agent-log tables are per machine.
 */

/** How a field merges: `text` merges character by character (Automerge text); `scalar` keeps one winner. */
export type FieldKind = 'text' | 'scalar';

export interface SyncedColumn {
  readonly column: string;
  readonly field: string;
  readonly kind: FieldKind;
}

function column(columnName: string, field: string, kind: FieldKind = 'scalar'): SyncedColumn {
  return { column: columnName, field, kind };
}

/** The task columns that sync (local `id` and `updated_at` stay local). `deleted_at` is the tombstone. */
export const TASK_COLUMNS: readonly SyncedColumn[] = [
  column('work_date', 'workDate'),
  column('title', 'title'),
  column('workstream', 'workstream'),
  column('human_seconds', 'humanSeconds'),
  column('agent_seconds', 'agentSeconds'),
  column('supervision_seconds', 'supervisionSeconds'),
  column('tokens', 'tokens'),
  column('model', 'model'),
  column('notes', 'notes', 'text'),
  column('created_at', 'createdAt'),
  column('deleted_at', 'deletedAt'),
];

/** A day's post prose merges as text; its publication date and stated token total keep one winner. */
export const DAY_COLUMNS: readonly SyncedColumn[] = [
  column('intro', 'intro', 'text'),
  column('analysis', 'analysis', 'text'),
  column('publication_date', 'publicationDate'),
  column('day_tokens', 'dayTokens'),
];

/** Published snapshots are only ever appended, so they sync as whole immutable records. */
export const SNAPSHOT_COLUMNS: readonly SyncedColumn[] = [
  column('work_date', 'workDate'),
  column('published_at', 'publishedAt'),
  column('tasks_json', 'tasksJson'),
  column('intro', 'intro'),
  column('analysis', 'analysis'),
  column('markdown', 'markdown'),
  column('redaction_profile', 'redactionProfile'),
];

/** Settings that belong to this machine (a shortcut, start at login, how many backups it keeps) stay local. */
export const LOCAL_SETTING_KEYS: readonly SettingKey[] = ['globalShortcut', 'launchAtLogin', 'backupsToKeep'];

/** Settings that follow the person, redaction profiles among them. */
export const SYNCED_SETTING_KEYS: readonly SettingKey[] = SETTING_KEYS.filter((key) => !LOCAL_SETTING_KEYS.includes(key));

/** The partition (document) of settings; tasks, days and snapshots live in one document per month. */
export const META_PARTITION = 'meta';

/** The month partition of a work date ("2026-03-14" → "2026-03"). */
export function monthPartition(workDate: string): string {
  return workDate.slice(0, 7);
}

export const PARTITION_PATTERN = /^(meta|\d{4}-(0[1-9]|1[0-2]))$/;
