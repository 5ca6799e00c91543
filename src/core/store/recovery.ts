import fs from 'node:fs';
import { z } from 'zod';
import { listBackups, type BackupInfo } from '../backup/backupFiles.ts';
import { inspectDatabaseFile } from '../backup/inspectDatabase.ts';
import { moveAside } from '../backup/moveAside.ts';
import { isJournalError, type JournalError, type ErrorCode } from '../errors.ts';
import { createPrivateFile } from '../files/privateFiles.ts';
import { Journal } from '../journal.ts';
import { backupFolderFor, movedAsideRecordFor } from '../paths.ts';
import type { OpenOptions } from './database.ts';

/** What happened when the app or the CLI opened the journal at its data path. */
export type OpenOutcome =
  /** `movedAside`: files an earlier start moved aside that the person has not decided about yet (name them). */
  | { readonly status: 'opened'; readonly journal: Journal; readonly movedAside: readonly MovedAsideEntry[] }
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

/** A journal file moved aside at start-up, remembered until the person decides what to do with it. */
export interface MovedAsideEntry {
  /** Where the file is now. */
  readonly path: string;
  /** Why it was moved (the error SQLite gave). */
  readonly reason: string;
  /** When it was moved (ISO 8601). */
  readonly at: string;
}

const movedAsideRecordSchema = z.object({
  movedAside: z.array(z.object({ path: z.string(), reason: z.string(), at: z.string() })),
});

function readRecord(file: string): MovedAsideEntry[] {
  try {
    const parsed = movedAsideRecordSchema.safeParse(JSON.parse(fs.readFileSync(movedAsideRecordFor(file), 'utf8')));
    return parsed.success ? parsed.data.movedAside : [];
  } catch {
    return [];
  }
}

/**
 * The files moved aside from `file`'s path that the person has not decided about and that still
 * exist, newest first. Named at every start (app dialog, CLI warning) until settleMovedAside.
 */
export function pendingMovedAside(file: string): MovedAsideEntry[] {
  return readRecord(file)
    .filter((entry) => fs.existsSync(entry.path))
    .sort((a, b) => b.at.localeCompare(a.at));
}

function rememberMovedAside(file: string, entry: MovedAsideEntry): void {
  const record = movedAsideRecordFor(file);
  const temporary = `${record}.${process.pid}.tmp`;
  try {
    createPrivateFile(temporary);
    fs.writeFileSync(temporary, `${JSON.stringify({ movedAside: [...readRecord(file), entry] }, null, 2)}\n`);
    fs.renameSync(temporary, record);
  } catch {
    // Without the record the file is still beside the journal under its .unreadable- name; the
    // dialog of this start names it.
    fs.rmSync(temporary, { force: true });
  }
}

/** The person decided (restored a backup, started a new journal, or dismissed the reminder): stop naming the moved files. */
export function settleMovedAside(file: string): void {
  fs.rmSync(movedAsideRecordFor(file), { force: true });
}

/** The newest backup in the folder that is a database this app can open. */
export function latestUsableBackup(folder: string): BackupInfo | null {
  for (const backup of listBackups(folder)) {
    try {
      inspectDatabaseFile(backup.path, { exactSchema: true });
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
  const undecided = pendingMovedAside(file);
  const latest = undecided[0];
  if (!fs.existsSync(file) && latest) {
    // An earlier start moved the journal aside and the person has not decided yet: ask again rather
    // than starting an empty journal silently.
    return movedAsideOutcome(file, latest.path, `${latest.reason} (moved aside on ${latest.at})`, backupFolder);
  }
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
      return { status: 'opened', journal: Journal.open(file, options), movedAside: undecided };
    } catch (error) {
      if (!isCorrupt(error)) return refused(error);
      problem = error;
    }
  }
  let movedTo: string;
  try {
    movedTo = moveAside(file, options.now);
  } catch (error) {
    // A folder this user cannot write: say both what is wrong with the file and why it stayed.
    const why = isJournalError(error) ? error.message : String(error);
    return { status: 'refused', code: 'IO_FAILED', message: `${problem.message.replace(/\.?$/, '.')} ${why}` };
  }
  rememberMovedAside(file, { path: movedTo, reason: problem.message, at: (options.now ?? new Date()).toISOString() });
  return movedAsideOutcome(file, movedTo, problem.message, backupFolder);
}

function movedAsideOutcome(file: string, movedTo: string, reason: string, backupFolder: string): OpenOutcome {
  const latestBackup = latestUsableBackup(backupFolder);
  const offer = latestBackup
    ? `The latest backup is from ${latestBackup.createdAt} (${latestBackup.path}): restore it (leverage restore "${latestBackup.path}"), or start a new, empty journal.`
    : 'There is no backup to restore: a new, empty journal can be started.';
  return {
    status: 'moved-aside',
    movedTo,
    reason,
    latestBackup,
    message: `The journal at ${file} could not be used: ${reason.replace(/\.?$/, '.')} It was moved to ${movedTo} (not deleted). ${offer}`,
  };
}

/** One sentence naming every undecided moved-aside file (for the CLI's warning and the app's reminder). */
export function describeMovedAside(file: string, entries: readonly MovedAsideEntry[]): string {
  const files = entries.map((entry) => `${entry.path} (moved on ${entry.at}: ${entry.reason})`).join('; ');
  return (
    `An earlier start moved the journal at ${file} aside: ${files}. It is still there. ` +
    `To bring it back: leverage restore "${entries[0]?.path ?? ''}" --yes (a file moved by mistake restores as it was); ` +
    `to stop this reminder: leverage moved-aside --dismiss.`
  );
}

function refused(error: unknown): OpenOutcome {
  if (isJournalError(error)) return { status: 'refused', code: error.code, message: error.message };
  return { status: 'refused', code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}
