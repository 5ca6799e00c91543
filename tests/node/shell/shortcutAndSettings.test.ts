import { describe, expect, it, vi } from 'vitest';
import { createShortcutManager } from '../../../src/main/shortcut/shortcutManager.ts';
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
    expect(manager.apply('CommandOrControl+Shift+L')).toEqual({ accelerator: 'CommandOrControl+Shift+L', registered: true, error: null });
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
    expect(manager.apply('')).toEqual({ accelerator: '', registered: false, error: null });
    expect(shortcuts.active.size).toBe(0);
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
