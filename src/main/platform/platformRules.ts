import type { App } from 'electron';

/**
 * The app id of electron-builder.config.ts (a test keeps them equal). On Windows the NSIS installer
 * gives the Start-menu shortcut this AppUserModelID, and notifications only show (and click back to
 * the app) when the running app uses the same id: app.setAppUserModelId.
 */
export const APP_ID = 'com.leveragejournal.app';

/** A Wayland session on Linux (the compositor owns global keys; X11 apps under XWayland included). */
export function isWaylandSession(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): boolean {
  return platform === 'linux' && (env.XDG_SESSION_TYPE === 'wayland' || Boolean(env.WAYLAND_DISPLAY));
}

/**
 * What has to happen before `ready`: the Windows app id, and on Wayland Chromium's
 * GlobalShortcutsPortal feature (Electron's globalShortcut docs), without which a global shortcut
 * never fires there.
 */
export function applyEarlyPlatformRules(app: Pick<App, 'setAppUserModelId'> & { commandLine: Pick<App['commandLine'], 'appendSwitch'> }, platform: NodeJS.Platform, env: NodeJS.ProcessEnv): { wayland: boolean } {
  if (platform === 'win32') app.setAppUserModelId(APP_ID);
  const wayland = isWaylandSession(platform, env);
  if (wayland) app.commandLine.appendSwitch('enable-features', 'GlobalShortcutsPortal');
  return { wayland };
}

/**
 * Brings the app forward before quick add takes focus. On macOS a window's focus() does not make
 * the app active while another app is frontmost; app.focus({ steal: true }) does (Electron's app
 * docs: use `steal` sparingly — here only when the user pressed the shortcut or clicked the tray).
 */
export function activateForQuickAdd(app: Pick<App, 'focus'>, platform: NodeJS.Platform): void {
  if (platform === 'darwin') app.focus({ steal: true });
}
