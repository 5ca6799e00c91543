import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { DAY_COLUMNS, SNAPSHOT_COLUMNS, SYNCED_SETTING_KEYS, TASK_COLUMNS } from '../../../../src/core/sync/fields.ts';

/**
 * The synced content of a journal, independent of its local ids: every synced table's rows by global
 * id (or natural key), in a fixed order. Three devices that converged have equal hashes.
 */
export interface SyncedContent {
  tasks: unknown[][];
  days: unknown[][];
  settings: unknown[][];
  snapshots: unknown[][];
  conflicts: unknown[][];
}

export function syncedContent(db: Database.Database): SyncedContent {
  const list = (columns: readonly { column: string }[], alias: string) => columns.map((column) => `${alias}.${column.column}`).join(', ');
  const keys = SYNCED_SETTING_KEYS.map((key) => `'${key}'`).join(', ');
  return {
    tasks: db.prepare(`SELECT i.gid, ${list(TASK_COLUMNS, 't')} FROM tasks t JOIN sync_ids i ON i.tbl = 'task' AND i.local_id = t.id ORDER BY i.gid`).raw().all() as unknown[][],
    days: db
      .prepare(`SELECT d.work_date, ${list(DAY_COLUMNS, 'd')} FROM days d WHERE d.intro <> '' OR d.analysis <> '' OR d.publication_date IS NOT NULL OR d.day_tokens IS NOT NULL ORDER BY d.work_date`)
      .raw()
      .all() as unknown[][],
    settings: db.prepare(`SELECT key, value FROM settings WHERE key IN (${keys}) ORDER BY key`).raw().all() as unknown[][],
    snapshots: db
      .prepare(`SELECT i.gid, ${list(SNAPSHOT_COLUMNS, 's')} FROM published_snapshots s JOIN sync_ids i ON i.tbl = 'snapshot' AND i.local_id = s.id ORDER BY i.gid`)
      .raw()
      .all() as unknown[][],
    conflicts: db.prepare('SELECT tbl, gid, field, winner, others FROM sync_conflicts ORDER BY tbl, gid, field').raw().all() as unknown[][],
  };
}

export function syncedHash(db: Database.Database): string {
  return createHash('sha256').update(JSON.stringify(syncedContent(db))).digest('hex').slice(0, 16);
}

/** Rows with no global id would never reach another device. */
export function rowsWithoutGlobalId(db: Database.Database): number {
  return (db.prepare("SELECT count(*) AS n FROM tasks WHERE id NOT IN (SELECT local_id FROM sync_ids WHERE tbl = 'task')").get() as { n: number }).n;
}
