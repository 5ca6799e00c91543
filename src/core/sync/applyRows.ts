import { settingFields, type SettingKey } from '../../shared/domain/settings.ts';
import type { SqliteDatabase } from '../store/database.ts';
import { COLLECTION_COLUMNS, conflictValues, objectRow, plain, type Collection, type Doc, type Row, type Scalar } from './documents.ts';
import { SYNCED_SETTING_KEYS, type SyncedColumn } from './fields.ts';

/**
 * Writes what a merge changed into the journal's tables (the derived tables follow through their
 * triggers), and keeps sync_conflicts in step with the documents' conflicts.
 */

export const SYNCED_TABLES = {
  tasks: { table: 'tasks', idTable: 'task' },
  snapshots: { table: 'published_snapshots', idTable: 'snapshot' },
} as const;

export interface ApplyCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  refused: string[];
  conflicts: number;
}

function sqlValue(value: Scalar): Scalar {
  return typeof value === 'boolean' ? Number(value) : value;
}

function rowFromSql(sqlRow: Record<string, Scalar>, columns: readonly SyncedColumn[]): Row {
  const row: Row = {};
  for (const column of columns) row[column.field] = sqlRow[column.column] ?? null;
  return row;
}

/** The synced fields of a local row as the documents hold them. */
export function readLocalRow(db: SqliteDatabase, collection: Exclude<Collection, 'settings'>, key: string | number): Row | null {
  const columns = COLLECTION_COLUMNS[collection];
  const list = columns.map((column) => column.column).join(', ');
  const sqlRow =
    collection === 'days'
      ? db.prepare(`SELECT ${list} FROM days WHERE work_date = ?`).get(key)
      : db.prepare(`SELECT ${list} FROM ${SYNCED_TABLES[collection].table} WHERE id = ?`).get(key);
  return sqlRow ? rowFromSql(sqlRow as Record<string, Scalar>, columns) : null;
}

function localIdOf(db: SqliteDatabase, idTable: string, gid: string): number | null {
  const found = db.prepare('SELECT local_id FROM sync_ids WHERE tbl = ? AND gid = ?').get(idTable, gid) as { local_id: number } | undefined;
  return found?.local_id ?? null;
}

function insertRow(db: SqliteDatabase, collection: 'tasks' | 'snapshots', row: Row, gid: string, partition: string, now: string): void {
  const columns = COLLECTION_COLUMNS[collection];
  const { table, idTable } = SYNCED_TABLES[collection];
  const names = columns.map((column) => column.column);
  const values = columns.map((column) => sqlValue(row[column.field] ?? null));
  if (collection === 'tasks') {
    names.push('updated_at');
    values.push(now);
  }
  const inserted = db
    .prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')}) RETURNING id`)
    .get(...values) as { id: number };
  db.prepare('INSERT OR REPLACE INTO sync_ids (tbl, local_id, gid, partition) VALUES (?, ?, ?, ?)').run(idTable, inserted.id, gid, partition);
}

function changedColumns(current: Row, next: Row, columns: readonly SyncedColumn[]): SyncedColumn[] {
  return columns.filter((column) => (current[column.field] ?? null) !== (next[column.field] ?? null));
}

function recordConflicts(db: SqliteDatabase, table: string, gid: string, object: Record<string, unknown>, fields: readonly string[], now: string): number {
  let found = 0;
  for (const field of fields) {
    const values = conflictValues(object, field);
    const winner = plain(object[field]);
    const others = [...new Set(values.map((value) => JSON.stringify(value)))].filter((value) => value !== JSON.stringify(winner));
    if (values.length > 1 && others.length > 0) {
      found += 1;
      db.prepare(
        `INSERT INTO sync_conflicts (tbl, gid, field, winner, others, detected_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (tbl, gid, field) DO UPDATE SET winner = excluded.winner, others = excluded.others,
           detected_at = CASE WHEN sync_conflicts.others = excluded.others THEN sync_conflicts.detected_at ELSE excluded.detected_at END`,
      ).run(table, gid, field, JSON.stringify(winner), `[${others.join(',')}]`, now);
    } else {
      db.prepare('DELETE FROM sync_conflicts WHERE tbl = ? AND gid = ? AND field = ?').run(table, gid, field);
    }
  }
  return found;
}

function applyTask(db: SqliteDatabase, doc: Doc, gid: string, partition: string, counts: ApplyCounts, now: string): void {
  const object = doc.tasks[gid];
  if (!object) return;
  const columns = COLLECTION_COLUMNS.tasks;
  const row = objectRow(object, columns);
  const localId = localIdOf(db, 'task', gid);
  const current = localId === null ? null : readLocalRow(db, 'tasks', localId);
  if (localId === null || !current) {
    insertRow(db, 'tasks', row, gid, partition, now);
    counts.inserted += 1;
  } else {
    const changed = changedColumns(current, row, columns);
    if (changed.length === 0) {
      counts.unchanged += 1;
    } else {
      db.prepare(`UPDATE tasks SET ${changed.map((column) => `${column.column} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(
        ...changed.map((column) => sqlValue(row[column.field] ?? null)),
        now,
        localId,
      );
      counts.updated += 1;
    }
  }
  counts.conflicts += recordConflicts(db, 'task', gid, object, columns.filter((column) => column.kind === 'scalar').map((column) => column.field), now);
}

function applyDay(db: SqliteDatabase, doc: Doc, workDate: string, counts: ApplyCounts, now: string): void {
  const object = doc.days[workDate];
  if (!object) return;
  const columns = COLLECTION_COLUMNS.days;
  const row = objectRow(object, columns);
  const current = readLocalRow(db, 'days', workDate);
  const empty = row.intro === '' && row.analysis === '' && row.publicationDate === null && row.dayTokens === null;
  if (!current && empty) return;
  if (current && changedColumns(current, row, columns).length === 0) {
    counts.unchanged += 1;
  } else {
    db.prepare(
      `INSERT INTO days (work_date, intro, analysis, publication_date, day_tokens, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (work_date) DO UPDATE SET intro = excluded.intro, analysis = excluded.analysis,
         publication_date = excluded.publication_date, day_tokens = excluded.day_tokens, updated_at = excluded.updated_at`,
    ).run(workDate, row.intro, row.analysis, row.publicationDate, row.dayTokens, now);
    if (current) counts.updated += 1;
    else counts.inserted += 1;
  }
  counts.conflicts += recordConflicts(db, 'day', workDate, object, ['publicationDate', 'dayTokens'], now);
}

function applySnapshot(db: SqliteDatabase, doc: Doc, gid: string, partition: string, counts: ApplyCounts, now: string): void {
  const object = doc.snapshots[gid];
  if (!object || localIdOf(db, 'snapshot', gid) !== null) return;
  insertRow(db, 'snapshots', objectRow(object, COLLECTION_COLUMNS.snapshots), gid, partition, now);
  counts.inserted += 1;
}

function applySetting(db: SqliteDatabase, doc: Doc, key: string, counts: ApplyCounts, now: string): void {
  if (!SYNCED_SETTING_KEYS.includes(key as SettingKey)) return;
  const value = plain(doc.settings[key]);
  if (typeof value !== 'string') return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    counts.refused.push(`setting ${key}: not JSON`);
    return;
  }
  if (!settingFields[key as SettingKey].safeParse(parsed).success) {
    counts.refused.push(`setting ${key}: a value this version does not accept`);
    return;
  }
  const current = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  if (current?.value === value) {
    counts.unchanged += 1;
  } else {
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
    counts.updated += 1;
  }
  counts.conflicts += recordConflicts(db, 'setting', key, doc.settings as Record<string, unknown>, [key], now);
}

/** Applies every object a merge touched; a row the tables refuse (a newer version's value) is reported and skipped. */
export function applyTouched(db: SqliteDatabase, doc: Doc, partition: string, touched: Map<Collection, Set<string>>, now: string): ApplyCounts {
  const counts: ApplyCounts = { inserted: 0, updated: 0, unchanged: 0, refused: [], conflicts: 0 };
  for (const [collection, keys] of touched) {
    for (const key of keys) {
      try {
        db.prepare('SAVEPOINT sync_row').run();
        if (collection === 'tasks') applyTask(db, doc, key, partition, counts, now);
        else if (collection === 'days') applyDay(db, doc, key, counts, now);
        else if (collection === 'snapshots') applySnapshot(db, doc, key, partition, counts, now);
        else applySetting(db, doc, key, counts, now);
        db.prepare('RELEASE sync_row').run();
      } catch (error) {
        db.prepare('ROLLBACK TO sync_row').run();
        db.prepare('RELEASE sync_row').run();
        counts.refused.push(`${collection} ${key}: ${(error as Error).message}`);
      }
    }
  }
  return counts;
}
