import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { Journal } from '../../../src/core/journal.ts';
import { journalPath, openJournalAtStartup } from '../../../src/main/startup/openJournal.ts';
import { quickAddPosition } from '../../../src/main/windows/placement.ts';
import { rendererUrl } from '../../../src/main/windows/rendererEntry.ts';
import { initialBounds, loadWindowState, saveWindowState } from '../../../src/main/windows/windowState.ts';
import { tempFolder } from '../helpers/tempJournal.ts';

const screen = { x: 0, y: 0, width: 1920, height: 1080 };

describe('opening the journal', () => {
  it('uses userData/leverage.db unless LEVERAGE_DB says otherwise', () => {
    expect(journalPath('/u/Leverage Journal', {})).toBe(path.join('/u/Leverage Journal', 'leverage.db'));
    expect(journalPath('/u', { LEVERAGE_DB: '/data/x.db' })).toBe(path.resolve('/data/x.db'));
  });

  it('explains a database from a newer version instead of crashing, leaving it untouched', async () => {
    const file = path.join(tempFolder(), 'leverage.db');
    Journal.open(file).close();
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.close();
    const before = fs.readFileSync(file);
    const dialogs = { showErrorBox: vi.fn(), showMessageBox: vi.fn() };
    expect(await openJournalAtStartup(file, dialogs)).toBeNull();
    expect(dialogs.showErrorBox).toHaveBeenCalledWith('This journal needs a newer Leverage Journal', expect.stringContaining(file));
    expect(dialogs.showMessageBox).not.toHaveBeenCalled();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['leverage.db']);
  });
});

describe('window placement and state', () => {
  it('remembers bounds and ignores a damaged or invalid state file', () => {
    const file = path.join(tempFolder(), 'window-state.json');
    expect(loadWindowState(file)).toBeNull();
    saveWindowState(file, { x: 10, y: 20, width: 1000, height: 700, maximized: true });
    expect(loadWindowState(file)).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: true });
    fs.writeFileSync(file, '{"x": 1, "y": 2, "width": -5, "height": 10, "maximized": "yes"}');
    expect(loadWindowState(file)).toBeNull();
    fs.writeFileSync(file, '{not json');
    expect(loadWindowState(file)).toBeNull();
  });

  it('reopens where it was, unless that display is gone', () => {
    const saved = { x: 100, y: 100, width: 1000, height: 700, maximized: false };
    expect(initialBounds(saved, [screen], { width: 1280, height: 820 })).toEqual({ x: 100, y: 100, width: 1000, height: 700 });
    expect(initialBounds({ ...saved, x: 5000 }, [screen], { width: 1280, height: 820 })).toEqual({ width: 1000, height: 700 });
    expect(initialBounds(null, [screen], { width: 1280, height: 820 })).toEqual({ width: 1280, height: 820 });
  });

  it('opens quick add under a top tray icon, above a bottom one, inside the work area', () => {
    const size = { width: 460, height: 320 };
    expect(quickAddPosition({ x: 1800, y: 0, width: 24, height: 24 }, screen, size)).toEqual({ x: 1920 - 460, y: 28 });
    expect(quickAddPosition({ x: 900, y: 1050, width: 24, height: 30 }, screen, size)).toEqual({ x: 682, y: 1050 - 320 - 4 });
    expect(quickAddPosition(null, screen, size)).toEqual({ x: 730, y: 216 });
  });

  it('loads app:// pages in production and the dev server only in development', () => {
    expect(rendererUrl('index', undefined)).toBe('app://renderer/index.html');
    expect(rendererUrl('quick-add', undefined)).toBe('app://renderer/quick-add.html');
    expect(rendererUrl('quick-add', 'http://localhost:5173')).toBe('http://localhost:5173/quick-add.html');
  });
});
