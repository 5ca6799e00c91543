import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { REPO_ROOT } from '../reliability/support/processes.ts';
import { tempFolder } from '../helpers/tempJournal.ts';

// A child records every module it resolves, runs CLI commands in-process, and lists the sync ones.
const PROBE = `
import { registerHooks } from 'node:module';
const seen = new Set();
registerHooks({ resolve(specifier, context, next) { const result = next(specifier, context); seen.add(result.url); return result; } });
const { runCli } = await import(${JSON.stringify(path.join(REPO_ROOT, 'src/cli/program.ts'))});
const io = { stdout: () => {}, stderr: (text) => process.stderr.write(text), env: process.env, cwd: process.cwd() };
for (const args of JSON.parse(process.argv[1])) if ((await runCli(args, io)) !== 0) process.exit(2);
process.stdout.write(JSON.stringify([...seen].filter((url) => /automerge|libsodium|core\\/sync\\/(?!syncSwitch)/.test(url))));
`;

function syncModulesLoaded(commands: string[][]): string[] {
  const out = execFileSync(process.execPath, ['--no-warnings', '--input-type=module', '-e', PROBE, JSON.stringify(commands)], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_COMPILE_CACHE: path.join(os.tmpdir(), 'leverage-test-compile-cache') },
  });
  return JSON.parse(out) as string[];
}

test('with sync off, adding, editing and listing tasks loads no sync code; a sync command does', () => {
  const db = path.join(tempFolder(), 'off.db');
  const work = [
    ['--db', db, 'add', '--title', 'Local', '--human', '1h', '--agent', '5m'],
    ['--db', db, 'edit', '1', '--title', 'Local, edited'],
    ['--db', db, 'list', '--json'],
  ];
  expect(syncModulesLoaded(work)).toEqual([]);
  const withStatus = syncModulesLoaded([...work, ['--db', db, 'sync', 'status']]);
  expect(withStatus.some((url) => url.includes('@automerge'))).toBe(true);
}, 60_000);
