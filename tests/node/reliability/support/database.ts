import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import type { SqliteDatabase } from '../../../../src/core/store/database.ts';

export type Row = Record<string, unknown>;

/** Every row of every table (and the schema), in a stable order: the whole content of a journal. */
export function dumpDatabase(db: SqliteDatabase): Record<string, Row[]> {
  const tables = (
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
  ).map((row) => row.name);
  const dump: Record<string, Row[]> = {
    '(schema)': db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as Row[],
  };
  for (const table of tables) {
    const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((row) => `"${row.name}"`);
    dump[table] = db.prepare(`SELECT * FROM "${table}" ORDER BY ${columns.join(', ')}`).all() as Row[];
  }
  return dump;
}

/** A hash of dumpDatabase: equal hashes mean equal content. */
export function contentHash(db: SqliteDatabase): string {
  return createHash('sha256').update(JSON.stringify(dumpDatabase(db))).digest('hex');
}

export function dumpFile(file: string): Record<string, Row[]> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return dumpDatabase(db);
  } finally {
    db.close();
  }
}

export function integrityProblems(db: SqliteDatabase): string[] {
  return (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check).filter((line) => line !== 'ok');
}

/**
 * Differences between day_totals (kept by triggers) and the same sums recomputed from the live tasks.
 * Empty when they agree.
 */
export function dayTotalsMismatches(db: SqliteDatabase): string[] {
  const recomputed = db
    .prepare(
      `SELECT work_date, count(*) AS task_count, sum(human_seconds) AS human_seconds, sum(agent_seconds) AS agent_seconds,
              coalesce(sum(supervision_seconds), 0) AS supervision_seconds, count(supervision_seconds) AS supervised_count,
              coalesce(sum(CASE WHEN supervision_seconds IS NOT NULL THEN human_seconds END), 0) AS supervised_human_seconds,
              coalesce(sum(tokens), 0) AS tokens, count(tokens) AS tokens_count,
              coalesce(sum(CASE WHEN agent_seconds > 0 THEN CAST(human_seconds AS REAL) / agent_seconds END), 0) AS factor_sum,
              count(CASE WHEN agent_seconds > 0 THEN 1 END) AS factor_count
       FROM tasks WHERE deleted_at IS NULL GROUP BY work_date ORDER BY work_date`,
    )
    .all() as Row[];
  const stored = db
    .prepare(
      `SELECT work_date, task_count, human_seconds, agent_seconds, supervision_seconds, supervised_count, supervised_human_seconds,
              tokens, tokens_count, factor_sum, factor_count FROM day_totals ORDER BY work_date`,
    )
    .all() as Row[];
  const problems: string[] = [];
  const byDate = new Map(stored.map((row) => [row.work_date, row]));
  for (const expected of recomputed) {
    const actual = byDate.get(expected.work_date);
    byDate.delete(expected.work_date);
    if (!actual) {
      problems.push(`day_totals has no row for ${String(expected.work_date)}`);
      continue;
    }
    for (const [column, value] of Object.entries(expected)) {
      const same = column === 'factor_sum' ? Math.abs(Number(value) - Number(actual[column])) < 1e-6 * Math.max(1, Math.abs(Number(value))) : value === actual[column];
      if (!same) problems.push(`${String(expected.work_date)} ${column}: stored ${String(actual[column])}, recomputed ${String(value)}`);
    }
  }
  for (const date of byDate.keys()) problems.push(`day_totals has a row for ${String(date)}, which has no live task`);
  return problems;
}
