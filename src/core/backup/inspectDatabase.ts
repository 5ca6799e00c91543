import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { JournalError } from '../errors.ts';
import { connect } from '../store/database.ts';
import { LATEST_SCHEMA_VERSION } from '../store/migrations.ts';
import { openFailureError } from '../store/openFailure.ts';
import { schemaDifferences } from './schemaCheck.ts';

/** The tables every Leverage Journal schema version has had since version 1. */
const REQUIRED_TABLES = ['tasks', 'days', 'settings'] as const;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface DatabaseFileReport {
  readonly path: string;
  readonly schemaVersion: number;
  readonly tasks: number;
  readonly bytes: number;
}

export interface InspectOptions {
  /** The newest schema accepted (default: this app's); pass Infinity to only check the file is sound. */
  readonly latestVersion?: number;
  /** Accept an empty file or a SQLite file with no tables (a journal not yet initialized). */
  readonly allowEmpty?: boolean;
  /**
   * Require exactly the schema our migrations build for the file's user_version (tables, indexes,
   * triggers, views): for a backup about to be restored or offered.
   */
  readonly exactSchema?: boolean;
  /** better-sqlite3's native file, when not the default one. */
  readonly nativeBinding?: string;
}

function hasSqliteHeader(file: string): boolean {
  let handle: number;
  try {
    handle = fs.openSync(file, 'r');
  } catch (error) {
    throw openFailureError(error, file, 'could not be read');
  }
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(handle, header, 0, header.length, 0);
    return read === header.length && header.equals(SQLITE_HEADER);
  } finally {
    fs.closeSync(handle);
  }
}

/**
 * Checks, without writing to it, that a file is a Leverage Journal database this version of the app
 * can open: a SQLite file that passes quick_check, with the journal's tables and a schema version
 * not newer than ours. Throws a JournalError saying what is wrong otherwise.
 */
export function inspectDatabaseFile(file: string, options: InspectOptions = {}): DatabaseFileReport {
  const latestVersion = options.latestVersion ?? LATEST_SCHEMA_VERSION;
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new JournalError('NOT_FOUND', `${file} does not exist or is not a file.`);
  if (stat.size === 0 && options.allowEmpty) return { path: file, schemaVersion: 0, tasks: 0, bytes: 0 };
  if (stat.size === 0 || !hasSqliteHeader(file)) {
    throw new JournalError('DATABASE_CORRUPT', `${file} is not a SQLite database (its header is missing or damaged).`);
  }
  const db: Database.Database = connect(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
  try {
    let check: { quick_check: string }[];
    let schemaVersion: number;
    let tables: Set<string>;
    try {
      schemaVersion = db.pragma('user_version', { simple: true }) as number;
      check = db.pragma('quick_check') as { quick_check: string }[];
      tables = new Set((db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name));
    } catch (error) {
      // A full disk or an unreadable -wal/-shm is not damage: only SQLite's corrupt / not-a-database answers are.
      throw openFailureError(error, file, 'could not be read');
    }
    const problems = check.map((row) => row.quick_check).filter((line) => line !== 'ok');
    if (problems.length > 0) {
      throw new JournalError('DATABASE_CORRUPT', `${file} is damaged: ${problems.slice(0, 3).join('; ')}`);
    }
    if (schemaVersion > latestVersion) {
      throw new JournalError(
        'DATABASE_TOO_NEW',
        `${file} was written by a newer version of Leverage Journal (schema ${schemaVersion}, this app knows ${latestVersion}): update the app to open it.`,
      );
    }
    if (schemaVersion === 0 && tables.size === 0 && options.allowEmpty) return { path: file, schemaVersion, tasks: 0, bytes: stat.size };
    const missing = REQUIRED_TABLES.filter((table) => !tables.has(table));
    if (schemaVersion < 1 || missing.length > 0) {
      throw new JournalError(
        'DATABASE_CORRUPT',
        `${file} is a SQLite database but not a Leverage Journal one (schema ${schemaVersion}${missing.length > 0 ? `, no ${missing.join(', ')} table` : ''}).`,
      );
    }
    if (options.exactSchema) {
      const differences = schemaDifferences(db, schemaVersion);
      if (differences.length > 0) {
        throw new JournalError(
          'INVALID_INPUT',
          `${file} does not have the schema Leverage Journal builds for version ${schemaVersion}: ${differences.join('; ')}. It is refused: a backup must hold only the journal's own tables, indexes, triggers and views.`,
        );
      }
    }
    const tasks = (db.prepare('SELECT count(*) AS n FROM tasks').get() as { n: number }).n;
    return { path: file, schemaVersion, tasks, bytes: stat.size };
  } finally {
    db.close();
  }
}
