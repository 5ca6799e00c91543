import fs from 'node:fs';
import { listBackups, type BackupInfo } from '../backup/backupFiles.ts';
import { inspectDatabaseFile } from '../backup/inspectDatabase.ts';
import { moveAside } from '../backup/moveAside.ts';
import { isJournalError, type JournalError, type ErrorCode } from '../errors.ts';
import { Journal } from '../journal.ts';
import { backupFolderFor } from '../paths.ts';
import type { OpenOptions } from './database.ts';

/** What happened when the app or the CLI opened the journal at its data path. */
export type OpenOutcome =
  | { readonly status: 'opened'; readonly journal: Journal }
  /**
   * The file was damaged or not a Leverage Journal database. It was moved to `movedTo` (never
   * deleted); `latestBackup` is the newest backup that passes inspection, to offer restoring.
   */
  | {
      readonly status: 'moved-aside';
      readonly movedTo: string;
      readonly reason: string;
      readonly latestBackup: BackupInfo | null;
      readonly message: string;
    }
  /** Refused and left untouched: a newer app's file (DATABASE_TOO_NEW), a failed migration (rolled back), a locked or unreadable path. */
  | { readonly status: 'refused'; readonly code: ErrorCode; readonly message: string };

export interface RecoveryOptions extends OpenOptions {
  readonly now?: Date;
}

/** The newest backup in the folder that is a database this app can open. */
export function latestUsableBackup(folder: string): BackupInfo | null {
  for (const backup of listBackups(folder)) {
    try {
      inspectDatabaseFile(backup.path);
      return backup;
    } catch {
      // A damaged or too-new backup is not worth offering; try the next older one.
    }
  }
  return null;
}

function isCorrupt(error: unknown): error is JournalError {
  return isJournalError(error) && error.code === 'DATABASE_CORRUPT';
}

/**
 * Opens the journal at `file`, recovering from a file that cannot be used:
 * - a damaged or non-SQLite file (or a SQLite file that is not a journal) is moved aside, and the
 *   newest usable backup is offered; nothing is created at the path until the caller decides
 *   (restore that backup, or open a new empty journal);
 * - a file from a newer version of the app, a failed migration, or a path that cannot be read is
 *   refused and left exactly as it was.
 */
export function openJournalWithRecovery(file: string, options: RecoveryOptions = {}): OpenOutcome {
  const backupFolder = options.backupFolder ?? backupFolderFor(file);
  let problem: JournalError | null = null;
  if (fs.existsSync(file)) {
    try {
      inspectDatabaseFile(file, { latestVersion: Infinity, allowEmpty: true });
    } catch (error) {
      if (!isCorrupt(error)) return refused(error);
      problem = error;
    }
  }
  if (!problem) {
    try {
      return { status: 'opened', journal: Journal.open(file, options) };
    } catch (error) {
      if (!isCorrupt(error)) return refused(error);
      problem = error;
    }
  }
  const movedTo = moveAside(file, options.now);
  const latestBackup = latestUsableBackup(backupFolder);
  const offer = latestBackup
    ? `The latest backup is from ${latestBackup.createdAt} (${latestBackup.path}): restore it (leverage restore "${latestBackup.path}"), or start a new, empty journal.`
    : 'There is no backup to restore: a new, empty journal can be started.';
  return {
    status: 'moved-aside',
    movedTo,
    reason: problem.message,
    latestBackup,
    message: `The journal at ${file} could not be used: ${problem.message.replace(/\.?$/, '.')} It was moved to ${movedTo} (not deleted). ${offer}`,
  };
}

function refused(error: unknown): OpenOutcome {
  if (isJournalError(error)) return { status: 'refused', code: error.code, message: error.message };
  return { status: 'refused', code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}
