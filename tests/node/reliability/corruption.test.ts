import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { listBackups } from '../../../src/core/backup/backupFiles.ts';
import { createBackup } from '../../../src/core/backup/backupService.ts';
import { restoreBackup } from '../../../src/core/backup/restoreBackup.ts';
import { Journal } from '../../../src/core/journal.ts';
import { backupFolderFor } from '../../../src/core/paths.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../src/core/store/migrations.ts';
import { openJournalWithRecovery } from '../../../src/core/store/recovery.ts';
import { dumpDatabase, dumpFile } from './support/database.ts';
import { generatedTask } from './support/generatedTasks.ts';

let folder: string;
let file: string;
beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'leverage-corruption-'));
  file = path.join(folder, 'leverage.db');
});
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

/** A closed journal holding `count` tasks, in rollback-journal mode (one file, no -wal beside it). */
function makeJournal(count: number): void {
  const journal = Journal.open(file);
  journal.tasks.createMany(Array.from({ length: count }, (_, n) => generatedTask(5, n)));
  journal.db.pragma('journal_mode = DELETE');
  journal.close();
}

/** The bytes of every file in the folder (recursively): "untouched" means this does not change. */
function folderState(): Record<string, string> {
  const state: Record<string, string> = {};
  for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    state[path.relative(folder, full)] = createHash('sha256').update(fs.readFileSync(full)).digest('hex');
  }
  return state;
}

describe('a database from a newer version of the app', () => {
  test('is refused with a clear message and left byte-for-byte untouched', () => {
    makeJournal(5);
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const before = folderState();

    expect(() => Journal.open(file)).toThrow(expect.objectContaining({ code: 'DATABASE_TOO_NEW', message: expect.stringMatching(/newer version.*untouched/s) }));
    const outcome = openJournalWithRecovery(file);
    expect(outcome).toMatchObject({ status: 'refused', code: 'DATABASE_TOO_NEW' });
    expect(folderState()).toEqual(before);
  });
});

describe('a migration that fails', () => {
  test('is rolled back, the file keeps its version and content, and the pre-migration backup is there', () => {
    makeJournal(20);
    const before = dumpFile(file);
    const failing = [
      ...MIGRATIONS,
      {
        version: LATEST_SCHEMA_VERSION + 1,
        name: 'fails half way',
        up(db: Database.Database) {
          db.exec('CREATE TABLE half_done (x INTEGER); UPDATE tasks SET title = title || " (changed)";');
          throw new Error('disk full (simulated)');
        },
      },
    ];
    expect(() => Journal.open(file, { migrations: failing })).toThrow(expect.objectContaining({ code: 'MIGRATION_FAILED' }));
    expect(dumpFile(file)).toEqual(before);
    const backups = listBackups(backupFolderFor(file)).filter((backup) => backup.kind === 'before-migration');
    expect(backups).toHaveLength(1);
    const backup = dumpFile(backups[0]!.path);
    expect(backup.tasks).toEqual(before.tasks);
    expect(backup.day_totals).toEqual(before.day_totals);
  });
});

describe('a corrupt or foreign file at the data path', () => {
  async function twoBackups(): Promise<string> {
    makeJournal(10);
    const journal = Journal.open(file);
    await createBackup(journal.db, backupFolderFor(file), 'auto', new Date('2026-03-01T08:00:00Z'));
    journal.tasks.create(generatedTask(5, 99));
    const newest = await createBackup(journal.db, backupFolderFor(file), 'auto', new Date('2026-03-02T08:00:00Z'));
    journal.close();
    // A newer "backup" that is itself damaged must not be the one offered.
    fs.writeFileSync(path.join(backupFolderFor(file), 'leverage-manual-2026-03-03T08-00-00-000Z.db'), 'garbage');
    return newest.path;
  }

  test('a file that is not SQLite is moved aside intact, and the newest usable backup is offered', async () => {
    const newest = await twoBackups();
    fs.rmSync(`${file}-wal`, { force: true });
    fs.rmSync(`${file}-shm`, { force: true });
    fs.writeFileSync(file, 'this is a text file, not a journal');
    const outcome = openJournalWithRecovery(file);
    if (outcome.status !== 'moved-aside') throw new Error(`expected moved-aside, got ${outcome.status}`);
    expect(fs.readFileSync(outcome.movedTo, 'utf8')).toBe('this is a text file, not a journal');
    expect(fs.existsSync(file)).toBe(false);
    expect(outcome.latestBackup?.path).toBe(newest);
    expect(outcome.message).toContain('not a SQLite database');
    expect(outcome.message).toContain(outcome.movedTo);
    expect(outcome.message).toContain(newest);

    // Accepting the offer: the journal comes back with the backup's tasks.
    await restoreBackup(file, newest);
    const reopened = openJournalWithRecovery(file);
    if (reopened.status !== 'opened') throw new Error(`expected opened, got ${reopened.status}`);
    expect(reopened.journal.tasks.listRange('0000-01-01', '9999-12-31')).toHaveLength(11);
    reopened.journal.close();
  });

  test('a SQLite file with damaged pages is detected, moved aside, never overwritten', async () => {
    await twoBackups();
    const db = new Database(file);
    db.pragma('journal_mode = DELETE');
    db.close();
    const bytes = fs.readFileSync(file);
    // Scribble over the start of every page after the first (the b-tree page headers of the tables and
    // indexes), so the damage hits what SQLite reads whatever the schema's page layout.
    for (let offset = 4096; offset < bytes.length; offset += 4096) bytes.fill(0xa5, offset, offset + 64);
    fs.writeFileSync(file, bytes);
    const damaged = createHash('sha256').update(bytes).digest('hex');

    const outcome = openJournalWithRecovery(file);
    expect(outcome.status).toBe('moved-aside');
    if (outcome.status !== 'moved-aside') return;
    expect(createHash('sha256').update(fs.readFileSync(outcome.movedTo)).digest('hex')).toBe(damaged);
    expect(outcome.latestBackup).not.toBeNull();
  });

  test('a SQLite database of another program is moved aside rather than mixed with a journal', () => {
    const other = new Database(file);
    other.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO photos (name) VALUES (\'cat.jpg\');');
    other.close();
    const outcome = openJournalWithRecovery(file);
    expect(outcome).toMatchObject({ status: 'moved-aside', latestBackup: null });
    if (outcome.status !== 'moved-aside') return;
    expect(outcome.message).toContain('no backup');
    expect(dumpFile(outcome.movedTo).photos).toEqual([{ id: 1, name: 'cat.jpg' }]);
  });

  test('an empty file is a new journal, not a corrupt one', () => {
    fs.writeFileSync(file, '');
    const outcome = openJournalWithRecovery(file);
    expect(outcome.status).toBe('opened');
    if (outcome.status === 'opened') {
      expect(dumpDatabase(outcome.journal.db).tasks).toEqual([]);
      outcome.journal.close();
    }
  });
});
