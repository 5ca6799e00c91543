import fs from 'node:fs';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackup } from '../../../src/core/backup/backupService.ts';
import { createCoreHandlers } from '../../../src/core/ipc/coreHandlers.ts';
import { Journal } from '../../../src/core/journal.ts';
import { backupFolderFor } from '../../../src/core/paths.ts';
import { registerIpcHandlers } from '../../../src/main/ipc/registerIpc.ts';
import { createShellHandlers, type ShellServices } from '../../../src/main/ipc/shellHandlers.ts';
import { createJournalHost, hostedChangesReader, hostedHandlers } from '../../../src/main/journal/journalHost.ts';
import { isTrustedFrame, trustedOrigins, type SenderFrame } from '../../../src/main/security/origins.ts';
import { channelName, type IpcResult } from '../../../src/shared/ipc/contract.ts';
import { tempFolder } from '../helpers/tempJournal.ts';
import { TASK, appFrame, fakeServices } from './fakes.ts';

type Listener = (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, input: unknown) => Promise<IpcResult<unknown>>;

const afterEachClose: Array<() => void> = [];

/** The app's wiring in small: a journal host, the hosted handler table and the real IPC wrapper. */
function wire(answers: Parameters<typeof fakeServices>[0] = {}) {
  const file = path.join(tempFolder(), 'leverage.db');
  const host = createJournalHost(Journal.open(file), (target) => Journal.open(target));
  const services: ShellServices & ReturnType<typeof fakeServices> = {
    ...fakeServices(answers),
    restoreJournal: vi.fn((backupFile: string) => host.restore(backupFile, new Date('2026-03-02T08:00:00.000Z'))),
  };
  const handlers = hostedHandlers(host, (journal) => ({ ...createCoreHandlers(journal), ...createShellHandlers(journal, services) }));
  const registered = new Map<string, Listener>();
  const onWrite = vi.fn();
  registerIpcHandlers({ handle: (channel: string, listener: Listener) => void registered.set(channel, listener) } as never, {
    handlers,
    isTrustedSender: (frame) => isTrustedFrame(frame, trustedOrigins(undefined)),
    countWrites: hostedChangesReader(host),
    onWrite,
  });
  const call = (channel: string, input: unknown, frame: SenderFrame | null = appFrame()) =>
    (registered.get(channelName(channel as never)) as Listener)({ senderFrame: frame as never }, input);
  afterEachClose.push(() => host.close());
  return { host, file, services, call, onWrite };
}
afterEach(() => {
  for (const close of afterEachClose.splice(0)) {
    try {
      close();
    } catch {
      // already closed
    }
  }
});

const evil = appFrame({ origin: 'https://evil.example', url: 'https://evil.example/' });
const titles = (journal: Journal) => journal.tasks.listRange('0000-01-01', '9999-12-31').map((task) => task.title).sort();

describe('saveArticle', () => {
  it('writes the markdown where the user chose and the SVG charts beside it', async () => {
    const target = path.join(tempFolder(), 'week-09.md');
    const { call, services } = wire({ saveTo: target });
    const charts = [
      { fileName: 'hours-per-day.svg', svg: '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>' },
      { fileName: 'leverage-per-week.svg', svg: '<svg xmlns="http://www.w3.org/2000/svg"><circle/></svg>' },
    ];
    const result = await call('saveArticle', { markdown: '# Week 9\n', suggestedName: 'leverage-2026-W09.md', charts });
    expect(result).toEqual({ ok: true, value: { path: target } });
    expect(services.chooseSaveFile).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: path.join('/home/someone/Documents', 'leverage-2026-W09.md') }));
    expect(fs.readFileSync(target, 'utf8')).toBe('# Week 9\n');
    for (const chart of charts) expect(fs.readFileSync(path.join(path.dirname(target), chart.fileName), 'utf8')).toBe(chart.svg);
    // No temporary files are left behind.
    expect(fs.readdirSync(path.dirname(target)).sort()).toEqual(['hours-per-day.svg', 'leverage-per-week.svg', 'week-09.md']);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const { call } = wire({ saveTo: null });
    expect(await call('saveArticle', { markdown: 'x', suggestedName: 'a.md', charts: [] })).toEqual({ ok: true, value: { path: null } });
  });

  it.each([
    ['a folder in the suggested name', { markdown: 'x', suggestedName: '../escape.md', charts: [] }],
    ['a Windows path', { markdown: 'x', suggestedName: 'C:\\\\temp\\\\a.md', charts: [] }],
    ['a chart that is not .svg', { markdown: 'x', suggestedName: 'a.md', charts: [{ fileName: 'chart.html', svg: '<svg/>' }] }],
    ['a chart in another folder', { markdown: 'x', suggestedName: 'a.md', charts: [{ fileName: '../../.bashrc.svg', svg: '<svg/>' }] }],
    ['two charts with one name', { markdown: 'x', suggestedName: 'a.md', charts: [{ fileName: 'c.svg', svg: '' }, { fileName: 'C.svg', svg: '' }] }],
    ['eleven charts', { markdown: 'x', suggestedName: 'a.md', charts: Array.from({ length: 11 }, (_, n) => ({ fileName: `c${n}.svg`, svg: '' })) }],
    ['markdown over 5 MB', { markdown: 'x'.repeat(5 * 1024 * 1024 + 1), suggestedName: 'a.md', charts: [] }],
    ['a control character in the name', { markdown: 'x', suggestedName: 'a\u0000.md', charts: [] }],
    ['an extra field', { markdown: 'x', suggestedName: 'a.md', charts: [], folder: '/etc' }],
  ])('refuses %s before asking the user', async (_label, input) => {
    const { call, services } = wire({ saveTo: path.join(tempFolder(), 'a.md') });
    const result = await call('saveArticle', input);
    expect(!result.ok && result.error.code).toBe('INVALID_INPUT');
    expect(services.chooseSaveFile).not.toHaveBeenCalled();
  });

  it('refuses a sender that is not the app’s own page', async () => {
    const { call, services } = wire({ saveTo: path.join(tempFolder(), 'a.md') });
    const result = await call('saveArticle', { markdown: 'x', suggestedName: 'a.md', charts: [] }, evil);
    expect(!result.ok && result.error.code).toBe('FORBIDDEN');
    expect(services.chooseSaveFile).not.toHaveBeenCalled();
  });
});

describe('listBackups and restoreBackup', () => {
  it('lists the backups folder newest first with its kinds', async () => {
    const { call, host } = wire();
    const folder = backupFolderFor(host.current().path);
    expect(await call('listBackups', undefined)).toEqual({ ok: true, value: [] });
    const auto = await createBackup(host.current().db, folder, 'auto', new Date('2026-03-01T06:00:00.000Z'));
    const manual = (await call('backupNow', undefined)) as { ok: true; value: { path: string } };
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'not a backup');
    const listed = await call('listBackups', undefined);
    expect(listed).toEqual({
      ok: true,
      value: [
        { path: manual.value.path, fileName: 'leverage-manual-2026-03-01T12-00-00-000Z.db', createdAt: '2026-03-01T12:00:00.000Z', sizeBytes: fs.statSync(manual.value.path).size, kind: 'manual' },
        { path: auto.path, fileName: auto.name, createdAt: '2026-03-01T06:00:00.000Z', sizeBytes: auto.bytes, kind: 'auto' },
      ],
    });
    expect(!(await call('listBackups', { extra: 1 })).ok).toBe(true);
    expect(await call('listBackups', undefined, evil)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('restores a listed backup: every row comes back, a safety backup is taken, the handlers use the reopened journal', async () => {
    const { call, host, onWrite } = wire();
    const first = host.current();
    first.tasks.create({ ...TASK });
    first.tasks.create({ ...TASK, title: 'Second' });
    const backup = (await call('backupNow', undefined)) as { ok: true; value: { path: string } };
    first.tasks.create({ ...TASK, title: 'Written after the backup' });
    onWrite.mockClear();

    const result = await call('restoreBackup', { path: backup.value.path });
    if (!result.ok) throw new Error(result.error.message);
    const value = result.value as { restoredFrom: string; safetyBackup: string };
    expect(value.restoredFrom).toBe(backup.value.path);
    expect(path.basename(value.safetyBackup)).toBe('leverage-before-restore-2026-03-02T08-00-00-000Z.db');
    expect(host.current()).not.toBe(first);
    expect(first.db.open).toBe(false);
    expect(titles(host.current())).toEqual(['Port the importer', 'Second']);
    // The IPC wrapper sees the new connection and reports the change (dataChanged).
    expect(onWrite).toHaveBeenCalledWith('restoreBackup');
    // Later calls go to the reopened journal.
    const listed = await call('listTasksByDay', { date: '2026-03-01' });
    expect(listed.ok && (listed.value as unknown[]).length).toBe(2);
    // The safety backup holds what was there before the restore.
    const safety = Journal.open(value.safetyBackup, { readonly: true });
    try {
      expect(titles(safety)).toEqual(['Port the importer', 'Second', 'Written after the backup']);
    } finally {
      safety.close();
    }
  });

  it('refuses any path that listBackups did not return, and changes nothing', async () => {
    const { call, host, services } = wire();
    host.current().tasks.create({ ...TASK });
    const elsewhere = path.join(tempFolder(), 'leverage-manual-2026-03-01T12-00-00-000Z.db');
    Journal.open(elsewhere).close();
    const folder = backupFolderFor(host.current().path);
    const candidates = [elsewhere, host.current().path, path.join(folder, '..', 'leverage.db'), path.join(folder, 'missing.db'), '/etc/passwd'];
    for (const candidate of candidates) {
      const result = await call('restoreBackup', { path: candidate });
      expect(!result.ok && result.error.code).toBe('INVALID_INPUT');
    }
    expect(services.restoreJournal).not.toHaveBeenCalled();
    expect(titles(host.current())).toEqual(['Port the importer']);
    expect(await call('restoreBackup', { path: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('restoreBackup', { path: elsewhere }, evil)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('reopens the same data when the listed backup is damaged', async () => {
    const { call, host } = wire();
    host.current().tasks.create({ ...TASK });
    const backup = (await call('backupNow', undefined)) as { ok: true; value: { path: string } };
    fs.writeFileSync(backup.value.path, 'garbage'.repeat(1000));
    const result = await call('restoreBackup', { path: backup.value.path });
    expect(result.ok).toBe(false);
    expect(host.current().db.open).toBe(true);
    expect(titles(host.current())).toEqual(['Port the importer']);
  });
});
