import Database from 'better-sqlite3';
import type { SqliteDatabase } from '../store/database.ts';
import { MIGRATIONS, type Migration } from '../store/migrations.ts';

/**
 * A backup must carry exactly the schema our migrations build for its `user_version`: the same
 * tables, indexes, triggers and views, with the same SQL. Anything else (a trigger that deletes
 * rows on every insert, a view shadowing a table, a missing index) would run inside the journal
 * after a restore, so such a file is refused with the difference named.
 */
interface SchemaObject {
  type: string;
  name: string;
  sql: string | null;
}

/** sqlite_stat tables appear after ANALYZE (which SQLite may run on its own); they hold statistics, not behaviour. */
const IGNORED = /^sqlite_stat\d$/;

function schemaOf(db: SqliteDatabase): Map<string, SchemaObject> {
  const rows = db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY type, name').all() as SchemaObject[];
  return new Map(rows.filter((row) => !IGNORED.test(row.name)).map((row) => [`${row.type} ${row.name}`, row]));
}

function normalise(sql: string | null): string {
  return (sql ?? '').replace(/\s+/g, ' ').trim();
}

function excerpt(sql: string | null): string {
  const text = normalise(sql);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

/** The schema objects of a fresh database migrated to `version`. */
export function expectedSchema(version: number, migrations: readonly Migration[] = MIGRATIONS): Map<string, SchemaObject> {
  const fresh = new Database(':memory:');
  try {
    for (const migration of migrations.filter((entry) => entry.version <= version)) migration.up(fresh);
    return schemaOf(fresh);
  } finally {
    fresh.close();
  }
}

/** Every difference between `db`'s schema and the one our migrations build for `version`; empty when they match. */
export function schemaDifferences(db: SqliteDatabase, version: number, migrations: readonly Migration[] = MIGRATIONS): string[] {
  const expected = expectedSchema(version, migrations);
  const actual = schemaOf(db);
  const differences: string[] = [];
  for (const [key, object] of actual) {
    const wanted = expected.get(key);
    if (!wanted) differences.push(`an extra ${object.type} "${object.name}" (${excerpt(object.sql)})`);
    else if (normalise(wanted.sql) !== normalise(object.sql)) differences.push(`${object.type} "${object.name}" is defined differently (${excerpt(object.sql)})`);
  }
  for (const [key, object] of expected) {
    if (!actual.has(key)) differences.push(`no ${object.type} "${object.name}"`);
  }
  return differences;
}
