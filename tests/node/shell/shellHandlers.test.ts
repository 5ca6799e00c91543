import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCoreHandlers } from '../../../src/core/ipc/coreHandlers.ts';
import { invoke, type HandlerTable } from '../../../src/core/ipc/invokeHandler.ts';
import { Journal } from '../../../src/core/journal.ts';
import { MAX_IMPORT_BYTES, createShellHandlers } from '../../../src/main/ipc/shellHandlers.ts';
import { tempFolder, tempJournal } from '../helpers/tempJournal.ts';
import { TASK, fakeServices } from './fakes.ts';

function setUp(answers: Parameters<typeof fakeServices>[0] = {}) {
  const journal = tempJournal();
  const services = fakeServices(answers);
  const handlers: HandlerTable = { ...createCoreHandlers(journal), ...createShellHandlers(journal, services) };
  return { journal, services, handlers };
}

describe('shell handlers', () => {
  it('savePost writes the day’s post where the user chose, and nothing when they cancel', async () => {
    const target = path.join(tempFolder(), 'post.md');
    const { journal, handlers, services } = setUp({ saveTo: target });
    journal.tasks.create({ ...TASK });
    const saved = await invoke(handlers, 'savePost', { date: '2026-03-01' });
    expect(saved).toEqual({ ok: true, value: { path: target } });
    expect(fs.readFileSync(target, 'utf8')).toBe(journal.dailyPost('2026-03-01'));
    expect(services.chooseSaveFile).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: path.join('/home/someone/Documents', 'leverage-record-2026-03-01.md') }));
    expect(fs.readdirSync(path.dirname(target))).toEqual(['post.md']);

    const cancelled = setUp({ saveTo: null });
    expect(await invoke(cancelled.handlers, 'savePost', { date: '2026-03-01' })).toEqual({ ok: true, value: { path: null } });
  });

  it('copyPost puts the post on the clipboard', async () => {
    const { journal, handlers, services } = setUp();
    journal.tasks.create({ ...TASK });
    const post = journal.dailyPost('2026-03-01');
    expect(await invoke(handlers, 'copyPost', { date: '2026-03-01' })).toEqual({ ok: true, value: { characters: post.length } });
    expect(services.writeClipboard).toHaveBeenCalledWith(post);
  });

  it('copyPost and savePost give the post as it will be published: redacted by the chosen profile', async () => {
    const target = path.join(tempFolder(), 'post.md');
    const { journal, handlers, services } = setUp({ saveTo: target });
    journal.tasks.create({ ...TASK, title: 'Tune the Acme ingest pipeline' });
    journal.settings.update({ redactionProfiles: [{ name: 'public', aliases: [{ from: 'Acme', to: 'a client' }] }] });
    await invoke(handlers, 'copyPost', { date: '2026-03-01', profile: 'public' });
    const copied = (services.writeClipboard.mock.calls.at(-1) as [string])[0];
    expect(copied).toContain('Tune the a client ingest pipeline');
    expect(copied).not.toMatch(/Acme/);
    await invoke(handlers, 'savePost', { date: '2026-03-01', profile: 'public' });
    expect(fs.readFileSync(target, 'utf8')).toBe(copied);
    await invoke(handlers, 'copyPost', { date: '2026-03-01', profile: null });
    expect((services.writeClipboard.mock.calls.at(-1) as [string])[0]).toContain('Acme');
    expect(await invoke(handlers, 'copyPost', { date: '2026-03-01', profile: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('exportData then importData round-trips the tasks into another journal', async () => {
    const file = path.join(tempFolder(), 'export.json');
    const source = setUp({ saveTo: file });
    source.journal.tasks.create({ ...TASK });
    source.journal.tasks.create({ ...TASK, title: 'Second', workDate: '2026-02-28' });
    expect(await invoke(source.handlers, 'exportData', { format: 'json' })).toEqual({ ok: true, value: { path: file } });

    const target = setUp({ openFrom: file });
    expect(await invoke(target.handlers, 'importData', undefined)).toEqual({ ok: true, value: { path: file, tasks: 2, days: 0 } });
    expect(target.journal.tasks.listRange('2026-01-01', '2026-12-31').map((task) => task.title).sort()).toEqual(['Port the importer', 'Second']);
  });

  it('importData of a bad file fails with IMPORT_FAILED and writes nothing', async () => {
    const file = path.join(tempFolder(), 'broken.json');
    fs.writeFileSync(file, JSON.stringify({ tasks: [{ title: '' }] }));
    const { journal, handlers } = setUp({ openFrom: file });
    const result = await invoke(handlers, 'importData', undefined);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('IMPORT_FAILED');
    expect(journal.tasks.listRange('0000-01-01', '9999-12-31')).toEqual([]);
  });

  it('importData refuses a file over the size limit before reading it', async () => {
    const file = path.join(tempFolder(), 'huge.csv');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, MAX_IMPORT_BYTES + 1);
    const { handlers } = setUp({ openFrom: file });
    const result = await invoke(handlers, 'importData', undefined);
    expect(!result.ok && result.error).toMatchObject({ code: 'IMPORT_FAILED', message: expect.stringContaining('64 MB') });
  });

  it('backupNow writes a consistent copy into the backups folder that opens as a journal', async () => {
    const { journal, handlers } = setUp();
    journal.tasks.create({ ...TASK });
    const result = await invoke(handlers, 'backupNow', undefined);
    if (!result.ok) throw new Error(result.error.message);
    expect(path.dirname(result.value.path)).toBe(path.join(path.dirname(journal.path), 'backups'));
    expect(path.basename(result.value.path)).toBe('leverage-manual-2026-03-01T12-00-00-000Z.db');
    const copy = Journal.open(result.value.path, { readonly: true });
    try {
      expect(copy.tasks.listByDate('2026-03-01').map((task) => task.title)).toEqual(['Port the importer']);
    } finally {
      copy.close();
    }
  });

  it('appInfo reports the database, backups folder and the shortcut failure', async () => {
    const { journal, handlers } = setUp();
    const result = await invoke(handlers, 'appInfo', undefined);
    expect(result).toEqual({
      ok: true,
      value: {
        version: '9.9.9',
        databasePath: journal.path,
        backupFolder: path.join(path.dirname(journal.path), 'backups'),
        shortcutRegistered: false,
        shortcutError: 'CommandOrControl+Shift+L is already in use by another application.',
        shortcutNote: null,
        launchAtLoginAvailable: true,
      },
    });
  });

  it('openDataFolder and closeQuickAdd go to the OS services', async () => {
    const { journal, handlers, services } = setUp();
    expect(await invoke(handlers, 'openDataFolder', undefined)).toEqual({ ok: true, value: { opened: true } });
    expect(services.openFolder).toHaveBeenCalledWith(path.dirname(journal.path));
    expect(await invoke(handlers, 'closeQuickAdd', undefined)).toEqual({ ok: true, value: { closed: true } });
    expect(services.closeQuickAdd).toHaveBeenCalledOnce();
  });
});
