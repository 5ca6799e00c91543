import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const WORKERS = path.join(REPO_ROOT, 'tests/node/reliability/workers');
/** The CLI's sources, or the bundle named by LEVERAGE_CLI_BIN (see tests/node/cli/runCli.ts). */
export const CLI = process.env.LEVERAGE_CLI_BIN ? path.resolve(process.env.LEVERAGE_CLI_BIN) : path.join(REPO_ROOT, 'src/cli/leverage.ts');

/**
 * A child Node process (the same Node 24 that runs the tests, so TypeScript runs by type stripping)
 * whose complete stdout lines are collected as they arrive.
 */
export interface Worker {
  readonly child: ChildProcess;
  readonly lines: string[];
  readonly stderr: () => string;
  /** Writes one line to the child's stdin. */
  send(line: string): void;
  /** Resolves with the first line satisfying `predicate`. */
  waitForLine(predicate: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startNode(script: string, args: readonly string[]): Worker {
  const child = spawn(process.execPath, ['--no-warnings', script, ...args], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
    // Compiling the TypeScript sources costs a child more than a second on a busy machine; the cache halves that.
    env: { ...process.env, NODE_COMPILE_CACHE: path.join(os.tmpdir(), 'leverage-test-compile-cache') },
  });
  child.stdin?.on('error', () => {});
  const lines: string[] = [];
  let partial = '';
  let errors = '';
  const waiters: { predicate: (line: string) => boolean; resolve: (line: string) => void }[] = [];
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    // The last piece has no newline yet: a line cut short by SIGKILL is never counted.
    partial = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const waiter of [...waiters]) {
        if (waiter.predicate(line)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    }
  });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    errors += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  return {
    child,
    lines,
    stderr: () => errors,
    exited,
    send: (line) => {
      child.stdin?.write(`${line}\n`);
    },
    waitForLine(predicate, timeoutMs = 20_000) {
      const found = lines.find(predicate);
      if (found !== undefined) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`No matching line from ${script} within ${timeoutMs} ms; stderr: ${errors}`)), timeoutMs);
        waiters.push({ predicate, resolve: (line) => (clearTimeout(timer), resolve(line)) });
        void exited.then(() => {
          clearTimeout(timer);
          reject(new Error(`${script} exited before printing the expected line; stderr: ${errors}`));
        });
      });
    },
  };
}

/** Waits for one line on this process's stdin (a worker's "go" signal). */
export function readLine(): Promise<string> {
  return new Promise((resolve) => {
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const end = buffer.indexOf('\n');
      if (end >= 0) {
        process.stdin.off('data', onData);
        // One line is all a worker reads: let the process end when its work is done.
        process.stdin.destroy();
        resolve(buffer.slice(0, end));
      }
    };
    process.stdin.on('data', onData);
  });
}

export function startWorker(name: string, args: readonly string[]): Worker {
  return startNode(path.join(WORKERS, name), args);
}

/** Runs the `leverage` CLI in its own process; resolves with its exit code and output. */
export async function runCliProcess(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const worker = startNode(CLI, args);
  const { code } = await worker.exited;
  return { code, stdout: worker.lines.join('\n'), stderr: worker.stderr() };
}

/** A small seeded generator, so that a failing round can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
