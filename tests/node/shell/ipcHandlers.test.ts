import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createCoreHandlers } from '../../../src/core/ipc/coreHandlers.ts';
import type { HandlerTable } from '../../../src/core/ipc/invokeHandler.ts';
import type { Journal } from '../../../src/core/journal.ts';
import { totalChangesReader } from '../../../src/main/ipc/changeEvents.ts';
import { registerIpcHandlers, type IpcCallOptions } from '../../../src/main/ipc/registerIpc.ts';
import { createShellHandlers } from '../../../src/main/ipc/shellHandlers.ts';
import { isTrustedFrame, trustedOrigins, type SenderFrame } from '../../../src/main/security/origins.ts';
import { CHANNELS, channelName, type IpcResult } from '../../../src/shared/ipc/contract.ts';
import { tempJournal } from '../helpers/tempJournal.ts';
import { TASK, appFrame, fakeServices } from './fakes.ts';

type Listener = (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, input: unknown) => Promise<IpcResult<unknown>>;

/** Registers the real handler table on a fake ipcMain and returns a caller per channel. */
function wire(journal: Journal) {
  const registered = new Map<string, Listener>();
  const ipcMain = { handle: vi.fn((channel: string, listener: Listener) => void registered.set(channel, listener)) };
  const handlers: HandlerTable = { ...createCoreHandlers(journal), ...createShellHandlers(journal, fakeServices()) };
  const onWrite = vi.fn();
  // The updateSettings row of main's side-effect table, recorded.
  const onSettingsUpdated = vi.fn();
  const options: IpcCallOptions = {
    handlers,
    isTrustedSender: (frame) => isTrustedFrame(frame, trustedOrigins(undefined)),
    countWrites: totalChangesReader(journal.db),
    onWrite,
    effects: { updateSettings: onSettingsUpdated },
  };
  registerIpcHandlers(ipcMain as never, options);
  const call = (channel: string, input: unknown, frame: SenderFrame | null = appFrame()) => {
    const listener = registered.get(channelName(channel as never));
    if (!listener) throw new Error(`no listener for ${channel}`);
    return listener({ senderFrame: frame as never }, input);
  };
  return { registered, handlers, call, onWrite, onSettingsUpdated };
}

const snapshot = (journal: Journal) => JSON.stringify(journal.db.prepare('SELECT * FROM tasks ORDER BY id').all());

describe('the IPC wrapper', () => {
  it('registers one handler per contract channel, each backed by an implementation', () => {
    const { registered, handlers } = wire(tempJournal());
    expect([...registered.keys()].sort()).toEqual(CHANNELS.map(channelName).sort());
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) expect(typeof handlers[channel]).toBe('function');
  });

  it.each([
    ['no frame (destroyed or navigated away)', null],
    ['a remote origin', appFrame({ origin: 'https://evil.example', url: 'https://evil.example/' })],
    ['a sub-frame of the app', appFrame({ parent: appFrame() as never })],
    ['a file:// page', appFrame({ origin: 'file://', url: 'file:///tmp/index.html' })],
    ['a dev server origin in production', appFrame({ origin: 'http://localhost:5173', url: 'http://localhost:5173/' })],
  ])('refuses %s and changes nothing', async (_label, frame) => {
    const journal = tempJournal();
    const { call, onWrite } = wire(journal);
    const before = snapshot(journal);
    const result = await call('createTask', TASK, frame);
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('createTask') } });
    expect(snapshot(journal)).toBe(before);
    expect(onWrite).not.toHaveBeenCalled();
  });

  it('answers a malformed payload with INVALID_INPUT and writes nothing', async () => {
    const journal = tempJournal();
    const { call, onWrite } = wire(journal);
    const before = snapshot(journal);
    for (const input of [undefined, 'createTask', { ...TASK, humanSeconds: -1 }, { ...TASK, extra: true }, { ...TASK, workDate: '2026-13-45' }]) {
      const result = await call('createTask', input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('INVALID_INPUT');
    }
    const badDelete = await call('deleteTasks', { ids: ['1; DROP TABLE tasks'] });
    expect(badDelete.ok).toBe(false);
    expect(snapshot(journal)).toBe(before);
    expect(onWrite).not.toHaveBeenCalled();
  });

  it('reports writes (for dataChanged) but not reads', async () => {
    const journal = tempJournal();
    const { call, onWrite, onSettingsUpdated } = wire(journal);
    const created = await call('createTask', TASK);
    expect(created.ok).toBe(true);
    expect(onWrite).toHaveBeenCalledTimes(1);
    expect(onWrite).toHaveBeenLastCalledWith('createTask');

    const listed = await call('listTasksByDay', { date: '2026-03-01' });
    expect(listed.ok && (listed.value as unknown[]).length).toBe(1);
    expect(onWrite).toHaveBeenCalledTimes(1);

    const updated = await call('updateSettings', { agentLabel: 'Codex' });
    expect(updated.ok).toBe(true);
    expect(onWrite).toHaveBeenLastCalledWith('updateSettings');
    expect(onSettingsUpdated).toHaveBeenLastCalledWith(expect.objectContaining({ agentLabel: 'Codex' }));
  });

  it('trusts the dev server only when one is configured (development)', () => {
    const devFrame = appFrame({ origin: 'http://localhost:5173', url: 'http://localhost:5173/index.html' });
    expect(isTrustedFrame(devFrame, trustedOrigins('http://localhost:5173'))).toBe(true);
    expect(isTrustedFrame(devFrame, trustedOrigins(undefined))).toBe(false);
    expect(isTrustedFrame(appFrame(), trustedOrigins(undefined))).toBe(true);
    // An origin string that matches but a URL that does not (frame mid-navigation) is refused too.
    expect(isTrustedFrame(appFrame({ url: 'https://evil.example/' }), trustedOrigins(undefined))).toBe(false);
  });
});
