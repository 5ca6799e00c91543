import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { JournalError } from '../errors.ts';
import { createPrivateFile, ensurePrivateFolder, makePrivate } from '../files/privateFiles.ts';
import { backupFolderFor } from '../paths.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations.ts';
import { openFailureError } from './openFailure.ts';

export type SqliteDatabase = Database.Database;

export interface OpenOptions {
  /** The migrations to run (tests pass a list with a failing step). */
  readonly migrations?: readonly Migration[];
  /** Where the pre-migration backup goes; defaults to `backups/` beside the database. */
  readonly backupFolder?: string;
  /** Milliseconds a writer waits for another process's lock before SQLITE_BUSY. */
  readonly busyTimeoutMs?: number;
  readonly readonly?: boolean;
  /** better-sqlite3's native file, when not the default one (a packaged app; tests load a broken one). */
  readonly nativeBinding?: string;
}

export interface OpenedDatabase {
  readonly db: SqliteDatabase;
  /** The schema version found on disk before migrating (0 for a new file). */
  readonly previousVersion: number;
  /** The pre-migration backup written for an existing database, if one was needed. */
  readonly backupPath: string | null;
}

function readUserVersion(db: SqliteDatabase, file: string): number {
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    // Only SQLite's corrupt / not-a-database answers mean the file is damaged (see openFailure.ts).
    throw openFailureError(error, file, 'could not be read');
  }
}

/** Opens a better-sqlite3 connection, reporting a failure as what it is (damaged file, full disk, permissions, lock, module). */
export function connect(file: string, options: { readonly?: boolean; fileMustExist?: boolean; nativeBinding?: string } = {}): SqliteDatabase {
  try {
    return new Database(file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.fileMustExist ?? false,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    throw openFailureError(error, file);
  }
}

/**
 * Opens (creating if needed) the journal database and brings its schema up to date.
 * - A database written by a newer version of the app is refused before anything is written to it.
 * - An existing database is copied (VACUUM INTO) to the backup folder before it is migrated.
 * - All pending migrations run in one transaction: a failure leaves the file as it was.
 */
export function openDatabase(file: string, options: OpenOptions = {}): OpenedDatabase {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations[migrations.length - 1]?.version ?? LATEST_SCHEMA_VERSION;
  const onDisk = file !== ':memory:' && file !== '';
  if (onDisk && !options.readonly) {
    // The journal holds someone's client names and work history: only its owner may read it.
    try {
      if (!fs.existsSync(path.dirname(file))) ensurePrivateFolder(path.dirname(file));
      if (!fs.existsSync(file)) createPrivateFile(file);
      else makePrivate(file);
    } catch (error) {
      throw openFailureError(error, file, 'could not be created');
    }
  }

  const db = connect(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false, nativeBinding: options.nativeBinding });
  try {
    const previousVersion = readUserVersion(db, file);
    if (previousVersion > latest) {
      throw new JournalError(
        'DATABASE_TOO_NEW',
        `${file} was written by a newer version of Leverage Journal (schema ${previousVersion}, this app knows ${latest}). ` +
          'It was left untouched: update the app to open it.',
      );
    }
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    if (options.readonly) return { db, previousVersion, backupPath: null };
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
    } catch (error) {
      throw openFailureError(error, file, 'could not be opened for writing');
    }
    if (onDisk) for (const suffix of ['-wal', '-shm']) if (fs.existsSync(`${file}${suffix}`)) makePrivate(`${file}${suffix}`);

    let backupPath: string | null = null;
    if (previousVersion < latest) {
      if (previousVersion > 0 && file !== ':memory:') {
        const folder = options.backupFolder ?? backupFolderFor(file);
        ensurePrivateFolder(folder);
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        backupPath = path.join(folder, `leverage-before-v${latest}-from-v${previousVersion}-${stamp}.db`);
        createPrivateFile(backupPath); // VACUUM INTO fills an empty file and keeps its mode
        db.prepare('VACUUM INTO ?').run(backupPath);
      }
      runMigrations(db, migrations);
    }
    return { db, previousVersion, backupPath };
  } catch (error) {
    db.close();
    throw error;
  }
}

function runMigrations(db: SqliteDatabase, migrations: readonly Migration[]): void {
  const apply = db.transaction(() => {
    // Read again under the write lock: another process may have migrated meanwhile.
    const current = db.pragma('user_version', { simple: true }) as number;
    const pending = migrations.filter((migration) => migration.version > current);
    for (const migration of pending) {
      try {
        migration.up(db);
      } catch (error) {
        throw new JournalError(
          'MIGRATION_FAILED',
          `Migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}. The database was left as it was.`,
          { cause: error },
        );
      }
      db.pragma(`user_version = ${migration.version}`);
    }
  });
  // IMMEDIATE: take the write lock up front so two processes never migrate at once.
  apply.immediate();
}

/**
 * Runs `work` in a write transaction that takes the write lock up front (BEGIN IMMEDIATE). A deferred
 * transaction that reads before it writes cannot wait for another process's commit (the busy timeout
 * does not apply; SQLite answers SQLITE_BUSY at once), so every read-then-write goes through here.
 * Nested inside another transaction it becomes a savepoint.
 */
export function writeTransaction<T>(db: SqliteDatabase, work: () => T): T {
  return db.transaction(work).immediate();
}
