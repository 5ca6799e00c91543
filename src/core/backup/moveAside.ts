import fs from 'node:fs';
import { fileStamp } from './backupFiles.ts';

/** SQLite's companion files: the write-ahead log and its index belong with the database they serve. */
const SIDECARS = ['-wal', '-shm', '-journal'] as const;

/**
 * Renames a database file that cannot be used (and its -wal/-shm/-journal files) to
 * `<file>.unreadable-<time>`, so that a new journal can start at its path. The file is never
 * overwritten or deleted: the user, or a data-recovery tool, can still look at it.
 */
export function moveAside(file: string, now: Date = new Date(), label = 'unreadable'): string {
  let time = now.getTime();
  const target = () => `${file}.${label}-${fileStamp(new Date(time))}`;
  while (fs.existsSync(target())) time += 1;
  const destination = target();
  fs.renameSync(file, destination);
  for (const suffix of SIDECARS) {
    if (fs.existsSync(`${file}${suffix}`)) fs.renameSync(`${file}${suffix}`, `${destination}${suffix}`);
  }
  return destination;
}
