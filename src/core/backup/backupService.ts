import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { JournalError } from '../errors.ts';
import { createPrivateFile, ensurePrivateFolder } from '../files/privateFiles.ts';
import type { SqliteDatabase } from '../store/database.ts';
import { backupFileName, listBackups, parseBackupName, pruneAutomaticBackups, type BackupInfo, type BackupKind } from './backupFiles.ts';

/**
 * Copies a live database to `target` with SQLite's online backup API (consistent even while the
 * app keeps writing). The copy is written under a temporary name and renamed when complete, so a
 * crash never leaves a half-written file that looks like a backup; it is switched to rollback
 * journaling so that it is one self-contained file.
 */
export async function copyDatabase(db: SqliteDatabase, target: string): Promise<void> {
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    createPrivateFile(partial); // a backup is the whole journal: only its owner may read it
    await db.backup(partial);
    const copy = new Database(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw new JournalError('IO_FAILED', `Could not write the backup ${target}: ${(error as Error).message}`, { cause: error });
  }
}

function infoFor(file: string): BackupInfo {
  const name = path.basename(file);
  const parsed = parseBackupName(name);
  const bytes = fs.statSync(file).size;
  return {
    path: file,
    name,
    kind: parsed?.kind ?? 'manual',
    createdAt: parsed?.createdAt ?? new Date().toISOString(),
    bytes,
  };
}

/** Writes a backup of `db` into `folder`, named for its kind and time; returns it. */
export async function createBackup(
  db: SqliteDatabase,
  folder: string,
  kind: Exclude<BackupKind, 'before-migration'>,
  now: Date = new Date(),
): Promise<BackupInfo> {
  ensurePrivateFolder(folder);
  // Two backups in the same millisecond must not overwrite each other.
  let time = now.getTime();
  while (fs.existsSync(path.join(folder, backupFileName(kind, new Date(time))))) time += 1;
  const target = path.join(folder, backupFileName(kind, new Date(time)));
  await copyDatabase(db, target);
  return infoFor(target);
}

/** Writes a backup to a file the user chose (`leverage backup --out FILE`); never overwrites one. */
export async function backupToFile(db: SqliteDatabase, target: string): Promise<BackupInfo> {
  if (fs.existsSync(target)) throw new JournalError('IO_FAILED', `${target} already exists: choose another file name.`);
  const folder = path.dirname(target);
  if (!fs.existsSync(folder)) throw new JournalError('IO_FAILED', `The folder ${folder} does not exist.`);
  await copyDatabase(db, target);
  return infoFor(target);
}

function localDay(time: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}`;
}

export interface DailyBackupOptions {
  readonly folder: string;
  /** How many automatic backups to keep (settings.backupsToKeep). */
  readonly keep: number;
  readonly now?: Date;
}

export interface DailyBackupResult {
  /** The backup written now, or null when today's already exists. */
  readonly created: BackupInfo | null;
  /** Automatic backups deleted because more than `keep` existed. */
  readonly pruned: readonly string[];
}

/**
 * The app calls this at start-up (and may call it again on a timer): writes today's automatic
 * backup unless one was already written today (local calendar day), then keeps the newest `keep`.
 */
export async function runDailyBackupIfDue(db: SqliteDatabase, options: DailyBackupOptions): Promise<DailyBackupResult> {
  const now = options.now ?? new Date();
  const latest = listBackups(options.folder).find((backup) => backup.kind === 'auto');
  const due = !latest || localDay(new Date(latest.createdAt)) !== localDay(now);
  const created = due ? await createBackup(db, options.folder, 'auto', now) : null;
  return { created, pruned: pruneAutomaticBackups(options.folder, options.keep) };
}
