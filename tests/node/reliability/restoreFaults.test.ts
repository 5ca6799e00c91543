import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { createBackup } from '../../../src/core/backup/backupService.ts';
import { restoreBackup } from '../../../src/core/backup/restoreBackup.ts';
import { Journal } from '../../../src/core/journal.ts';
import { MIGRATIONS } from '../../../src/core/store/migrations.ts';
import { leverage } from '../cli/runCli.ts';
import { tempFolder } from '../helpers/tempJournal.ts';
import { dumpFile } from './support/database.ts';
import { generatedTask } from './support/generatedTasks.ts';
import { startWorker } from './support/processes.ts';

/** A journal with `count` tasks and a manual backup of it; returns both paths. */
async function journalWithBackup(count = 12): Promise<{ file: string; backup: string }> {
  const folder = tempFolder();
  const file = path.join(folder, 'leverage.db');
  const journal = Journal.open(file);
  journal.tasks.createMany(Array.from({ length: count }, (_, n) => generatedTask(4, n)));
  const backup = await createBackup(journal.db, path.join(folder, 'elsewhere'), 'manual');
  journal.tasks.create({ workDate: '2026-05-05', title: 'Written after the backup', humanSeconds: 3600, agentSeconds: 120 });
  journal.close();
  return { file, backup: backup.path };
}

function alter(file: string, sql: string): void {
  const db = new Database(file);
  db.exec(sql);
  db.close();
}

describe('restore refuses a backup whose schema is not exactly ours', () => {
  test('a backup carrying its own trigger (one that deletes every other task on insert) is refused, naming it; the journal is untouched', async () => {
    const { file, backup } = await journalWithBackup();
    alter(backup, 'CREATE TRIGGER wipe_others AFTER INSERT ON tasks BEGIN DELETE FROM tasks WHERE id <> NEW.id; END;');
    const before = dumpFile(file);

    await expect(restoreBackup(file, backup)).rejects.toThrow(/trigger "wipe_others".*DELETE FROM tasks/s);
    expect(dumpFile(file)).toEqual(before);

    const cli = await leverage(file, 'restore', backup, '--yes');
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('an extra trigger "wipe_others"');
    expect(dumpFile(file)).toEqual(before);
    expect(fs.readdirSync(path.dirname(file)).filter((name) => name.startsWith('.leverage-restore-'))).toEqual([]);
  });

  test('an extra view, a changed table and a missing index are each named', async () => {
    const { file, backup } = await journalWithBackup();
    alter(backup, "CREATE VIEW tasks_view AS SELECT * FROM tasks; DROP INDEX published_snapshots_by_date; ALTER TABLE settings ADD COLUMN spy TEXT DEFAULT 'x';");
    const message = await restoreBackup(file, backup).then(
      () => 'restored',
      (caught: unknown) => (caught as Error).message,
    );
    expect(message).toContain('an extra view "tasks_view"');
    expect(message).toContain('no index "published_snapshots_by_date"');
    expect(message).toContain('table "settings" is defined differently');
  });

  test('an older backup with exactly the schema of its version is accepted and migrated', async () => {
    const folder = tempFolder();
    const old = path.join(folder, 'old.db');
    const db = new Database(old);
    MIGRATIONS[0]!.up(db);
    db.pragma('user_version = 1');
    db.prepare("INSERT INTO tasks (work_date, title, human_seconds, agent_seconds, created_at, updated_at) VALUES ('2026-02-02', 'From version 1', 7200, 600, '2026-02-02T10:00:00.000Z', '2026-02-02T10:00:00.000Z')").run();
    db.close();
    const { file } = await journalWithBackup();
    await restoreBackup(file, old);
    const journal = Journal.open(file);
    expect(journal.tasks.listByDate('2026-02-02').map((task) => task.title)).toEqual(['From version 1']);
    journal.close();

    alter(old, 'CREATE TRIGGER sneaky AFTER UPDATE ON days BEGIN SELECT 1; END;');
    await expect(restoreBackup(file, old)).rejects.toThrow(/schema Leverage Journal builds for version 1.*trigger "sneaky"/s);
  });
});

describe('restore while another process has the journal open', () => {
  test('is refused and changes nothing; once that process closes it, the restore goes through', async () => {
    const { file, backup } = await journalWithBackup();
    const holder = startWorker('holdJournal.ts', [file]);
    try {
      await holder.waitForLine((line) => line === 'open');
      const before = dumpFile(file);
      await expect(restoreBackup(file, backup)).rejects.toThrow(/in use by another program.*Nothing was changed/s);
      const cli = await leverage(file, 'restore', backup, '--yes');
      expect(cli.code).toBe(1);
      expect(cli.stderr).toContain('in use by another program');
      expect(dumpFile(file)).toEqual(before);
    } finally {
      holder.send('close');
      await holder.exited;
    }
    await restoreBackup(file, backup);
    expect(dumpFile(file).tasks).toHaveLength(12);
  }, 60_000);
});

describe('restore of a backup with another page size', () => {
  test('converts the pages (no "readonly database") and brings every row back', async () => {
    const { file, backup } = await journalWithBackup();
    const wide = path.join(path.dirname(backup), 'wide-pages.db');
    const db = new Database(backup);
    db.pragma('journal_mode = DELETE');
    db.pragma('page_size = 16384');
    db.exec(`VACUUM INTO '${wide.replace(/'/g, "''")}'`);
    db.close();
    const probe = new Database(wide, { readonly: true });
    expect(probe.pragma('page_size', { simple: true })).toBe(16384);
    probe.close();
    const expected = dumpFile(backup).tasks;

    const result = await restoreBackup(file, wide);
    expect(result.safetyBackup).not.toBeNull();
    expect(dumpFile(file).tasks).toEqual(expected);
    const journal = Journal.open(file);
    expect(journal.db.pragma('page_size', { simple: true })).toBe(4096);
    expect(journal.db.pragma('integrity_check', { simple: true })).toBe('ok');
    journal.close();
  });
});
