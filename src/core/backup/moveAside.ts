import fs from 'node:fs';
import { JournalError } from '../errors.ts';
import { fileStamp } from './backupFiles.ts';

/** SQLite's companion files: the write-ahead log and its index belong with the database they serve. */
const SIDECARS = ['-wal', '-shm', '-journal'] as const;

/**
 * Renames a database file that cannot be used (and its -wal/-shm/-journal files) to
 * `<file>.unreadable-<time>`, so that a new journal can start at its path. The file is never
 * overwritten or deleted: the user, or a data-recovery tool, can still look at it.
 * When the rename fails (a folder this user cannot write, a read-only disk) it throws IO_FAILED and
 * everything stays where it was: sidecars already moved are put back.
 */
export function moveAside(file: string, now: Date = new Date(), label = 'unreadable'): string {
  let time = now.getTime();
  const target = () => `${file}.${label}-${fileStamp(new Date(time))}`;
  while (fs.existsSync(target())) time += 1;
  const destination = target();
  const moved: [string, string][] = [];
  try {
    fs.renameSync(file, destination);
    moved.push([file, destination]);
    for (const suffix of SIDECARS) {
      if (!fs.existsSync(`${file}${suffix}`)) continue;
      fs.renameSync(`${file}${suffix}`, `${destination}${suffix}`);
      moved.push([`${file}${suffix}`, `${destination}${suffix}`]);
    }
  } catch (error) {
    for (const [from, to] of moved.reverse()) {
      try {
        fs.renameSync(to, from);
      } catch {
        // Leave it at the new name; the message below names both.
      }
    }
    throw new JournalError(
      'IO_FAILED',
      `${file} could not be moved aside to ${destination}: ${(error as Error).message}. It was left where it was.`,
      { cause: error },
    );
  }
  return destination;
}
