import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { Journal } from '../../../src/core/journal.ts';
import { SyncEngine } from '../../../src/core/sync/syncEngine.ts';
import { tempFolder } from '../helpers/tempJournal.ts';
import { rowsWithoutGlobalId, syncedHash } from './support/syncedHash.ts';

interface Device {
  journal: Journal;
  engine: SyncEngine;
}

const task = (title: string, workDate = '2026-03-10') => ({ workDate, title, humanSeconds: 3600, agentSeconds: 600 });

function device(folder: string, name: string): Device {
  const journal = Journal.open(path.join(folder, `${name}.db`));
  return { journal, engine: new SyncEngine(journal.db) };
}

async function syncAll(devices: Device[], rounds = 2): Promise<void> {
  for (let round = 0; round < rounds; round += 1) for (const entry of devices) await entry.engine.syncNow();
}

function titles(journal: Journal): string[] {
  return journal.tasks.listRange('2000-01-01', '2100-01-01').map((entry) => entry.title).sort();
}

function localId(journal: Journal, title: string): number {
  const found = journal.tasks.listRange('2000-01-01', '2100-01-01').find((entry) => entry.title === title);
  if (!found) throw new Error(`no task ${title}`);
  return found.id;
}

describe('sync between devices (in one process)', () => {
  test('joining keeps both journals; new tasks on two devices never collide; all tables converge', async () => {
    const root = tempFolder();
    const folder = path.join(root, 'sync');
    const a = device(root, 'a');
    const b = device(root, 'b');
    a.journal.tasks.create(task('A before sync'));
    b.journal.tasks.create(task('B before sync'));
    a.journal.days.update('2026-03-10', { intro: 'Intro from A' });
    a.journal.settings.update({ authorLine: 'By someone', globalShortcut: 'Alt+K' });
    await a.engine.init({ folder, deviceName: 'laptop' });
    await b.engine.init({ folder, deviceName: 'desktop' });
    // Both devices add a task offline: each gets local id 2 (or 3), and both survive.
    a.journal.tasks.create(task('A new'));
    b.journal.tasks.create(task('B new'));
    await syncAll([a, b]);
    expect(titles(a.journal)).toEqual(['A before sync', 'A new', 'B before sync', 'B new']);
    expect(titles(b.journal)).toEqual(titles(a.journal));
    expect(b.journal.days.get('2026-03-10').intro).toBe('Intro from A');
    expect(b.journal.settings.get().authorLine).toBe('By someone');
    // A setting of the machine (the global shortcut) stays on its machine.
    expect(b.journal.settings.get().globalShortcut).not.toBe('Alt+K');
    expect(syncedHash(a.journal.db)).toBe(syncedHash(b.journal.db));
    expect(rowsWithoutGlobalId(a.journal.db)).toBe(0);
    // day_totals follow the merged rows through the triggers.
    expect(b.journal.metrics.day('2026-03-10').taskCount).toBe(4);
    a.journal.close();
    b.journal.close();
  });

  test('a field changed on two devices: one winner everywhere, the other value kept; the person keeps either', async () => {
    const root = tempFolder();
    const folder = path.join(root, 'sync');
    const a = device(root, 'a');
    const b = device(root, 'b');
    a.journal.tasks.create({ ...task('Shared'), notes: 'start' });
    await a.engine.init({ folder, deviceName: 'a' });
    await b.engine.init({ folder, deviceName: 'b' });
    a.journal.tasks.update(localId(a.journal, 'Shared'), { title: 'Title from A', humanSeconds: 7200, notes: 'start\nA line' });
    b.journal.tasks.update(localId(b.journal, 'Shared'), { title: 'Title from B', notes: 'B line\nstart' });
    await a.engine.syncNow();
    await b.engine.syncNow();
    await a.engine.syncNow();
    const winner = a.journal.tasks.listRange('2026-03-10', '2026-03-10')[0];
    const winnerB = b.journal.tasks.listRange('2026-03-10', '2026-03-10')[0];
    expect(winner?.title).toBe(winnerB?.title);
    expect(['Title from A', 'Title from B']).toContain(winner?.title);
    // A field changed on one side only is not a conflict; notes merge line by line.
    expect(winnerB?.humanSeconds).toBe(7200);
    expect(winner?.notes).toBe('B line\nstart\nA line');
    expect(winnerB?.notes).toBe(winner?.notes);
    const conflictsA = a.engine.conflicts();
    expect(conflictsA).toHaveLength(1);
    expect(conflictsA[0]).toMatchObject({ table: 'task', field: 'title', value: winner?.title, localId: winner?.id });
    const other = conflictsA[0]?.otherValues[0];
    expect(other).toBe(winner?.title === 'Title from A' ? 'Title from B' : 'Title from A');
    expect(b.engine.conflicts().map((entry) => [entry.value, entry.otherValues])).toEqual(conflictsA.map((entry) => [entry.value, entry.otherValues]));
    // Keep the other value on B: after the next syncs both show it and the conflict is gone everywhere.
    const conflictB = b.engine.conflicts()[0];
    b.engine.resolve('task', conflictB?.key ?? '', 'title', other ?? null);
    await syncAll([b, a]);
    expect(a.journal.tasks.listRange('2026-03-10', '2026-03-10')[0]?.title).toBe(other);
    expect(b.journal.tasks.listRange('2026-03-10', '2026-03-10')[0]?.title).toBe(other);
    expect(a.engine.conflicts()).toEqual([]);
    expect(b.engine.conflicts()).toEqual([]);
    expect(syncedHash(a.journal.db)).toBe(syncedHash(b.journal.db));
    a.journal.close();
    b.journal.close();
  });

  test('a delete is a tombstone that a concurrent rename does not bring back; undelete brings the renamed task', async () => {
    const root = tempFolder();
    const folder = path.join(root, 'sync');
    const a = device(root, 'a');
    const b = device(root, 'b');
    a.journal.tasks.create(task('Doomed'));
    await a.engine.init({ folder, deviceName: 'a' });
    await b.engine.init({ folder, deviceName: 'b' });
    a.journal.tasks.delete([localId(a.journal, 'Doomed')]);
    const idOnB = localId(b.journal, 'Doomed');
    b.journal.tasks.update(idOnB, { title: 'Renamed meanwhile' });
    await syncAll([a, b]);
    expect(titles(a.journal)).toEqual([]);
    expect(titles(b.journal)).toEqual([]);
    b.journal.tasks.restore([idOnB]);
    await syncAll([b, a]);
    expect(titles(a.journal)).toEqual(['Renamed meanwhile']);
    expect(syncedHash(a.journal.db)).toBe(syncedHash(b.journal.db));
    a.journal.close();
    b.journal.close();
  });

  test('published snapshots and day prose written on two devices merge', async () => {
    const root = tempFolder();
    const folder = path.join(root, 'sync');
    const a = device(root, 'a');
    const b = device(root, 'b');
    await a.engine.init({ folder, deviceName: 'a' });
    await b.engine.init({ folder, deviceName: 'b' });
    a.journal.days.update('2026-04-02', { intro: 'Morning.' });
    b.journal.days.update('2026-04-02', { analysis: 'Analysis from B.', intro: 'Evening.' });
    a.journal.db
      .prepare("INSERT INTO published_snapshots (work_date, published_at, tasks_json, intro, analysis, markdown) VALUES ('2026-04-02', '2026-04-03T08:00:00Z', '[]', '', '', '# Post')")
      .run();
    await syncAll([a, b]);
    const day = b.journal.days.get('2026-04-02');
    expect(day.analysis).toBe('Analysis from B.');
    // Both intros are kept (text merge), in the same order on both devices.
    expect(day.intro).toMatch(/Morning\./);
    expect(day.intro).toMatch(/Evening\./);
    expect(a.journal.days.get('2026-04-02').intro).toBe(day.intro);
    expect((b.journal.db.prepare('SELECT markdown FROM published_snapshots').all() as { markdown: string }[]).map((row) => row.markdown)).toEqual(['# Post']);
    expect(syncedHash(a.journal.db)).toBe(syncedHash(b.journal.db));
    a.journal.close();
    b.journal.close();
  });

  test('with sync off nothing is queued and no sync trigger exists', () => {
    const root = tempFolder();
    const { journal } = device(root, 'off');
    journal.tasks.create(task('Local only'));
    const triggers = journal.db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_%'").all();
    expect(triggers).toEqual([]);
    expect(journal.db.prepare('SELECT count(*) AS n FROM sync_outbox').get()).toEqual({ n: 0 });
    expect(new SyncEngine(journal.db).status().enabled).toBe(false);
    journal.close();
  });
});

describe('an encrypted folder', () => {
  test('round-trips with the passphrase; the files hold no plaintext; a wrong passphrase writes nothing', async () => {
    const root = tempFolder();
    const folder = path.join(root, 'sync');
    const a = device(root, 'a');
    a.journal.tasks.create(task('Secret client refactor'));
    await a.engine.init({ folder, deviceName: 'a', passphrase: 'correct horse battery staple' });
    const files = fs.readdirSync(path.join(folder, 'devices'), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    for (const file of files) {
      expect(fs.readFileSync(path.join(file.parentPath, file.name)).includes('Secret client')).toBe(false);
    }
    const before = fs.readdirSync(folder, { recursive: true }).sort();
    const wrong = device(root, 'wrong');
    wrong.journal.tasks.create(task('Wrong device task'));
    await expect(wrong.engine.init({ folder, deviceName: 'wrong', passphrase: 'tr0ub4dor' })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
      message: expect.stringMatching(/Wrong passphrase.*Nothing was written/) as unknown,
    });
    expect(fs.readdirSync(folder, { recursive: true }).sort()).toEqual(before);
    expect(wrong.engine.status().enabled).toBe(false);
    await expect(wrong.engine.init({ folder, deviceName: 'wrong' })).rejects.toThrow(/encrypted: give its passphrase/);
    const b = device(root, 'b');
    await b.engine.init({ folder, deviceName: 'b', passphrase: 'correct horse battery staple' });
    expect(titles(b.journal)).toEqual(['Secret client refactor']);
    expect(b.engine.status().encrypted).toBe(true);
    a.journal.close();
    b.journal.close();
    wrong.journal.close();
  });
});
