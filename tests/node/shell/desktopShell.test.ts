import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Journal } from '../../../src/core/journal.ts';
import { tempFolder } from '../helpers/tempJournal.ts';
import { startMain } from './fakeElectron.ts';

/** The composition root (src/main/index.ts) against a fake Electron: headless CLI runs, hide-on-close, start-up order. */
describe('the installed app as a CLI and as a tray app', () => {
  const argv = process.argv;
  const started: Array<Awaited<ReturnType<typeof startMain>>> = [];
  afterEach(() => {
    process.argv = argv;
    for (const fake of started.splice(0)) fake.electron.app.emit('will-quit');
    vi.doUnmock('electron');
    vi.restoreAllMocks();
  });

  it('started with a CLI command, runs it headless before any lock or window, prints and exits with its code', async () => {
    const userData = tempFolder();
    const db = path.join(userData, 'journal.db');
    const journal = Journal.open(db);
    journal.tasks.create({ workDate: '2026-03-01', title: 'From the app binary', humanSeconds: 7200, agentSeconds: 360 });
    journal.close();
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation(((text: string, callback?: () => void) => {
      written.push(String(text));
      if (typeof callback === 'function') callback();
      return true;
    }) as typeof process.stdout.write);
    // A packaged binary: its own arguments start at argv[1]; Chromium adds switches of its own.
    process.argv = ['/opt/Leverage Journal/leverage-journal', '--no-sandbox', '--db', db, 'stats', '--json', '--date', '2026-03-01'];
    const fake = await startMain(userData);
    expect(fake.calls).toContain('exit:0');
    expect(fake.calls).not.toContain('requestSingleInstanceLock');
    expect(fake.calls).not.toContain('whenReady');
    expect(fake.calls).not.toContain('registerSchemesAsPrivileged');
    expect(fake.windows).toHaveLength(0);
    expect(JSON.parse(written.join(''))).toMatchObject({ taskCount: 1, humanHours: 2, agentMinutes: 6, leverage: 20 });

    process.argv = ['/opt/Leverage Journal/leverage-journal', '--db', db, 'edit', '999', '--title', 'x'];
    const failed = await startMain(userData);
    expect(failed.calls).toContain('exit:1');
  });

  it('a normal start (no CLI command) takes the lock, and listens for second-instance before ready', async () => {
    process.argv = ['/opt/Leverage Journal/leverage-journal', '--no-sandbox'];
    const fake = await startMain(tempFolder());
    started.push(fake);
    expect(fake.calls.indexOf('requestSingleInstanceLock')).toBeLessThan(fake.calls.indexOf('whenReady'));
    expect(fake.calls).toContain('second-instance listeners at ready: 1');
    expect(fake.windows).toHaveLength(1);
  });

  it('closing the main window hides it to the tray, says so once, and Quit really closes it', async () => {
    process.argv = ['/opt/Leverage Journal/leverage-journal'];
    const userData = tempFolder();
    const fake = await startMain(userData);
    started.push(fake);
    const window = fake.windows[0] as (typeof fake.windows)[number] & { hidden: boolean };
    const close = () => {
      const event = { preventDefault: vi.fn() };
      window.emit('close', event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(close()).toBe(true);
    expect(window.hidden).toBe(true);
    expect(fake.calls).not.toContain('quit');
    expect(fake.notifications.map((notification) => notification.options.title)).toEqual(['Leverage Journal is still running']);
    expect(fake.notifications[0]?.options.body).toMatch(/in the tray/);
    expect(close()).toBe(true);
    expect(fake.notifications).toHaveLength(1); // once, ever: remembered in userData
    expect(fs.existsSync(path.join(userData, 'tray-notice-shown'))).toBe(true);

    // Quit from the menu, the tray or Cmd+Q emits before-quit first: the window closes then.
    fake.electron.app.emit('before-quit');
    expect(close()).toBe(false);
  });

  it('with "Keep running in the tray" off, or when Windows ends the session, the window closes', async () => {
    process.argv = ['/opt/Leverage Journal/leverage-journal'];
    const userData = tempFolder();
    const journal = Journal.open(path.join(userData, 'leverage.db'));
    journal.settings.update({ closeToTray: false });
    journal.close();
    const fake = await startMain(userData);
    started.push(fake);
    const event = { preventDefault: vi.fn() };
    fake.windows[0]?.emit('close', event);
    expect(event.preventDefault).not.toHaveBeenCalled();

    const other = await startMain(tempFolder());
    started.push(other);
    other.windows[0]?.emit('session-end');
    const ending = { preventDefault: vi.fn() };
    other.windows[0]?.emit('close', ending);
    expect(ending.preventDefault).not.toHaveBeenCalled();
  });

  it('maximizes a window saved maximized only on ready-to-show (no white flash), then shows it', async () => {
    process.argv = ['/opt/Leverage Journal/leverage-journal'];
    const userData = tempFolder();
    fs.writeFileSync(path.join(userData, 'window-state.json'), JSON.stringify({ x: 10, y: 10, width: 1000, height: 700, maximized: true }));
    const fake = await startMain(userData);
    started.push(fake);
    expect(fake.calls).not.toContain('window.maximize');
    fake.windows[0]?.emit('ready-to-show');
    expect(fake.calls.indexOf('window.maximize')).toBeGreaterThan(-1);
    expect(fake.calls.indexOf('window.maximize')).toBeLessThan(fake.calls.lastIndexOf('window.show'));
  });

  it('on Wayland enables the GlobalShortcutsPortal before ready and reports the shortcut as unconfirmed', async () => {
    process.argv = ['/opt/Leverage Journal/leverage-journal'];
    const previous = process.env.XDG_SESSION_TYPE;
    process.env.XDG_SESSION_TYPE = 'wayland';
    try {
      const fake = await startMain(tempFolder());
      started.push(fake);
      expect(fake.electron.app.commandLine.appendSwitch).toHaveBeenCalledWith('enable-features', 'GlobalShortcutsPortal');
      const appInfo = fake.handled.get('leverage:appInfo') as (event: unknown, input: unknown) => Promise<{ value: { shortcutNote: string | null } }>;
      const info = await appInfo({ senderFrame: { origin: 'app://renderer', url: 'app://renderer/index.html', parent: null } }, undefined);
      expect(info.value.shortcutNote).toMatch(/cannot confirm/);
    } finally {
      if (previous === undefined) delete process.env.XDG_SESSION_TYPE;
      else process.env.XDG_SESSION_TYPE = previous;
    }
  });
});
