import { CommanderError, type Command } from 'commander';
import { isJournalError } from '../core/errors.ts';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** The program's description, global options and output, the same for the full program and the `sessions` one. */
export function configureProgram(program: Command, io: CliIo): Command {
  return program
    .description('Leverage Journal: record human-equivalent time against agent time, and publish the daily Leverage Record.')
    .option('--db <path>', "database file (default: $LEVERAGE_DB, else the app's data folder)")
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => {} });
}

/** Parses and runs; returns the exit code (0 success, 1 bad input or failure): one `leverage: …` line on failure. */
export async function runProgram(program: Command, argv: readonly string[], io: CliIo, close: () => void): Promise<number> {
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return 0;
      io.stderr(`leverage: ${error.message.replace(/^error: /, '')}\n`);
      return 1;
    }
    const message = isJournalError(error) || error instanceof Error ? error.message : String(error);
    io.stderr(`leverage: ${message}\n`);
    return 1;
  } finally {
    close();
  }
}

/** The command a `leverage` command line names (after the global `--db PATH`), or null. */
export function commandName(argv: readonly string[]): string | null {
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] as string;
    if (arg === '--db') index += 1;
    else if (!arg.startsWith('--db=')) return arg.startsWith('-') ? null : arg;
  }
  return null;
}
