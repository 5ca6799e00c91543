import type { Command } from 'commander';
import type { HookRunner } from '../../core/hook/hookCommand.ts';
import type { Journal } from '../../core/journal.ts';

/** What a command module gets: the program, a lazily opened journal, and the process's I/O. */
export interface CommandContext {
  program: Command;
  /** Opens the journal (at --db, $LEVERAGE_DB or the default path) on first use. */
  journal: () => Journal;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Standard input, for commands that read `-`. */
  stdin?: AsyncIterable<Uint8Array | string> | undefined;
  /** The post readers' worker entry of a bundled CLI (default: the source file beside the core). */
  readerEntry?: URL | undefined;
  env: NodeJS.ProcessEnv;
  /** Resolves a path given on the command line against the user's working directory. */
  resolvePath: (file: string) => string;
  /** Writes to --out FILE when given, else to stdout. */
  writeOut: (text: string, out: string | undefined) => void;
  /** How this CLI is installed, for the Stop hook's command (null when unknown). */
  hookRunner: HookRunner | null;
}

export type CommandModule = (context: CommandContext) => void;
