import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomicSync, writeTargetOf } from '../files/atomicWrite.ts';
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
 * user may be editing it). Atomic (temporary file, fsync, rename) and through a symlinked
 * settings.json; the temporary copy of the user's settings (which may hold an API key) has the
 * file's own mode from the start and never outlives the write.
 */
export function applySettingsChange(settingsFile: string, change: SettingsChange): void {
  if (!change.changed) return;
  const current = readIfExists(settingsFile) ?? '';
  if (current !== change.before) throw new Error(`${settingsFile} changed while the hook change was being prepared; run the command again.`);
  fs.mkdirSync(path.dirname(writeTargetOf(settingsFile)), { recursive: true });
  writeFileAtomicSync(settingsFile, change.after);
}
