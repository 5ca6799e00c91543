import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface LoginItemDeps {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  /** The app binary (process.execPath). */
  execPath: string;
  env: NodeJS.ProcessEnv;
  /** Electron's app.setLoginItemSettings (macOS and Windows only, per its docs). */
  setLoginItemSettings: (settings: { openAtLogin: boolean }) => void;
  homedir?: string;
}

/** Whether "Launch at login" can work here, and why not. */
export function loginItemSupport(deps: Pick<LoginItemDeps, 'isPackaged'>): { available: boolean; reason: string | null } {
  // A development build would register the bare Electron binary as a login item.
  return deps.isPackaged ? { available: true, reason: null } : { available: false, reason: 'Only the installed app can start at login.' };
}

/** `$XDG_CONFIG_HOME/autostart/leverage-journal.desktop` (XDG Autostart; ~/.config when unset). */
export function autostartFile(env: NodeJS.ProcessEnv, home: string = os.homedir()): string {
  const config = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(home, '.config');
  return path.join(config, 'autostart', 'leverage-journal.desktop');
}

/** An Exec= argument quoted as the Desktop Entry spec asks (double quotes; \ " ` $ escaped). */
function desktopQuote(value: string): string {
  return `"${value.replace(/[\\"`$]/g, (character) => `\\${character}`)}"`;
}

/**
 * The autostart entry. An AppImage runs from a new mount point each time, so the entry starts the
 * .AppImage file itself ($APPIMAGE), not the binary inside it.
 */
export function autostartEntry(execPath: string, env: NodeJS.ProcessEnv): string {
  const target = env.APPIMAGE && path.isAbsolute(env.APPIMAGE) ? env.APPIMAGE : execPath;
  return ['[Desktop Entry]', 'Type=Application', 'Name=Leverage Journal', 'Comment=A journal of AI-agent leverage', `Exec=${desktopQuote(target)}`, 'Terminal=false', 'X-GNOME-Autostart-enabled=true', ''].join('\n');
}

/**
 * Applies "Launch at login": on Linux an XDG autostart entry (Electron's setLoginItemSettings does
 * nothing there), elsewhere the OS login item. Does nothing where it cannot work (development).
 */
export function applyLaunchAtLogin(open: boolean, deps: LoginItemDeps): void {
  if (!loginItemSupport(deps).available) return;
  if (deps.platform !== 'linux') {
    deps.setLoginItemSettings({ openAtLogin: open });
    return;
  }
  const file = autostartFile(deps.env, deps.homedir);
  if (open) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, autostartEntry(deps.execPath, deps.env));
    fs.renameSync(temporary, file);
  } else {
    fs.rmSync(file, { force: true });
  }
}
