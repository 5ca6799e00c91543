import fs from 'node:fs/promises';
import path from 'node:path';
import { backupFolderFor } from '../../core/paths.ts';

interface BackupSource {
  readonly path: string;
  readonly db: { backup(destination: string): Promise<unknown> };
}

/**
 * A consistent copy of the open database (SQLite's online backup API, so concurrent writes by the
 * CLI cannot tear it) in the backups folder, named like the core's backups
 * (`leverage-manual-<ISO time with - for : and .>.db`) so the core's backup list shows it.
 */
export async function backupNow(journal: BackupSource, now: Date = new Date()): Promise<string> {
  const folder = backupFolderFor(journal.path);
  await fs.mkdir(folder, { recursive: true });
  const target = path.join(folder, `leverage-manual-${now.toISOString().replace(/[:.]/g, '-')}.db`);
  const partial = `${target}.partial`;
  try {
    await journal.db.backup(partial);
    await fs.rename(partial, target);
  } catch (error) {
    await fs.rm(partial, { force: true });
    throw error;
  }
  return target;
}
