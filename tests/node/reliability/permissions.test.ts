import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createBackup } from '../../../src/core/backup/backupService.ts';
import { restoreBackup } from '../../../src/core/backup/restoreBackup.ts';
import { Journal } from '../../../src/core/journal.ts';
import { backupFolderFor } from '../../../src/core/paths.ts';
import { tempFolder } from '../helpers/tempJournal.ts';

const mode = (target: string) => fs.statSync(target).mode & 0o777;

/** Runs `work` with umask 000, the most permissive a user could have set: our modes must not depend on it. */
async function withOpenUmask<T>(work: () => Promise<T> | T): Promise<T> {
  const previous = process.umask(0o000);
  try {
    return await work();
  } finally {
    process.umask(previous);
  }
}

describe.runIf(process.platform !== 'win32')('only the owner can read the journal and its backups', () => {
  test('a new journal (and its -wal, -shm) is 0600 in a 0700 data folder; backups are 0600 in a 0700 folder', async () => {
    const folder = path.join(tempFolder(), 'Leverage Journal');
    const file = path.join(folder, 'leverage.db');
    await withOpenUmask(async () => {
      const journal = Journal.open(file);
      journal.tasks.create({ workDate: '2026-03-01', title: 'Acme Corp migration', humanSeconds: 3600, agentSeconds: 60 });
      expect(mode(folder)).toBe(0o700);
      for (const name of ['leverage.db', 'leverage.db-wal', 'leverage.db-shm']) expect([name, mode(path.join(folder, name))]).toEqual([name, 0o600]);
      const backup = await createBackup(journal.db, backupFolderFor(file), 'manual');
      expect(mode(backupFolderFor(file))).toBe(0o700);
      expect(mode(backup.path)).toBe(0o600);
      journal.close();
      await restoreBackup(file, backup.path);
      expect(mode(file)).toBe(0o600);
      for (const name of fs.readdirSync(backupFolderFor(file))) expect([name, mode(path.join(backupFolderFor(file), name))]).toEqual([name, 0o600]);
    });
  });

  test('an existing world-readable journal is made private when opened', () => {
    const file = path.join(tempFolder(), 'leverage.db');
    Journal.open(file).close();
    fs.chmodSync(file, 0o644);
    Journal.open(file).close();
    expect(mode(file)).toBe(0o600);
  });
});
