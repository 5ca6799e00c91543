import type { GlobalShortcut } from 'electron';

export interface ShortcutStatus {
  accelerator: string;
  registered: boolean;
  /** Why registration failed (taken by another app, not a valid accelerator), for the settings page. */
  error: string | null;
  /** Registered, but the OS cannot confirm it works (Wayland), for the settings page. */
  note: string | null;
}

export interface ShortcutManager {
  apply(accelerator: string): ShortcutStatus;
  status(): ShortcutStatus;
}

export interface ShortcutOptions {
  /**
   * On Wayland an app cannot grab keys itself: Chromium's GlobalShortcutsPortal asks the desktop
   * through xdg-desktop-portal, `register` returns true before the desktop has bound anything, and
   * desktops without the portal never fire (electron/electron#15863, #38288). Then the status says so.
   */
  unconfirmable?: boolean;
}

export const WAYLAND_SHORTCUT_NOTE =
  'Wayland: the desktop binds this shortcut through its GlobalShortcuts portal, so the app cannot confirm it works. If it does nothing, bind a key to "leverage-journal" in your desktop settings.';

/**
 * Owns the one global shortcut that opens quick add. A new shortcut is registered before the old one
 * is released, so a shortcut that cannot be had leaves the working one in place.
 */
export function createShortcutManager(shortcuts: Pick<GlobalShortcut, 'register' | 'unregister'>, onTrigger: () => void, options: ShortcutOptions = {}): ShortcutManager {
  const note = options.unconfirmable ? WAYLAND_SHORTCUT_NOTE : null;
  let current: ShortcutStatus = { accelerator: '', registered: false, error: null, note: null };
  return {
    apply(accelerator) {
      const wanted = accelerator.trim();
      if (current.registered && current.accelerator === wanted) {
        current = { ...current, error: null };
        return current;
      }
      const previous = current.registered ? current.accelerator : null;
      if (wanted === '') {
        if (previous) shortcuts.unregister(previous);
        current = { accelerator: '', registered: false, error: null, note: null };
        return current;
      }
      let failure: string;
      try {
        if (shortcuts.register(wanted, onTrigger)) {
          if (previous) shortcuts.unregister(previous);
          current = { accelerator: wanted, registered: true, error: null, note };
          return current;
        }
        failure = `${wanted} is already in use by another application.`;
      } catch (error) {
        failure = `${wanted} is not a valid shortcut: ${(error instanceof Error ? error.message : String(error)).replace(/\.?$/, '.')}`;
      }
      // The old shortcut stays registered and keeps working.
      current = previous
        ? { ...current, error: `${failure} ${previous} still opens quick add.` }
        : { accelerator: wanted, registered: false, error: failure, note: null };
      return current;
    },
    status: () => current,
  };
}
