import os from 'node:os';
import path from 'node:path';
import type { Node } from 'jsonc-parser';
import { getNodeValue } from 'jsonc-parser';
import { HOOK_MARKER, simpleCommandWords } from './hookCommand.ts';
import { appendChild, parseDocument, propertyNode, propertyValue, removeChild } from './jsonTextEdit.ts';

/**
 * Claude Code's user settings hold hooks as
 *   { "hooks": { "Stop": [ { "hooks": [ { "type": "command", "command": "…", "timeout": 10 } ] } ] } }
 * (event → matcher groups → handlers; Stop takes no matcher). We add one group of our own and
 * recognise it again by its command, so uninstalling removes only ours.
 */
export const HOOK_EVENT = 'Stop';
/** Seconds Claude Code waits for the command; ours writes one small file and exits. */
export const HOOK_TIMEOUT_SECONDS = 10;

export interface HookEntry {
  hooks: { type: 'command'; command: string; timeout: number }[];
}

/**
 * `$CLAUDE_CONFIG_DIR/settings.json`, else `~/.claude/settings.json`. Claude Code takes the whole
 * variable as one folder (a comma in it is part of the name), so it is never split here.
 */
export function claudeSettingsPath(env: NodeJS.ProcessEnv = process.env): string {
  const configDir = env.CLAUDE_CONFIG_DIR && env.CLAUDE_CONFIG_DIR.trim() !== '' ? env.CLAUDE_CONFIG_DIR : path.join(env.HOME ?? os.homedir(), '.claude');
  return path.join(configDir, 'settings.json');
}

const baseName = (file: string): string => file.split(/[\\/]/).pop() ?? file;
/** The CLI or the installed app: leverage, leverage.js/.ts, leverage-journal, Leverage Journal(.exe). */
const OUR_PROGRAM = /^(leverage(\.[cm]?[jt]s)?|leverage-journal(\.exe)?|Leverage Journal(\.exe)?)$/;
const OUR_SCRIPT = /^leverage\.[cm]?[jt]s$/;
const NODE = /^node(\.exe)?$|^node\d*$/;
const OLD_HOOK_ENTRY = /^leverageStopHook\.[cm]?[jt]s$/;

/** `[]` or `['--inbox', DIR]`, with or without our marker: what follows `hook run` in a command of ours. */
function isRunTail(words: readonly string[]): boolean {
  const rest = words.filter((word) => word !== HOOK_MARKER);
  return rest.length === 0 || (rest.length === 2 && rest[0] === '--inbox');
}

/**
 * A command that runs our hook. Only a simple command (one program, no `;`, `&&`, pipes,
 * redirections or substitutions) can be ours, so a user's hook that merely mentions "leverage hook
 * run" (`echo leverage hook run`, `cd x && leverage hook run`) is never taken for ours. Ours carries
 * the marker flag; entries written before the marker existed are recognised by their exact shape:
 * `PROGRAM hook run [--inbox DIR]`, `NODE [--flags] SCRIPT hook run [--inbox DIR]`, and the old
 * checkout entry `NODE [--flags] …/leverageStopHook.ts --inbox DIR` — so a reinstall replaces them
 * and never adds a second hook.
 */
export function isLeverageHookCommand(command: unknown): boolean {
  if (typeof command !== 'string') return false;
  const words = simpleCommandWords(command);
  if (!words || words.length === 0) return false;
  const [program = '', ...args] = words;
  let rest = args;
  if (NODE.test(baseName(program))) {
    while (rest[0]?.startsWith('--')) rest = rest.slice(1); // node's own flags (--no-warnings)
    const [script = '', ...after] = rest;
    if (OLD_HOOK_ENTRY.test(baseName(script))) return isRunTail(after) && after.length > 0;
    if (!OUR_SCRIPT.test(baseName(script))) return false;
    rest = after;
  } else if (!OUR_PROGRAM.test(baseName(program))) {
    return false;
  }
  return rest[0] === 'hook' && rest[1] === 'run' && isRunTail(rest.slice(2));
}

function groupCommands(group: Node): string[] {
  const value = getNodeValue(group) as { hooks?: { command?: unknown }[] };
  return (value.hooks ?? []).map((handler) => String(handler?.command));
}

export interface HookStatus {
  /** At least one Stop hook of ours is in the file. */
  installed: boolean;
  /** The commands of our entries (older versions may have written other ones). */
  commands: string[];
  /** Exactly one entry of ours, running `expected`. */
  current: boolean;
}

/** Which of our Stop hooks the settings text holds, and whether it is the one `expected` would install. */
export function hookStatusOf(text: string | null, expected: string | null, file = 'settings.json'): HookStatus {
  if (text === null || text.trim() === '') return { installed: false, commands: [], current: false };
  const groups = stopGroups(parse(text, file));
  const ours = groups?.type === 'array' ? (groups.children ?? []).filter(isOurGroup) : [];
  const commands = ours.flatMap(groupCommands);
  return { installed: ours.length > 0, commands, current: ours.length === 1 && commands.length === 1 && commands[0] === expected };
}

export function hookEntry(command: string): HookEntry {
  return { hooks: [{ type: 'command', command, timeout: HOOK_TIMEOUT_SECONDS }] };
}

function isOurGroup(group: Node): boolean {
  const value = getNodeValue(group) as unknown;
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { hooks?: unknown }).hooks)) return false;
  const handlers = (value as { hooks: { command?: unknown }[] }).hooks;
  return handlers.length > 0 && handlers.every((handler) => isLeverageHookCommand(handler?.command));
}

function stopGroups(root: Node): Node | undefined {
  return propertyValue(propertyValue(root, 'hooks'), HOOK_EVENT);
}

export interface SettingsChange {
  before: string;
  after: string;
  changed: boolean;
  /** What happened, in a sentence. */
  summary: string;
}

function parse(text: string, file: string): Node {
  try {
    const root = parseDocument(text);
    if (root.type !== 'object') throw new SyntaxError('the top level is not an object');
    return root;
  } catch (error) {
    throw new Error(`Cannot read ${file}: ${(error as Error).message}. It was left unchanged.`, { cause: error });
  }
}

/** The settings text with our Stop hook added (unchanged when it is there already). `before` is null for a missing file. */
export function planInstall(before: string | null, command: string, file = 'settings.json'): SettingsChange {
  const entry = hookEntry(command);
  const source = before === null || before.trim() === '' ? null : before;
  if (source === null) {
    const after = `${JSON.stringify({ hooks: { [HOOK_EVENT]: [entry] } }, null, 2)}\n`;
    return { before: before ?? '', after, changed: true, summary: `create ${file} with a ${HOOK_EVENT} hook` };
  }
  const root = parse(source, file);
  const hooks = propertyValue(root, 'hooks');
  if (hooks && hooks.type !== 'object') throw new Error(`Cannot add the hook: "hooks" in ${file} is not an object.`);
  const groups = stopGroups(root);
  if (groups && groups.type !== 'array') throw new Error(`Cannot add the hook: "hooks.${HOOK_EVENT}" in ${file} is not an array.`);
  const status = hookStatusOf(source, command, file);
  if (status.current) return { before: source, after: source, changed: false, summary: `the ${HOOK_EVENT} hook is already installed` };
  if (status.installed) {
    // An entry an earlier version (or another install of the app) wrote: replace it, never add a second hook.
    const replaced = planInstall(planUninstall(source, file).after, command, file);
    return { before: source, after: replaced.after, changed: true, summary: `replace the Leverage Journal ${HOOK_EVENT} hook in ${file} (was: ${status.commands.join('; ')})` };
  }
  let after: string;
  if (groups) after = appendChild(source, groups, entry);
  else if (hooks) after = appendChild(source, hooks, [entry], HOOK_EVENT);
  else after = appendChild(source, root, { [HOOK_EVENT]: [entry] }, 'hooks');
  return { before: source, after, changed: true, summary: `add a ${HOOK_EVENT} hook to ${file}` };
}

/** The settings text with our Stop hook(s) removed; everything else byte for byte as it was. */
export function planUninstall(before: string, file = 'settings.json'): SettingsChange {
  let text = before;
  let removed = 0;
  for (;;) {
    const root = parse(text, file);
    const groups = stopGroups(root);
    const ours = groups?.children?.find(isOurGroup);
    if (!groups || !ours) break;
    removed += 1;
    if ((groups.children?.length ?? 0) > 1) {
      text = removeChild(text, groups, ours);
      continue;
    }
    // Ours was the only Stop group: drop "Stop". The "hooks" object stays, even when empty: it may
    // have been there before install ("hooks": {}), and an empty one changes nothing in Claude Code.
    const hooks = propertyValue(root, 'hooks') as Node;
    text = removeChild(text, hooks, propertyNode(hooks, HOOK_EVENT) as Node);
  }
  return {
    before,
    after: text,
    changed: removed > 0,
    summary: removed > 0 ? `remove the Leverage Journal ${HOOK_EVENT} hook from ${file}` : `no Leverage Journal hook in ${file}`,
  };
}

/** A unified-style diff of the one region that changed (install and uninstall each change one region). */
export function describeChange(change: SettingsChange, file: string): string {
  if (!change.changed) return `${change.summary}.\n`;
  const before = change.before === '' ? [] : change.before.split(/\r?\n/);
  const after = change.after.split(/\r?\n/);
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head += 1;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail += 1;
  const context = 2;
  const from = Math.max(0, head - context);
  const lines = [`--- ${file}`, `+++ ${file} (${change.summary})`, `@@ line ${from + 1} @@`];
  for (let index = from; index < head; index += 1) lines.push(`  ${before[index]}`);
  for (let index = head; index < before.length - tail; index += 1) lines.push(`- ${before[index]}`);
  for (let index = head; index < after.length - tail; index += 1) lines.push(`+ ${after[index]}`);
  for (let index = after.length - tail; index < Math.min(after.length, after.length - tail + context); index += 1) lines.push(`  ${after[index]}`);
  return `${lines.join('\n')}\n`;
}
