import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { runCli, type CliIo } from '../../../src/cli/program.ts';
import type { HookRunner } from '../../../src/core/hook/hookCommand.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
/** The bundled CLI `npm run build` writes. */
export const BUNDLED_CLI = path.join(REPO_ROOT, 'out/cli/leverage.js');

/**
 * Set LEVERAGE_CLI_BIN to a built `leverage.js` (e.g. out/cli/leverage.js) to run every CLI test
 * against that bundle in a child process instead of the sources in-process (CI does both).
 */
export const cliBin = process.env.LEVERAGE_CLI_BIN ? path.resolve(process.env.LEVERAGE_CLI_BIN) : null;

/** In-process runs install the hook command the bundled CLI would, so both modes expect the same text. */
export const TEST_HOOK_RUNNER: HookRunner = { kind: 'cli', node: process.execPath, script: cliBin ?? BUNDLED_CLI };

/** Runs the CLI with `argv`: in-process through runCli, or the bundle in a child process (LEVERAGE_CLI_BIN). */
export async function runLeverage(argv: readonly string[], io: Pick<CliIo, 'env' | 'cwd'>, input?: Uint8Array): Promise<CliRun> {
  if (cliBin) {
    const child = spawnSync(process.execPath, [cliBin, ...argv], { cwd: io.cwd, env: { ...io.env }, input: input ?? '', encoding: 'utf8', timeout: 60_000 });
    if (child.error) throw child.error;
    return { code: child.status ?? 1, stdout: child.stdout, stderr: child.stderr };
  }
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    stdin: input === undefined ? undefined : (async function* () {
      yield input;
    })(),
    env: io.env,
    cwd: io.cwd,
    hookRunner: TEST_HOOK_RUNNER,
  });
  return { code, stdout, stderr };
}

/** Runs the `leverage` CLI against a given database. */
export function leverage(db: string, ...args: string[]): Promise<CliRun> {
  return runLeverage(['--db', db, ...args], { env: {}, cwd: process.cwd() });
}

/** The same, with bytes on standard input (`leverage import -`). */
export function leverageWithStdin(input: Uint8Array, db: string, ...args: string[]): Promise<CliRun> {
  return runLeverage(['--db', db, ...args], { env: {}, cwd: process.cwd() }, input);
}
