import { Command } from 'commander';
import { resolveDatabasePath } from '../core/paths.ts';
import { openDatabase, type SqliteDatabase } from '../core/store/database.ts';
import { sessionsCommand } from './commands/sessions.ts';
import { configureProgram, runProgram, type CliIo } from './run.ts';
import path from 'node:path';

/**
 * `leverage sessions` on its own: the same command module as in the full program, registered on a
 * program that loads only what the scan uses (the database, the log reader, commander): no zod, no
 * markdown stack, no date library, so a cold `leverage sessions` starts in a fraction of the time.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = configureProgram(new Command('leverage'), io);
  let db: SqliteDatabase | null = null;
  const database = (): SqliteDatabase => {
    db ??= openDatabase(resolveDatabasePath(program.opts<{ db?: string }>().db, io.env)).db;
    return db;
  };
  sessionsCommand({
    program,
    journal: () => {
      throw new Error('The sessions command reads the database only (internal: no journal on this path).');
    },
    database,
    stdout: io.stdout,
    stderr: io.stderr,
    env: io.env,
    resolvePath: (file) => path.resolve(io.cwd, file),
    writeOut: (text) => io.stdout(text),
  });
  return runProgram(program, argv, io, () => {
    if (db?.open) db.close();
  });
}
