import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { Journal } from '../../../src/core/journal.ts';
import { classifyOpenFailure } from '../../../src/core/store/openFailure.ts';
import { movedAsideRecordFor } from '../../../src/core/paths.ts';
import { openJournalWithRecovery, pendingMovedAside } from '../../../src/core/store/recovery.ts';
import { openJournalAtStartup } from '../../../src/main/startup/openJournal.ts';
import { leverage } from '../cli/runCli.ts';
import { tempFolder } from '../helpers/tempJournal.ts';
import { dialogsAnswering } from '../shell/fakes.ts';
import { canRunAsOtherUser, giveToOtherUser, mountTinyDisk, runNodeAsOtherUser } from './support/faults.ts';
import { generatedTask } from './support/generatedTasks.ts';
import { WORKERS } from './support/processes.ts';

const RECOVER_AS_USER = path.join(WORKERS, 'recoverAsUser.ts');

function makeJournal(file: string, count: number): void {
  const journal = Journal.open(file);
  journal.tasks.createMany(Array.from({ length: count }, (_, n) => generatedTask(3, n)));
  journal.close();
}

function hash(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function movedAsideFiles(file: string): string[] {
  return fs.readdirSync(path.dirname(file)).filter((name) => name.startsWith(`${path.basename(file)}.unreadable-`));
}

function taskCount(outcome: ReturnType<typeof openJournalWithRecovery>): number {
  if (outcome.status !== 'opened') throw new Error(`expected opened, got ${outcome.status}: ${'message' in outcome ? outcome.message : ''}`);
  try {
    return outcome.journal.tasks.listRange('0000-01-01', '9999-12-31').length;
  } finally {
    outcome.journal.close();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('a full disk at open', () => {
  test('leaves the intact journal where it is, says the disk is full, and opens it once space is freed', () => {
    const disk = mountTinyDisk(1024);
    const file = path.join(disk?.folder ?? tempFolder(), 'leverage.db');
    try {
      makeJournal(file, 40);
      const before = hash(file);
      if (disk) {
        disk.fill(); // a real tmpfs with no byte left: SQLite cannot create the -shm index
      } else {
        // No tmpfs can be mounted here (not root): SQLite's own full-disk answer is injected instead.
        vi.spyOn(Database.prototype, 'pragma').mockImplementation(() => {
          throw new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
        });
      }
      const outcome = openJournalWithRecovery(file);
      console.log(`full-disk open (${disk ? 'real 1 MB tmpfs' : 'injected SQLITE_FULL'}): ${outcome.status} — ${'message' in outcome ? outcome.message : ''}`);
      expect(outcome).toMatchObject({ status: 'refused', code: 'IO_FAILED', message: expect.stringMatching(/the disk is full.*left where it was/s) });
      expect(hash(file)).toBe(before);
      expect(movedAsideFiles(file)).toEqual([]);
      expect(pendingMovedAside(file)).toEqual([]);

      if (disk) fs.rmSync(path.join(disk.folder, 'filler'));
      else vi.restoreAllMocks();
      expect(taskCount(openJournalWithRecovery(file))).toBe(40);
    } finally {
      disk?.unmount();
    }
  });
});

describe('a SQLite module that fails to load', () => {
  test('is reported as the module, and the journal is not touched', () => {
    const file = path.join(tempFolder(), 'leverage.db');
    makeJournal(file, 3);
    const before = hash(file);
    // A native file built for another platform is, to this one, not a loadable object: dlopen fails.
    const broken = path.join(path.dirname(file), 'better_sqlite3.node');
    fs.writeFileSync(broken, 'MZ this is not a shared object for this platform');
    const outcome = openJournalWithRecovery(file, { nativeBinding: broken });
    expect(outcome).toMatchObject({ status: 'refused', code: 'IO_FAILED', message: expect.stringContaining("SQLite module (better-sqlite3's native file) could not be loaded") });
    expect(hash(file)).toBe(before);
    expect(movedAsideFiles(file)).toEqual([]);

    const missing = openJournalWithRecovery(file, { nativeBinding: path.join(path.dirname(file), 'absent', 'better_sqlite3.node') });
    expect(missing).toMatchObject({ status: 'refused', code: 'IO_FAILED', message: expect.stringContaining('could not be loaded') });
    expect(hash(file)).toBe(before);
  });
});

describe.runIf(canRunAsOtherUser() || process.getuid?.() !== 0)('permissions (as an unprivileged user)', () => {
  test('a journal this user cannot read is reported as permission denied and left where it is', () => {
    const folder = tempFolder();
    const file = path.join(folder, 'leverage.db');
    makeJournal(file, 2); // 0600, owned by the test's user: another user cannot read it
    fs.chmodSync(folder, 0o777);
    const before = hash(file);
    const run = runNodeAsOtherUser(RECOVER_AS_USER, [file]);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'refused', code: 'IO_FAILED', message: expect.stringMatching(/permission was denied.*left where it was/s) });
    expect(hash(file)).toBe(before);
    expect(movedAsideFiles(file)).toEqual([]);
  });

  test('a damaged journal in a folder this user cannot write is refused (not thrown) and stays where it is', () => {
    const folder = tempFolder();
    const file = path.join(folder, 'leverage.db');
    fs.writeFileSync(file, 'not a database at all\n'.repeat(50));
    giveToOtherUser(file); // readable, but the folder is not theirs
    fs.chmodSync(folder, 0o755);
    const run = runNodeAsOtherUser(RECOVER_AS_USER, [file]);
    expect(run.stderr).toBe('');
    const outcome = JSON.parse(run.stdout) as { status: string; code: string; message: string };
    expect(outcome).toMatchObject({ status: 'refused', code: 'IO_FAILED' });
    expect(outcome.message).toContain('not a SQLite database');
    expect(outcome.message).toMatch(/could not be moved aside.*(EACCES|permission denied).*left where it was/is);
    expect(fs.readFileSync(file, 'utf8')).toBe('not a database at all\n'.repeat(50));
    expect(movedAsideFiles(file)).toEqual([]);
  });
});

describe('classifying what SQLite answered', () => {
  test('only corrupt and not-a-database mean a damaged file', () => {
    const folder = tempFolder();
    const file = path.join(folder, 'leverage.db');
    makeJournal(file, 1);
    const errorOf = (work: () => void): unknown => {
      try {
        work();
      } catch (error) {
        return error;
      }
      throw new Error('expected a failure');
    };
    // A real lock: another connection holds the write lock and this one does not wait.
    const holder = new Database(file);
    holder.pragma('journal_mode = DELETE');
    holder.exec('BEGIN EXCLUSIVE');
    const waiting = new Database(file, { timeout: 0 });
    expect(classifyOpenFailure(errorOf(() => waiting.prepare('SELECT count(*) FROM tasks').get()), file)).toBe('locked');
    waiting.close();
    holder.exec('ROLLBACK');
    holder.close();

    const text = path.join(folder, 'notes.db');
    fs.writeFileSync(text, 'SQLite format 3\0'.padEnd(4096, 'x'));
    const notADb = errorOf(() => new Database(text).pragma('user_version'));
    expect(classifyOpenFailure(notADb, text)).toBe('corrupt');
    expect(classifyOpenFailure(new Database.SqliteError('disk I/O error', 'SQLITE_IOERR_SHMSIZE'), file)).toBe('io');
    expect(classifyOpenFailure(new Database.SqliteError('database or disk is full', 'SQLITE_FULL'), file)).toBe('disk-full');
    expect(classifyOpenFailure(new Database.SqliteError('attempt to write a readonly database', 'SQLITE_READONLY'), file)).toBe('permission');
    expect(classifyOpenFailure(new Database.SqliteError('database disk image is malformed', 'SQLITE_CORRUPT'), file)).toBe('corrupt');
    expect(classifyOpenFailure(new Database.SqliteError('file is not a database', 'SQLITE_NOTADB'), file)).toBe('corrupt');
  });
});

describe('a journal moved aside is named at every start until the person decides', () => {
  test('quitting, then starting again after the file is gone, asks again and creates nothing; the CLI refuses to start empty', async () => {
    const file = path.join(tempFolder(), 'leverage.db');
    fs.writeFileSync(file, 'garbage, not a journal\n'.repeat(40));
    const first = dialogsAnswering('Quit');
    expect(await openJournalAtStartup(file, first)).toBeNull();
    const [moved] = movedAsideFiles(file);
    expect(moved).toBeDefined();

    // Next start: nothing at the data path. Without the record this silently created an empty journal.
    const second = dialogsAnswering('Quit');
    expect(await openJournalAtStartup(file, second)).toBeNull();
    expect(second.asked[0]?.detail).toContain(moved);
    expect(fs.existsSync(file)).toBe(false);

    const cli = await leverage(file, 'list');
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain(moved);
    expect(cli.stderr).toContain('No new journal was created');
    expect(fs.existsSync(file)).toBe(false);

    // Deciding (a new, empty journal) ends the reminders; the moved file stays.
    const third = dialogsAnswering('Start with an empty journal');
    (await openJournalAtStartup(file, third))?.close();
    expect(fs.existsSync(movedAsideRecordFor(file))).toBe(false);
    const fourth = dialogsAnswering();
    (await openJournalAtStartup(file, fourth))?.close();
    expect(fourth.showMessageBox).not.toHaveBeenCalled();
    expect(movedAsideFiles(file)).toEqual([moved]);
  });

  test('a journal re-created meanwhile opens with a reminder naming the moved file, until dismissed', async () => {
    const file = path.join(tempFolder(), 'leverage.db');
    fs.writeFileSync(file, 'garbage\n'.repeat(40));
    const outcome = openJournalWithRecovery(file);
    if (outcome.status !== 'moved-aside') throw new Error('expected moved-aside');
    expect((await leverage(file, 'moved-aside')).stdout).toContain(outcome.movedTo);
    expect((await leverage(file, 'moved-aside', '--dismiss')).code).toBe(0);
    expect((await leverage(file, 'add', '--title', 'after', '--human', '1h', '--agent', '5m')).code).toBe(0);

    fs.writeFileSync(movedAsideRecordFor(file), JSON.stringify({ movedAside: [{ path: outcome.movedTo, reason: 'damaged', at: '2026-03-01T00:00:00.000Z' }] }));
    const cli = await leverage(file, 'list');
    expect(cli.code).toBe(0);
    expect(cli.stderr).toContain(outcome.movedTo);

    const remind = dialogsAnswering('Remind me at the next start');
    (await openJournalAtStartup(file, remind))?.close();
    expect(remind.asked[0]?.detail).toContain(outcome.movedTo);
    expect(pendingMovedAside(file)).toHaveLength(1);
    const done = dialogsAnswering('I have dealt with it');
    (await openJournalAtStartup(file, done))?.close();
    expect(pendingMovedAside(file)).toEqual([]);
    expect(fs.existsSync(outcome.movedTo)).toBe(true);
  });
});
