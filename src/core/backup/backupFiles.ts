import fs from 'node:fs';
import path from 'node:path';

/**
 * Why a backup was written. Only `auto` backups rotate; the others are kept until the user
 * removes them (a manual backup, the copy taken before a restore, the copy taken before a migration).
 */
export const BACKUP_KINDS = ['auto', 'manual', 'before-restore', 'before-import', 'before-migration'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export interface BackupInfo {
  readonly path: string;
  readonly name: string;
  readonly kind: BackupKind;
  /** When the backup was written (UTC, ISO 8601), read back from its file name. */
  readonly createdAt: string;
  readonly bytes: number;
}

const STAMP = String.raw`(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z`;
// `leverage-auto-<stamp>.db`, and openDatabase's `leverage-before-v3-from-v2-<stamp>.db`.
const BACKUP_NAME = new RegExp(String.raw`^leverage-(auto|manual|before-restore|before-import|before-v\d+-from-v\d+)-${STAMP}\.db$`);

/** A time as it appears in backup file names: ISO 8601 with `:` and `.` made file-name safe. */
export function fileStamp(time: Date): string {
  return time.toISOString().replace(/[:.]/g, '-');
}

export function backupFileName(kind: Exclude<BackupKind, 'before-migration'>, time: Date): string {
  return `leverage-${kind}-${fileStamp(time)}.db`;
}

/** Parses a backup file name; null for anything else in the folder (partial copies, the user's files). */
export function parseBackupName(name: string): { kind: BackupKind; createdAt: string } | null {
  const match = BACKUP_NAME.exec(name);
  if (!match) return null;
  const [, label = '', date, hours, minutes, seconds, millis] = match;
  const kind: BackupKind = label.startsWith('before-v') ? 'before-migration' : (label as BackupKind);
  return { kind, createdAt: `${date}T${hours}:${minutes}:${seconds}.${millis}Z` };
}

/** The backups in a folder, newest first. A missing folder has none. */
export function listBackups(folder: string): BackupInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const backups: BackupInfo[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const file = path.join(folder, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    backups.push({ path: file, name, kind: parsed.kind, createdAt: parsed.createdAt, bytes: stat.size });
  }
  return backups.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/** Deletes the oldest automatic backups beyond `keep`; returns the paths removed. Other kinds are never rotated. */
export function pruneAutomaticBackups(folder: string, keep: number): string[] {
  const automatic = listBackups(folder).filter((backup) => backup.kind === 'auto');
  const removed: string[] = [];
  for (const backup of automatic.slice(Math.max(keep, 1))) {
    fs.rmSync(backup.path, { force: true });
    removed.push(backup.path);
  }
  return removed;
}
