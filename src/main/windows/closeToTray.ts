/**
 * Closing the main window hides it while the app keeps running in the tray (a setting, on by
 * default), so the tray, the global shortcut, session prompts and the hourly backup stay. Only Quit
 * (menu, tray, Cmd+Q — all of which emit `before-quit` first) or the end of the OS session closes it.
 */
export interface CloseToTrayDeps {
  /** The `closeToTray` setting. */
  enabled: () => boolean;
  /** Whether there is a tray (or menu-bar) icon to come back from. */
  trayAvailable: () => boolean;
  /** The first hide tells the user where the app went, once ever. */
  noticeShown: () => boolean;
  markNoticeShown: () => void;
  notify: () => void;
}

export interface CloseToTray {
  /** `before-quit` and the window's `session-end` (Windows log-off/shutdown): let windows close from now on. */
  markQuitting(): void;
  isQuitting(): boolean;
  /** The main window's `close` handler; returns true when it hid the window instead of closing it. */
  onClose(event: { preventDefault(): void }, window: { hide(): void }): boolean;
}

export function createCloseToTray(deps: CloseToTrayDeps): CloseToTray {
  let quitting = false;
  return {
    markQuitting: () => {
      quitting = true;
    },
    isQuitting: () => quitting,
    onClose(event, window) {
      if (quitting || !deps.enabled() || !deps.trayAvailable()) return false;
      event.preventDefault();
      window.hide();
      if (!deps.noticeShown()) {
        deps.markNoticeShown();
        deps.notify();
      }
      return true;
    },
  };
}

export const TRAY_NOTICE = {
  title: 'Leverage Journal is still running',
  body: (platform: NodeJS.Platform) =>
    `${platform === 'darwin' ? 'It is in the menu bar' : 'It is in the tray'}: the quick-add shortcut, session prompts and backups keep working. Quit from the tray menu to stop it; "Keep running in the tray" in Settings turns this off.`,
};
