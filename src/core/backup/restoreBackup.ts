import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { isJournalError, JournalError } from '../errors.ts';
import { openDatabase } from '../store/database.ts';
import { backupFolderFor } from '../paths.ts';
import type { BackupInfo } from './backupFiles.ts';
import { createBackup } from './backupService.ts';
import { inspectDatabaseFile, type DatabaseFileReport } from './inspectDatabase.ts';
import { moveAside } from './moveAside.ts';
import { settleMovedAside } from '../store/recovery.ts';

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
 * Replaces the journal at `databaseFile` with the backup `backupFile`:
 * 1. the backup must be a Leverage Journal database this app can open (else nothing is touched);
 * 2. the current file is backed up first (or moved aside if it is unreadable);
 * 3. the backup's pages are copied into the database with SQLite's backup API, which writes them
 *    in one transaction under SQLite's locks: a crash leaves the old or the new file, never a mix,
 *    and it is safe with the write-ahead log (a plain file rename would not be);
 * 4. the restored file is migrated to the current schema if it is older.
 * The caller closes its own connection first; another process holding the file fails with a clear error.
 */
export async function restoreBackup(databaseFile: string, backupFile: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const source = path.resolve(backupFile);
  const target = path.resolve(databaseFile);
  if (source === target) throw new JournalError('INVALID_INPUT', 'That file is the journal itself: choose a backup file.');
  const restored = inspectDatabaseFile(source);
  const now = options.now ?? new Date();
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const secured = await secureCurrentFile(target, options.backupFolder ?? backupFolderFor(target), now);

  const backup = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await backup.backup(target);
  } catch (error) {
    const busy = /SQLITE_BUSY|locked/i.test(`${(error as { code?: string }).code ?? ''} ${(error as Error).message}`);
    throw new JournalError(
      'IO_FAILED',
      busy
        ? `The journal ${target} is in use by another program (is Leverage Journal open?): close it and restore again. Nothing was changed.`
        : `Restoring ${source} failed: ${(error as Error).message}. The journal was left as it was.`,
      { cause: error },
    );
  } finally {
    backup.close();
  }
  // Bring an older backup up to date now, so that a failure shows here rather than at the next start.
  openDatabase(target).db.close();
  settleMovedAside(target); // restoring is the person's decision about a journal moved aside earlier
  return { restored, ...secured };
}
