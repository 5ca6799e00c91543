import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { isJournalError, JournalError } from '../errors.ts';
import { createPrivateFile } from '../files/privateFiles.ts';
import { openDatabase } from '../store/database.ts';
import { backupFolderFor } from '../paths.ts';
import { settleMovedAside } from '../store/recovery.ts';
import type { BackupInfo } from './backupFiles.ts';
import { createBackup } from './backupService.ts';
import { inspectDatabaseFile, type DatabaseFileReport } from './inspectDatabase.ts';
import { moveAside } from './moveAside.ts';

export interface RestoreOptions {
  /** Where the safety backup of the current file goes; defaults to `backups/` beside it. */
  readonly backupFolder?: string;
  readonly now?: Date;
}

export interface RestoreResult {
  /** What the restored file holds (before it was brought up to the current schema). */
  readonly restored: DatabaseFileReport;
  /** The backup of the file that was replaced, when it was a readable database. */
  readonly safetyBackup: BackupInfo | null;
  /** Where the replaced file went when it was unreadable (moved aside, not deleted). */
  readonly movedAside: string | null;
}

function inUseError(target: string, cause?: unknown): JournalError {
  return new JournalError(
    'IO_FAILED',
    `The journal ${target} is in use by another program (is Leverage Journal or a leverage command running?): close it and restore again. Nothing was changed.`,
    { cause },
  );
}

function isBusy(error: unknown): boolean {
  return /SQLITE_BUSY|SQLITE_LOCKED|locked/i.test(`${(error as { code?: string }).code ?? ''} ${(error as Error).message}`);
}

/**
 * Refuses when any other connection has the journal open, even idle: a restore under an open app
 * would change the data beneath it. An EXCLUSIVE-locking-mode connection in WAL mode cannot start
 * while another connection holds the shared-memory index, and in rollback mode BEGIN EXCLUSIVE
 * waits for no reader. Returns the journal's page size (the backup's pages must match it).
 */
function assertNotInUse(target: string): number | null {
  if (!fs.existsSync(target)) return null;
  let probe: Database.Database;
  try {
    probe = new Database(target, { fileMustExist: true, timeout: 0 });
  } catch {
    return null; // not openable: secureCurrentFile decides what it is
  }
  try {
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    const pageSize = probe.pragma('page_size', { simple: true }) as number;
    probe.exec('ROLLBACK');
    return pageSize;
  } catch (error) {
    if (isBusy(error)) throw inUseError(target, error);
    return null;
  } finally {
    probe.close();
  }
}

/** A safety copy of whatever is at `file` now: a backup if it is a readable database, else the file moved aside. */
async function secureCurrentFile(file: string, folder: string, now: Date): Promise<Pick<RestoreResult, 'safetyBackup' | 'movedAside'>> {
  if (!fs.existsSync(file)) return { safetyBackup: null, movedAside: null };
  try {
    inspectDatabaseFile(file, { latestVersion: Infinity, allowEmpty: true });
  } catch (error) {
    if (isJournalError(error) && error.code === 'DATABASE_CORRUPT') return { safetyBackup: null, movedAside: moveAside(file, now) };
    throw error;
  }
  const current = new Database(file, { fileMustExist: true });
  try {
    current.pragma('busy_timeout = 5000');
    return { safetyBackup: await createBackup(current, folder, 'before-restore', now), movedAside: null };
  } finally {
    current.close();
  }
}

/**
 * The backup as pages of `pageSize` bytes, in a private temporary file. SQLite's backup API cannot
 * change the page size of a database in WAL mode ("attempt to write a readonly database"), so a
 * backup written with another page size is copied and VACUUMed to the journal's first.
 */
async function withPageSize(source: string, pageSize: number, folder: string): Promise<string> {
  const copy = path.join(folder, 'restore.db');
  createPrivateFile(copy);
  const reader = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await reader.backup(copy);
  } finally {
    reader.close();
  }
  const converted = new Database(copy);
  try {
    converted.pragma('journal_mode = DELETE');
    converted.pragma(`page_size = ${pageSize}`);
    converted.exec('VACUUM');
  } finally {
    converted.close();
  }
  return copy;
}

/**
 * Replaces the journal at `databaseFile` with the backup `backupFile`:
 * 1. the backup must be a Leverage Journal database this app can open, with exactly the schema our
 *    migrations build for its version (else it is refused with the difference named, nothing touched);
 * 2. no other program may have the journal open (else refused, nothing touched);
 * 3. the current file is backed up first (or moved aside if it is unreadable);
 * 4. the backup's pages are copied into the database with SQLite's backup API, which writes them
 *    in one transaction under SQLite's locks: a crash leaves the old or the new file, never a mix,
 *    and it is safe with the write-ahead log (a plain file rename would not be); a backup with
 *    another page size is converted first;
 * 5. the restored file is migrated to the current schema if it is older.
 * The caller closes its own connection first.
 */
export async function restoreBackup(databaseFile: string, backupFile: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const source = path.resolve(backupFile);
  const target = path.resolve(databaseFile);
  if (source === target) throw new JournalError('INVALID_INPUT', 'That file is the journal itself: choose a backup file.');
  const restored = inspectDatabaseFile(source, { exactSchema: true });
  const now = options.now ?? new Date();
  const targetPageSize = assertNotInUse(target);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const secured = await secureCurrentFile(target, options.backupFolder ?? backupFolderFor(target), now);

  // Beside the journal (same disk; mkdtemp makes it 0700), removed whatever happens.
  const scratch = fs.mkdtempSync(path.join(path.dirname(target), '.leverage-restore-'));
  try {
    const probe = new Database(source, { readonly: true, fileMustExist: true });
    const sourcePageSize = probe.pragma('page_size', { simple: true }) as number;
    probe.close();
    const pages = targetPageSize !== null && targetPageSize !== sourcePageSize && secured.movedAside === null ? await withPageSize(source, targetPageSize, scratch) : source;
    const backup = new Database(pages, { readonly: true, fileMustExist: true });
    try {
      await backup.backup(target);
    } catch (error) {
      throw isBusy(error)
        ? inUseError(target, error)
        : new JournalError('IO_FAILED', `Restoring ${source} failed: ${(error as Error).message}. The journal was left as it was.`, { cause: error });
    } finally {
      backup.close();
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  // Bring an older backup up to date now, so that a failure shows here rather than at the next start.
  openDatabase(target).db.close();
  settleMovedAside(target); // restoring is the person's decision about a journal moved aside earlier
  return { restored, ...secured };
}
