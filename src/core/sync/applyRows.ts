import type Database from 'better-sqlite3';
import { settingFields, type SettingKey } from '../../shared/domain/settings.ts';
import type { SqliteDatabase } from '../store/database.ts';
import { COLLECTION_COLUMNS, conflictValues, objectRow, plain, type Collection, type Doc, type Row, type Scalar, type Touched } from './documents.ts';
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

const statements = new WeakMap<SqliteDatabase, Map<string, Database.Statement<unknown[]>>>();

/** A prepared statement, prepared once per connection (a merge applies thousands of rows). */
export function statement(db: SqliteDatabase, sql: string): Database.Statement<unknown[]> {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let prepared = cache.get(sql);
  if (!prepared) cache.set(sql, (prepared = db.prepare<unknown[]>(sql)));
  return prepared;
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
      ? statement(db, `SELECT ${list} FROM days WHERE work_date = ?`).get(key)
      : statement(db, `SELECT ${list} FROM ${SYNCED_TABLES[collection].table} WHERE id = ?`).get(key);
  return sqlRow ? rowFromSql(sqlRow as Record<string, Scalar>, columns) : null;
}

function localIdOf(db: SqliteDatabase, idTable: string, gid: string): number | null {
  const found = statement(db, 'SELECT local_id FROM sync_ids WHERE tbl = ? AND gid = ?').get(idTable, gid) as { local_id: number } | undefined;
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
  const inserted = statement(db, `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')}) RETURNING id`)
    .get(...values) as { id: number };
  statement(db, 'INSERT OR REPLACE INTO sync_ids (tbl, local_id, gid, partition) VALUES (?, ?, ?, ?)').run(idTable, inserted.id, gid, partition);
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
      statement(db, 
        `INSERT INTO sync_conflicts (tbl, gid, field, winner, others, detected_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (tbl, gid, field) DO UPDATE SET winner = excluded.winner, others = excluded.others,
           detected_at = CASE WHEN sync_conflicts.others = excluded.others THEN sync_conflicts.detected_at ELSE excluded.detected_at END`,
      ).run(table, gid, field, JSON.stringify(winner), `[${others.join(',')}]`, now);
    } else {
      statement(db, 'DELETE FROM sync_conflicts WHERE tbl = ? AND gid = ? AND field = ?').run(table, gid, field);
    }
  }
  return found;
}

/** The fields to check for a conflict: those the merge flagged, and those with a conflict still open. */
function conflictFields(db: SqliteDatabase, table: string, gid: string, flagged: ReadonlySet<string>): string[] {
  const open = statement(db, 'SELECT field FROM sync_conflicts WHERE tbl = ? AND gid = ?').all(table, gid) as { field: string }[];
  return [...new Set([...flagged, ...open.map((row) => row.field)])];
}

function applyTask(db: SqliteDatabase, doc: Doc, gid: string, partition: string, counts: ApplyCounts, now: string, flagged: ReadonlySet<string>): void {
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
      statement(db, `UPDATE tasks SET ${changed.map((column) => `${column.column} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(
        ...changed.map((column) => sqlValue(row[column.field] ?? null)),
        now,
        localId,
      );
      counts.updated += 1;
    }
  }
  counts.conflicts += recordConflicts(db, 'task', gid, object, conflictFields(db, 'task', gid, flagged), now);
}

function applyDay(db: SqliteDatabase, doc: Doc, workDate: string, counts: ApplyCounts, now: string, flagged: ReadonlySet<string>): void {
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
    statement(db, 
      `INSERT INTO days (work_date, intro, analysis, publication_date, day_tokens, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (work_date) DO UPDATE SET intro = excluded.intro, analysis = excluded.analysis,
         publication_date = excluded.publication_date, day_tokens = excluded.day_tokens, updated_at = excluded.updated_at`,
    ).run(workDate, row.intro, row.analysis, row.publicationDate, row.dayTokens, now);
    if (current) counts.updated += 1;
    else counts.inserted += 1;
  }
  counts.conflicts += recordConflicts(db, 'day', workDate, object, conflictFields(db, 'day', workDate, flagged), now);
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
  const current = statement(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  if (current?.value === value) {
    counts.unchanged += 1;
  } else {
    statement(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
    counts.updated += 1;
  }
  counts.conflicts += recordConflicts(db, 'setting', key, doc.settings as Record<string, unknown>, [key], now);
}

/** Applies every object a merge touched; a row the tables refuse (a newer version's value) is reported and skipped. */
export function applyTouched(db: SqliteDatabase, doc: Doc, partition: string, touched: Touched, now: string): ApplyCounts {
  const counts: ApplyCounts = { inserted: 0, updated: 0, unchanged: 0, refused: [], conflicts: 0 };
  for (const [collection, keys] of touched) {
    for (const [key, flagged] of keys) {
      try {
        statement(db, 'SAVEPOINT sync_row').run();
        if (collection === 'tasks') applyTask(db, doc, key, partition, counts, now, flagged);
        else if (collection === 'days') applyDay(db, doc, key, counts, now, flagged);
        else if (collection === 'snapshots') applySnapshot(db, doc, key, partition, counts, now);
        else applySetting(db, doc, key, counts, now);
        statement(db, 'RELEASE sync_row').run();
      } catch (error) {
        statement(db, 'ROLLBACK TO sync_row').run();
        statement(db, 'RELEASE sync_row').run();
        counts.refused.push(`${collection} ${key}: ${(error as Error).message}`);
      }
    }
  }
  return counts;
}

/**
 * After local changes were folded and the others' merged: a field changed here and elsewhere at once is
 * a conflict even when the merge kept this device's value (no patch then), and a conflict the person
 * settled by editing the field again ends.
 */
export function checkFoldedConflicts(db: SqliteDatabase, doc: Doc, collection: Collection, key: string, fields: ReadonlySet<string> | null, now: string): number {
  const table = collection === 'tasks' ? 'task' : collection === 'days' ? 'day' : collection === 'settings' ? 'setting' : null;
  if (!table) return 0;
  const object = collection === 'settings' ? (doc.settings as Record<string, unknown>) : doc[collection][key];
  if (!object) return 0;
  const changed = collection === 'settings' ? [key] : fields ? [...fields] : COLLECTION_COLUMNS[collection].map((column) => column.field);
  const scalar = changed.filter((field) => collection === 'settings' || COLLECTION_COLUMNS[collection].some((column) => column.field === field && column.kind === 'scalar'));
  return recordConflicts(db, table, key, object, conflictFields(db, table, key, new Set(scalar)), now);
}
