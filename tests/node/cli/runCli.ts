import { runCli } from '../../../src/cli/program.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the `leverage` CLI in-process against a given database. */
export async function leverage(db: string, ...args: string[]): Promise<CliRun> {
  return leverageWithStdin(undefined, db, ...args);
}

/** The same, with bytes on standard input (`leverage import -`). */
export async function leverageWithStdin(input: Uint8Array | undefined, db: string, ...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--db', db, ...args], {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    stdin: input === undefined ? undefined : (async function* () {
      yield input;
    })(),
    env: {},
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}
