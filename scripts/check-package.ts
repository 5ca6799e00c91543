/**
 * The npm package as a user gets it: `npm pack`, then `npm install -g` of the tarball into a
 * temporary prefix with this Node (≥ 22) first on PATH, then the installed `leverage` bin adds a
 * task, prints its figures, runs the Stop hook, and installs it with a command into the install
 * (never into this checkout). Run by scripts/ci-extra.sh; exits non-zero with the failing step.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'leverage-pack-'));
const nodeBin = path.dirname(process.execPath);
const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${nodeBin}${path.delimiter}${process.env.PATH ?? ''}`, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
delete env.INIT_CWD;

function step(name: string, command: string, args: string[], options: { input?: string; cwd?: string } = {}): string {
  const result = spawnSync(command, args, { cwd: options.cwd ?? work, env, input: options.input ?? '', encoding: 'utf8', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    process.stderr.write(`check-package: ${name} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}\n`);
    process.exit(1);
  }
  process.stdout.write(`check-package: ${name}: ok\n`);
  return result.stdout;
}

try {
  // prepack (the CLI build) prints first; the JSON report is the rest.
  const packOutput = step('npm pack', 'npm', ['pack', '--json', '--pack-destination', work], { cwd: root });
  const packed = JSON.parse(packOutput.slice(packOutput.search(/^\[/m))) as { filename: string; files: { path: string }[] }[];
  const tarball = path.join(work, packed[0]?.filename ?? '');
  const files = packed[0]?.files.map((file) => file.path) ?? [];
  if (!files.includes('out/cli/leverage.js') || files.some((file) => file.startsWith('src/') || file.startsWith('out/main/'))) {
    throw new Error(`the package holds the wrong files: ${files.join(', ')}`);
  }
  const prefix = path.join(work, 'prefix');
  step('npm install -g (temporary prefix)', 'npm', ['install', '-g', '--prefix', prefix, tarball]);
  const bin = process.platform === 'win32' ? path.join(prefix, 'leverage.cmd') : path.join(prefix, 'bin', 'leverage');
  const db = path.join(work, 'data', 'leverage.db');
  const help = step('leverage --help', bin, ['--help']);
  if (!help.includes('Usage: leverage')) throw new Error(`unexpected help:\n${help}`);
  step('leverage add', bin, ['--db', db, 'add', '--date', '2026-03-01', '--title', 'Package check', '--human', '2h', '--agent', '6m']);
  const stats = JSON.parse(step('leverage stats --json', bin, ['--db', db, 'stats', '--json', '--date', '2026-03-01'])) as { taskCount: number; leverage: number };
  if (stats.taskCount !== 1 || stats.leverage !== 20) throw new Error(`unexpected stats ${JSON.stringify(stats)}`);
  step('leverage hook run', bin, ['--db', db, 'hook', 'run'], { input: JSON.stringify({ session_id: 'package-check' }) });
  if (!fs.existsSync(path.join(work, 'data', 'inbox', 'package-check.json'))) throw new Error('hook run wrote no inbox file');
  const settings = path.join(work, 'claude', 'settings.json');
  step('leverage hook install', bin, ['--db', db, 'hook', 'install', '--settings', settings, '--yes']);
  const command = (JSON.parse(fs.readFileSync(settings, 'utf8')) as { hooks: { Stop: { hooks: { command: string }[] }[] } }).hooks.Stop[0]?.hooks[0]?.command ?? '';
  // (The Node in it is whichever Node ran the CLI: here the one this check put first on PATH.)
  const script = path.join(fs.realpathSync(prefix), 'lib', 'node_modules', 'leverage-journal', 'out', 'cli', 'leverage.js');
  if (command !== `${process.execPath} ${script} hook run --inbox ${path.join(work, 'data', 'inbox')} --leverage-journal-hook`) throw new Error(`the hook command does not run the installed CLI: ${command}`);
  // The installed hook command, run the way Claude Code runs it (through a shell).
  if (process.platform !== 'win32') step('the installed hook command', 'sh', ['-c', command], { input: JSON.stringify({ session_id: 'package-check-2' }) });
  process.stdout.write(`check-package: ${path.basename(tarball)} (${files.length} files) installs and runs\n`);
} catch (error) {
  process.stderr.write(`check-package: ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
