import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dropSession, inboxFolderFor } from '../../../src/core/hook/inbox.ts';
import { Journal } from '../../../src/core/journal.ts';
import { CHANNELS, channelName, eventChannelName } from '../../../src/shared/ipc/contract.ts';
import { copyCorpus, S1 } from '../agentLogs/corpus.ts';
import { tempFolder } from '../helpers/tempJournal.ts';
import { startMain as start, type fakeElectron } from './fakeElectron.ts';

describe('the main process entry', () => {
  const started: Array<ReturnType<typeof fakeElectron>> = [];
  afterEach(() => {
    for (const fake of started.splice(0)) fake.electron.app.emit('will-quit');
    vi.doUnmock('electron');
  });

  it('registers the scheme and sandbox before ready, then IPC, permissions, protocol, window, tray and shortcut', async () => {
    const fake = await start(tempFolder());
    started.push(fake);
    const { calls, electron, handled, windows } = fake;
    expect(calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(calls.indexOf('whenReady'));
    expect(calls.indexOf('enableSandbox')).toBeLessThan(calls.indexOf('whenReady'));
    expect(calls).toContain('protocol.handle:app');
    expect([...handled.keys()].sort()).toEqual(CHANNELS.map(channelName).sort());
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(electron.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect(electron.app.listenerCount('web-contents-created')).toBe(1);
    expect(windows).toHaveLength(1);
    expect(windows[0]?.url).toBe('app://renderer/index.html');
    expect((windows[0]?.options.webPreferences as Record<string, unknown>).devTools).toBe(false);
    expect(electron.globalShortcut.register).toHaveBeenCalledWith('CommandOrControl+Shift+L', expect.any(Function));
    // Linux: "Launch at login" is an XDG autostart entry (off: none), not Electron's login item.
    expect(electron.app.setLoginItemSettings).not.toHaveBeenCalled();
    expect(fs.existsSync(path.join(process.env.XDG_CONFIG_HOME as string, 'autostart', 'leverage-journal.desktop'))).toBe(false);
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();

    // A write through IPC from the app's own page reaches the database and tells the windows.
    const createTask = handled.get(channelName('createTask')) as (event: unknown, input: unknown) => Promise<{ ok: boolean }>;
    const frame = { origin: 'app://renderer', url: 'app://renderer/index.html', parent: null };
    const result = await createTask({ senderFrame: frame }, { workDate: '2026-03-01', title: 'Wired', humanSeconds: 3600, agentSeconds: 60 });
    expect(result.ok).toBe(true);
    const send = (windows[0] as unknown as { webContents: { send: ReturnType<typeof vi.fn> } }).webContents.send;
    expect(send).toHaveBeenCalledWith(eventChannelName('dataChanged'), { source: 'app' });
    const refused = await createTask({ senderFrame: { ...frame, origin: 'https://evil.example', url: 'https://evil.example/' } }, { workDate: '2026-03-01', title: 'No', humanSeconds: 1, agentSeconds: 1 });
    expect(refused.ok).toBe(false);
  });

  it('shows a dialog and quits, touching nothing, when the journal is from a newer version', async () => {
    const userData = tempFolder();
    const file = path.join(userData, 'leverage.db');
    Journal.open(file).close();
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.close();
    const before = fs.readFileSync(file);
    const fake = await start(userData);
    expect(fake.electron.dialog.showErrorBox).toHaveBeenCalledWith('This journal needs a newer Leverage Journal', expect.stringContaining(file));
    expect(fake.calls).toContain('quit');
    expect(fake.windows).toHaveLength(0);
    expect(fake.handled.size).toBe(0);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

type Invoke = (event: unknown, input?: unknown) => Promise<{ ok: boolean; value?: unknown }>;
const APP_FRAME = { senderFrame: { origin: 'app://renderer', url: 'app://renderer/index.html', parent: null } };

describe('the main process entry, after the first window', () => {
  const started: Array<ReturnType<typeof fakeElectron>> = [];
  afterEach(() => {
    for (const fake of started.splice(0)) fake.electron.app.emit('will-quit');
    vi.doUnmock('electron');
  });

  it('writes the daily backup only once the window is ready to show, and asks "Log this session?" for hook sessions', async () => {
    const userData = tempFolder();
    dropSession(inboxFolderFor(path.join(userData, 'leverage.db')), { session_id: 'finished-while-closed', cwd: '/home/dev/my-app' });
    const fake = await start(userData);
    started.push(fake);
    const backups = path.join(userData, 'backups');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fs.existsSync(backups)).toBe(false);
    expect(fake.notifications).toHaveLength(0);

    fake.windows[0]?.emit('ready-to-show');
    await vi.waitFor(() => expect(fs.readdirSync(backups).filter((name) => name.startsWith('leverage-auto-'))).toHaveLength(1));
    await vi.waitFor(() => expect(fake.notifications).toHaveLength(1));
    const [notification] = fake.notifications;
    expect(notification?.options).toEqual({ title: 'Log this session?', body: 'Claude Code session in my-app\nFigures not read yet' });

    // Quick add is loaded (hidden) with the notification, so its page listens before the click.
    expect(fake.windows).toHaveLength(2);
    // Clicking opens quick add and fills it from the session.
    notification?.emit('click');
    expect(fake.windows).toHaveLength(2);
    const quickAdd = fake.windows[1] as unknown as { url: string; webContents: { send: ReturnType<typeof vi.fn> } };
    expect(quickAdd.url).toBe('app://renderer/quick-add.html');
    expect(quickAdd.webContents.send).toHaveBeenCalledWith(eventChannelName('prefillQuickAdd'), { sessionId: 'finished-while-closed' });

    // Still pending until answered in the app; dismissing it there takes the notification down.
    const pending = fake.handled.get(channelName('pendingHookSessions')) as Invoke;
    expect(((await pending(APP_FRAME)).value as unknown[]).length).toBe(1);
    const dismiss = fake.handled.get(channelName('markHookSessionHandled')) as Invoke;
    expect(await dismiss(APP_FRAME, { sessionId: 'finished-while-closed' })).toEqual({ ok: true, value: { handled: true } });
    expect(notification?.closed).toBe(true);
    expect(((await pending(APP_FRAME)).value as unknown[]).length).toBe(0);
  });

  it('a task saved with the session answers its prompt: the session is marked handled and the notification closed', async () => {
    const userData = tempFolder();
    const { rootA } = copyCorpus();
    const transcript = path.join(rootA, 'projects', '-home-dev-leverage-journal', `${S1}.jsonl`);
    dropSession(inboxFolderFor(path.join(userData, 'leverage.db')), { session_id: S1, transcript_path: transcript });
    const fake = await start(userData);
    started.push(fake);
    fake.windows[0]?.emit('ready-to-show');
    await vi.waitFor(() => expect(fake.notifications).toHaveLength(1));
    expect(fake.notifications[0]?.options.body).toMatch(/agent time · .+ tokens/);

    const createTask = fake.handled.get(channelName('createTask')) as Invoke;
    const created = (await createTask(APP_FRAME, { workDate: '2026-03-01', title: 'From the hook', humanSeconds: 3600, agentSeconds: 60 })) as { value: { id: number } };
    const link = fake.handled.get(channelName('linkSessionsToTask')) as Invoke;
    expect((await link(APP_FRAME, { taskId: created.value.id, sessionIds: [S1] })).ok).toBe(true);
    expect(fake.notifications[0]?.closed).toBe(true);
    const pending = fake.handled.get(channelName('pendingHookSessions')) as Invoke;
    expect(await pending(APP_FRAME)).toEqual({ ok: true, value: [] });
  });

  it.each([
    ['Start with an empty journal', true],
    ['Quit', false],
  ])('a corrupt journal file: the user chooses "%s"', async (answer, opens) => {
    const userData = tempFolder();
    const file = path.join(userData, 'leverage.db');
    fs.writeFileSync(file, 'not a database'.repeat(500));
    const fake = await start(userData, (fake) => {
      fake.electron.dialog.showMessageBox = vi.fn(async (options: { buttons: string[] }) => ({ response: options.buttons.indexOf(answer) })) as never;
    });
    started.push(fake);
    expect(fake.electron.dialog.showMessageBox).toHaveBeenCalledOnce();
    expect(fs.readdirSync(userData).some((name) => name.startsWith('leverage.db.unreadable-'))).toBe(true);
    expect(fake.windows.length > 0).toBe(opens);
    expect(fake.calls.includes('quit')).toBe(!opens);
    expect(fs.existsSync(file)).toBe(opens);
  });
});
