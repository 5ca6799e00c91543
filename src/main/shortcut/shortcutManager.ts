import type { GlobalShortcut } from 'electron';

export interface ShortcutStatus {
  accelerator: string;
  registered: boolean;
  /** Why registration failed (taken by another app, not a valid accelerator), for the settings page. */
  error: string | null;
}

export interface ShortcutManager {
  apply(accelerator: string): ShortcutStatus;
  status(): ShortcutStatus;
}

/** Owns the one global shortcut that opens quick add; re-registers when the setting changes. */
export function createShortcutManager(shortcuts: Pick<GlobalShortcut, 'register' | 'unregister'>, onTrigger: () => void): ShortcutManager {
  let current: ShortcutStatus = { accelerator: '', registered: false, error: null };
  return {
    apply(accelerator) {
      const wanted = accelerator.trim();
      if (current.registered && current.accelerator === wanted) return current;
      if (current.registered) shortcuts.unregister(current.accelerator);
      if (wanted === '') {
        current = { accelerator: '', registered: false, error: null };
        return current;
      }
      try {
        const registered = shortcuts.register(wanted, onTrigger);
        current = registered
          ? { accelerator: wanted, registered: true, error: null }
          : { accelerator: wanted, registered: false, error: `${wanted} is already in use by another application.` };
      } catch (error) {
        current = { accelerator: wanted, registered: false, error: `${wanted} is not a valid shortcut: ${error instanceof Error ? error.message : String(error)}` };
      }
      return current;
    },
    status: () => current,
  };
}
