#!/usr/bin/env node
import { commandName, type CliIo } from './run.ts';

const argv = process.argv.slice(2);
// `sessions` loads only what it uses (see sessionsProgram.ts); every other command loads the full program.
const { runCli } = commandName(argv) === 'sessions' ? await import('./sessionsProgram.ts') : await import('./program.ts');
const io: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.env.INIT_CWD ?? process.cwd(),
};
process.exitCode = await runCli(argv, io);
