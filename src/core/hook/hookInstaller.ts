import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { planInstall, planUninstall, type SettingsChange } from './claudeSettings.ts';

/** POSIX single-quoting: Claude Code runs hook commands through a shell. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The hook's own small entry point (loads only the inbox module, so Claude Code is not kept waiting). */
export const HOOK_ENTRY = fileURLToPath(new URL('./leverageStopHook.ts', import.meta.url));

/**
 * The command the Stop hook runs: this Node, the hook entry, and the inbox spelled out so the hook
 * does not depend on the environment Claude Code runs it in. (`leverage hook run --inbox DIR` does
 * the same through the full CLI, and is recognised as ours too.)
 */
export function defaultHookCommand(inbox: string, nodePath: string = process.execPath, entry: string = HOOK_ENTRY): string {
  return [shellQuote(nodePath), '--no-warnings', shellQuote(entry), '--inbox', shellQuote(inbox)].join(' ');
}

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
