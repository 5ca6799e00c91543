import { describe, expect, it, vi } from 'vitest';
import { createShortcutManager, WAYLAND_SHORTCUT_NOTE } from '../../../src/main/shortcut/shortcutManager.ts';
import { createSettingsEffects } from '../../../src/main/startup/settingsEffects.ts';

/** A globalShortcut where some accelerators are taken by other apps and some are not valid. */
function fakeGlobalShortcut(taken: string[] = []) {
  const active = new Set<string>();
  return {
    active,
    register: vi.fn((accelerator: string, _callback: () => void) => {
      if (accelerator.includes('Nonsense')) throw new Error('conversion failure');
      if (taken.includes(accelerator)) return false;
      active.add(accelerator);
      return true;
    }),
    unregister: vi.fn((accelerator: string) => void active.delete(accelerator)),
  };
}

describe('the global shortcut', () => {
  it('registers the setting and calls back on trigger', () => {
    const shortcuts = fakeGlobalShortcut();
    const onTrigger = vi.fn();
    const manager = createShortcutManager(shortcuts, onTrigger);
    expect(manager.apply('CommandOrControl+Shift+L')).toEqual({ accelerator: 'CommandOrControl+Shift+L', registered: true, error: null, note: null });
    shortcuts.register.mock.calls[0]?.[1]();
    expect(onTrigger).toHaveBeenCalledOnce();
  });

  it('records a taken or invalid shortcut instead of failing silently', () => {
    const manager = createShortcutManager(fakeGlobalShortcut(['CommandOrControl+Shift+L']), vi.fn());
    expect(manager.apply('CommandOrControl+Shift+L')).toMatchObject({ registered: false, error: expect.stringContaining('already in use') });
    expect(manager.status().registered).toBe(false);
    expect(manager.apply('Nonsense+Q')).toMatchObject({ registered: false, error: expect.stringContaining('not a valid shortcut') });
  });

  it('re-registers when the setting changes, releasing the old one; empty turns it off', () => {
    const shortcuts = fakeGlobalShortcut();
    const manager = createShortcutManager(shortcuts, vi.fn());
    manager.apply('Alt+Space');
    manager.apply('Alt+Space');
    expect(shortcuts.register).toHaveBeenCalledTimes(1);
    manager.apply('CommandOrControl+Shift+K');
    expect([...shortcuts.active]).toEqual(['CommandOrControl+Shift+K']);
    expect(manager.apply('')).toEqual({ accelerator: '', registered: false, error: null, note: null });
    expect(shortcuts.active.size).toBe(0);
  });

  it('registers a new shortcut before releasing the old one, and keeps the old one when the new one cannot be had', () => {
    const shortcuts = fakeGlobalShortcut(['Alt+Taken']);
    const manager = createShortcutManager(shortcuts, vi.fn());
    manager.apply('Alt+J');
    shortcuts.register.mockClear();
    manager.apply('Alt+K');
    // The order the OS saw: the new one first, then the old one released.
    expect(shortcuts.register.mock.invocationCallOrder[0]).toBeLessThan(shortcuts.unregister.mock.invocationCallOrder[0] as number);
    expect([...shortcuts.active]).toEqual(['Alt+K']);
    const taken = manager.apply('Alt+Taken');
    expect(taken).toMatchObject({ accelerator: 'Alt+K', registered: true, error: 'Alt+Taken is already in use by another application. Alt+K still opens quick add.' });
    expect(manager.apply('Nonsense+Q').error).toMatch(/not a valid shortcut: conversion failure\. Alt\+K still opens quick add\./);
    expect([...shortcuts.active]).toEqual(['Alt+K']);
    // Asking for the working one again clears the error without registering twice.
    shortcuts.register.mockClear();
    expect(manager.apply('Alt+K')).toMatchObject({ registered: true, error: null });
    expect(shortcuts.register).not.toHaveBeenCalled();
  });

  it('on Wayland says the shortcut cannot be confirmed, since register() succeeds before the portal binds anything', () => {
    const manager = createShortcutManager(fakeGlobalShortcut(), vi.fn(), { unconfirmable: true });
    expect(manager.apply('Alt+J')).toEqual({ accelerator: 'Alt+J', registered: true, error: null, note: WAYLAND_SHORTCUT_NOTE });
    expect(createShortcutManager(fakeGlobalShortcut(), vi.fn()).apply('Alt+J').note).toBeNull();
  });

  it('settings effects apply the shortcut and change the login item only when the setting changes', () => {
    const shortcuts = fakeGlobalShortcut();
    const setOpenAtLogin = vi.fn();
    const apply = createSettingsEffects(createShortcutManager(shortcuts, vi.fn()), setOpenAtLogin);
    apply({ globalShortcut: 'Alt+J', launchAtLogin: false });
    apply({ globalShortcut: 'Alt+J', launchAtLogin: false });
    apply({ globalShortcut: 'Alt+K', launchAtLogin: true });
    expect(setOpenAtLogin.mock.calls).toEqual([[false], [true]]);
    expect([...shortcuts.active]).toEqual(['Alt+K']);
  });
});
