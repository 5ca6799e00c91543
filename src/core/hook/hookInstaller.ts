import fs from 'node:fs';
import path from 'node:path';
import { hookStatusOf, planInstall, planUninstall, type HookStatus, type SettingsChange } from './claudeSettings.ts';

function readIfExists(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export function planHookInstall(settingsFile: string, command: string): SettingsChange {
  return planInstall(readIfExists(settingsFile), command, settingsFile);
}

/** Whether our Stop hook is in the settings file, and whether it runs `expected`. */
export function readHookStatus(settingsFile: string, expected: string | null): HookStatus {
  return hookStatusOf(readIfExists(settingsFile), expected, settingsFile);
}

export function planHookUninstall(settingsFile: string): SettingsChange {
  const text = readIfExists(settingsFile);
  if (text === null) return { before: '', after: '', changed: false, summary: `${settingsFile} does not exist` };
  return planUninstall(text, settingsFile);
}

/**
 * Writes a planned change, refusing when the file changed since it was read (Claude Code or the
 * user may be editing it); via a temporary file and a rename so it is never half-written.
 */
export function applySettingsChange(settingsFile: string, change: SettingsChange): void {
  if (!change.changed) return;
  const current = readIfExists(settingsFile) ?? '';
  if (current !== change.before) throw new Error(`${settingsFile} changed while the hook change was being prepared; run the command again.`);
  fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
  const temporary = `${settingsFile}.leverage-${process.pid}.tmp`;
  fs.writeFileSync(temporary, change.after);
  const mode = fs.existsSync(settingsFile) ? fs.statSync(settingsFile).mode : null;
  if (mode !== null) fs.chmodSync(temporary, mode & 0o7777); // keep the user's permissions (settings may be private)
  fs.renameSync(temporary, settingsFile);
}
