import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { listBackups } from '../../../src/core/backup/backupFiles.ts';
import { createBackup, runDailyBackupIfDue } from '../../../src/core/backup/backupService.ts';
import { Journal } from '../../../src/core/journal.ts';
import { backupFolderFor } from '../../../src/core/paths.ts';
import { LATEST_SCHEMA_VERSION } from '../../../src/core/store/migrations.ts';
import { dumpDatabase, dumpFile } from './support/database.ts';
import { generatedTask } from './support/generatedTasks.ts';
import { runCliProcess } from './support/processes.ts';

let folder: string;
let file: string;
let backups: string;
beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'leverage-backups-'));
  file = path.join(folder, 'leverage.db');
  backups = backupFolderFor(file);
});
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

/** A journal with something in every table: live and deleted tasks, day records, settings. */
function populatedJournal(): Journal {
  const journal = Journal.open(file);
  const tasks = journal.tasks.createMany(Array.from({ length: 40 }, (_, n) => generatedTask(9, n)));
  journal.tasks.delete(tasks.slice(0, 5).map((task) => task.id));
  journal.days.update('2026-01-02', { intro: 'An intro with <b>markup</b>', analysis: 'Analysis', publicationDate: '2026-01-03', dayTokens: 867_500 });
  journal.settings.update({ authorLine: 'By someone', backupsToKeep: 3, factorFormat: 'one-decimal' });
  return journal;
}

function sha256(target: string): string {
  return createHash('sha256').update(fs.readFileSync(target)).digest('hex');
}

describe('automatic daily backups', () => {
  test('one per calendar day, the newest N kept, other kinds never rotated', async () => {
    const journal = populatedJournal();
    const manual = await createBackup(journal.db, backups, 'manual', new Date(2026, 0, 1, 9));
    const days = [1, 2, 3, 4, 5].map((day) => new Date(2026, 0, day, 12));
    const created: string[] = [];
    for (const now of days) {
      const first = await runDailyBackupIfDue(journal.db, { folder: backups, keep: 3, now });
      expect(first.created).not.toBeNull();
      created.push(first.created!.path);
      const again = await runDailyBackupIfDue(journal.db, { folder: backups, keep: 3, now: new Date(now.getTime() + 3600_000) });
      expect(again.created).toBeNull();
    }
    const remaining = listBackups(backups);
    expect(remaining.filter((backup) => backup.kind === 'auto').map((backup) => backup.path)).toEqual(created.slice(2).reverse());
    expect(remaining.some((backup) => backup.path === manual.path)).toBe(true);
    // Each backup is a complete, self-contained copy (no -wal beside it).
    expect(dumpFile(created[4]!).tasks).toEqual(dumpDatabase(journal.db).tasks);
    expect(fs.readdirSync(backups).filter((name) => /-(wal|shm)$|partial/.test(name))).toEqual([]);
    journal.close();
  });

  test('a backup taken while the app writes is a consistent snapshot', async () => {
    const journal = populatedJournal();
    let n = 1000;
    const writer = setInterval(() => journal.tasks.create(generatedTask(9, (n += 1))), 0);
    const backup = await createBackup(journal.db, backups, 'auto');
    clearInterval(writer);
    const copy = new Database(backup.path, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    journal.close();
  });
});

describe('leverage backup / backups / restore', () => {
  test('restore from the CLI brings back every row of every table, after a safety backup', async () => {
    const journal = populatedJournal();
    const snapshot = dumpDatabase(journal.db);
    journal.close();
    const out = path.join(folder, 'my-backup.db');
    const backup = await runCliProcess(['--db', file, 'backup', '--out', out]);
    expect(backup).toMatchObject({ code: 0, stdout: expect.stringContaining(out) });

    // Life goes on after the backup: more tasks, edits, deletions, settings.
    const later = Journal.open(file);
    later.tasks.createMany(Array.from({ length: 7 }, (_, n) => generatedTask(10, n)));
    later.tasks.update(10, { title: 'changed after the backup' });
    later.tasks.delete([11, 12]);
    later.days.update('2026-01-02', { intro: 'rewritten' });
    later.settings.update({ theme: 'dark' });
    const afterwards = dumpDatabase(later.db);
    later.close();

    const dryRun = await runCliProcess(['--db', file, 'restore', out]);
    expect(dryRun.code).toBe(1);
    expect(dryRun.stderr).toContain('--yes');
    expect(dumpFile(file)).toEqual(afterwards);

    const restore = await runCliProcess(['--db', file, 'restore', out, '--yes']);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(dumpFile(file)).toEqual(snapshot);
    const safety = listBackups(backups).find((entry) => entry.kind === 'before-restore');
    expect(safety).toBeDefined();
    expect(dumpFile(safety!.path)).toEqual(afterwards);

    const listing = await runCliProcess(['--db', file, 'backups', '--json']);
    expect((JSON.parse(listing.stdout) as { path: string }[]).map((entry) => entry.path)).toContain(safety!.path);
  }, 60_000);

  test('restore refuses a file that is not a usable journal and changes nothing', async () => {
    const journal = populatedJournal();
    journal.close();
    const before = sha256(file);
    const notADatabase = path.join(folder, 'notes.txt');
    fs.writeFileSync(notADatabase, 'hello');
    const tooNew = path.join(folder, 'future.db');
    fs.copyFileSync(file, tooNew);
    const future = new Database(tooNew);
    future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    future.close();

    for (const [candidate, reason] of [[notADatabase, 'not a SQLite database'], [tooNew, 'newer version'], [file, 'journal itself']] as const) {
      const result = await runCliProcess(['--db', file, 'restore', candidate, '--yes']);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(reason);
    }
    expect(sha256(file)).toBe(before);
    expect(listBackups(backups)).toEqual([]);
  }, 60_000);
});
