import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The browser the end-to-end suite drives: LEVERAGE_CHROMIUM when set, else the first Chromium,
 * Chrome or Edge in the places their installers put them. Without one, one line says how to get one.
 */
export function chromiumCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string = os.homedir()): string[] {
  if (platform === 'darwin') {
    const apps = ['Chromium.app/Contents/MacOS/Chromium', 'Google Chrome.app/Contents/MacOS/Google Chrome', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'];
    return [...apps.map((app) => path.posix.join('/Applications', app)), ...apps.map((app) => path.posix.join(home, 'Applications', app))];
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter((root): root is string => Boolean(root));
    return roots.flatMap((root) => [
      path.win32.join(root, 'Chromium', 'Application', 'chrome.exe'),
      path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      path.win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ]);
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome', '/usr/bin/microsoft-edge', '/opt/microsoft/msedge/msedge'];
}

export const NO_CHROMIUM =
  'No Chromium, Chrome or Edge found for the end-to-end tests: install one (Debian/Ubuntu: sudo apt-get install chromium) or set LEVERAGE_CHROMIUM=/path/to/chrome.';

export function findChromium(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, exists: (file: string) => boolean = fs.existsSync): string {
  const chosen = env.LEVERAGE_CHROMIUM?.trim();
  if (chosen) {
    if (!exists(chosen)) throw new Error(`LEVERAGE_CHROMIUM is ${chosen}, which does not exist. ${NO_CHROMIUM}`);
    return chosen;
  }
  const found = chromiumCandidates(platform, env).find((candidate) => exists(candidate));
  if (!found) throw new Error(NO_CHROMIUM);
  return found;
}
