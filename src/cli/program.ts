import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { writeFileAtomicSync } from '../core/files/atomicWrite.ts';
import { isJournalError } from '../core/errors.ts';
import type { HookRunner } from '../core/hook/hookCommand.ts';
import type * as JournalModule from '../core/journal.ts';
import type { Journal } from '../core/journal.ts';
import type * as RecoveryModule from '../core/store/recovery.ts';
import type { SqliteDatabase } from '../core/store/database.ts';
import { movedAsideRecordFor, resolveDatabasePath } from '../core/paths.ts';
import { COMMANDS, commandsFor } from './commands/registry.ts';
import { needsJournal } from './journalFree.ts';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Standard input (`leverage import -`). */
  stdin?: AsyncIterable<Uint8Array | string> | undefined;
  /** The post readers' worker entry when the CLI runs from a bundle (out/cli/importReader.js). */
  readerEntry?: URL | undefined;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** What a Stop hook installed from here should run (null: unknown, `hook install` then needs --command). */
  hookRunner?: HookRunner | null;
}

/**
 * Builds the `leverage` program with the commands a run of `argv` needs (every command when argv is
 * not given): each comes from its module in commands/, listed once in commands/registry.ts and
 * imported only when named. Every command opens the journal lazily, so `--help` never touches the
 * database; the store's code (SQLite) is loaded just before an action that needs it, and each
 * command loads its own heavier modules inside its action.
 */
export async function buildProgram(io: CliIo, argv?: readonly string[]): Promise<{ program: Command; closeJournal: () => void }> {
  let journal: Journal | null = null;
  let journalModule: typeof JournalModule | null = null;
  // The recovery code (moved-aside records) loads only where such a record exists beside the file.
  let recovery: typeof RecoveryModule | null = null;
  const program = new Command('leverage');
  const databaseFile = () => resolveDatabasePath(program.opts<{ db?: string }>().db, io.env);
  const loadJournalModules = async () => {
    journalModule ??= await import('../core/journal.ts');
    if (!recovery && fs.existsSync(movedAsideRecordFor(databaseFile()))) recovery = await import('../core/store/recovery.ts');
  };
  const open = (): Journal => {
    if (journal) return journal;
    if (!journalModule) throw new Error('internal: the journal module was not loaded before the action');
    const file = databaseFile();
    const undecided = recovery ? recovery.pendingMovedAside(file) : [];
    if (recovery && undecided.length > 0) {
      // Never start an empty journal silently where one was moved aside: the person decides first.
      if (!fs.existsSync(file)) throw new Error(`${recovery.describeMovedAside(file, undecided)} No new journal was created.`);
      io.stderr(`leverage: note: ${recovery.describeMovedAside(file, undecided)}\n`);
    }
    journal = journalModule.Journal.open(file);
    return journal;
  };
  // The journal's database without the stores, for journal-free commands (`sessions`): opened
  // directly unless something was moved aside, when the full path decides.
  let bare: SqliteDatabase | null = null;
  const database = async (): Promise<SqliteDatabase> => {
    if (journal) return journal.db;
    if (bare) return bare;
    const file = databaseFile();
    if (fs.existsSync(movedAsideRecordFor(file))) {
      await loadJournalModules();
      return open().db;
    }
    const { openDatabase } = await import('../core/store/database.ts');
    bare = openDatabase(file).db;
    return bare;
  };
  program.hook('preAction', async (_program, action) => {
    if (needsJournal(action)) await loadJournalModules();
  });
  const resolveFile = (file: string) => path.resolve(io.cwd, file);
  const writeOut = (text: string, out: string | undefined) => {
    if (out) {
      // Temporary file, fsync, rename: a full disk leaves the previous file whole, never truncated.
      writeFileAtomicSync(resolveFile(out), text);
    } else {
      io.stdout(text);
    }
  };

  program
    .description('Leverage Journal: record human-equivalent time against agent time, and publish the daily Leverage Record.')
    .option('--db <path>', 'database file (default: $LEVERAGE_DB, else the app\'s data folder)')
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => {} });

  const context = { program, journal: open, database, stdout: io.stdout, stderr: io.stderr, stdin: io.stdin, readerEntry: io.readerEntry, env: io.env, resolvePath: resolveFile, writeOut, hookRunner: io.hookRunner ?? null };
  for (const entry of argv === undefined ? COMMANDS : commandsFor(argv)) (await entry.load())(context);

  return {
    program,
    closeJournal: () => {
      journal?.close();
      if (bare?.open) bare.close();
    },
  };
}

/** Runs the CLI; returns the exit code (0 success, 1 bad input or failure) instead of exiting. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let closeJournal = () => {};
  try {
    const built = await buildProgram(io, argv);
    closeJournal = built.closeJournal;
    const { program } = built;
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
    closeJournal();
  }
}
