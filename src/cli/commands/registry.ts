import type { CommandModule } from './context.ts';

/** One command module: the top-level commands it registers on the program, and how to load it. */
export interface CommandEntry {
  readonly names: readonly string[];
  readonly load: () => Promise<CommandModule>;
}

/**
 * Every `leverage` command, registered one way: a row here names the commands a module in this
 * folder registers and imports that module on demand. A run loads only the module of the command
 * it names (all of them for the top-level help or an unknown command), so `leverage list` never
 * parses the publishing, import or sync code. The order is the order `leverage --help` lists.
 * Adding a command: docs/CONTRIBUTING.md ("A CLI command").
 */
export const COMMANDS: readonly CommandEntry[] = [
  { names: ['add', 'list', 'edit', 'delete', 'undelete', 'stats', 'day'], load: async () => (await import('./tasks.ts')).taskCommands },
  { names: ['export', 'export-data', 'import-data'], load: async () => (await import('./exports.ts')).exportCommands },
  { names: ['backup', 'backups', 'restore', 'moved-aside'], load: async () => (await import('./backup.ts')).backupCommands },
  { names: ['import'], load: async () => (await import('./import.ts')).importCommand },
  { names: ['sessions'], load: async () => (await import('./sessions.ts')).sessionsCommand },
  { names: ['facts'], load: async () => (await import('./facts.ts')).factsCommand },
  { names: ['article'], load: async () => (await import('./article.ts')).articleCommand },
  { names: ['publish', 'revision'], load: async () => (await import('./publish.ts')).publishCommand },
  { names: ['redaction'], load: async () => (await import('./redaction.ts')).redactionCommand },
  { names: ['hook'], load: async () => (await import('./hook.ts')).hookCommand },
  { names: ['sync'], load: async () => (await import('./sync.ts')).syncCommands },
];

/** The top-level command names, in help order (the installed app's headless mode starts on these). */
export const COMMAND_NAMES: readonly string[] = COMMANDS.flatMap((entry) => entry.names);

/** Global options that take a value, so the command name is found after them. */
const VALUE_OPTIONS = new Set(['--db']);

/**
 * The rows a run of `argv` needs: the one whose command argv names (`leverage help NAME` too),
 * else every row (the top-level help lists them all; an unknown command is reported against them all).
 */
export function commandsFor(argv: readonly string[]): readonly CommandEntry[] {
  const operands: string[] = [];
  for (let index = 0; index < argv.length && operands.length < 2; index += 1) {
    const arg = argv[index] as string;
    if (arg === '--') break;
    if (VALUE_OPTIONS.has(arg)) index += 1;
    else if (!arg.startsWith('-')) operands.push(arg);
    else if (operands.length === 0 && !arg.includes('=') && !['-h', '--help', '-V', '--version'].includes(arg)) return COMMANDS; // an unknown global option: commander reports it
  }
  const name = operands[0] === 'help' ? operands[1] : operands[0];
  const entry = name === undefined ? undefined : COMMANDS.find((candidate) => candidate.names.includes(name));
  return entry ? [entry] : COMMANDS;
}
