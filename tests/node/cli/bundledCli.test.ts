import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../../scripts/build-cli.ts';
import { nodeVersionProblem } from '../../../src/cli/nodeVersion.ts';
import { workDateSchema } from '../../../src/shared/domain/task.ts';
import { isCalendarDate } from '../../../src/shared/metrics/periods.ts';
import { REPO_ROOT } from './runCli.ts';

/**
 * The bundled CLI (what `npm run build` writes to out/cli and `npm install -g` puts on PATH),
 * built here into a temporary folder. Which chunks a command loads is read with a module load hook.
 */
let folder = '';
let bin = '';
const TRACE = `data:text/javascript,${encodeURIComponent(
  "import { registerHooks } from 'node:module'; registerHooks({ load(url, context, next) { if (url.includes('/chunks/') || url.includes('node_modules')) process.stderr.write('LOADED ' + url + '\\n'); return next(url, context); } });",
)}`;

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'leverage-bundle-'));
  await buildCli(path.join(folder, 'cli'));
  // better-sqlite3 stays outside the bundle: resolve it from the project's node_modules, as an install does from its own.
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(folder, 'node_modules'));
  fs.writeFileSync(path.join(folder, 'package.json'), '{ "type": "module" }\n');
  bin = path.join(folder, 'cli', 'leverage.js');
}, 120_000);
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

function run(args: string[], input = '', node = process.execPath) {
  const child = spawnSync(node, ['--import', TRACE, bin, ...args], { input, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  const loaded = child.stderr
    .split('\n')
    .filter((line) => line.startsWith('LOADED '))
    .map((line) => line.slice('LOADED '.length));
  const stderr = child.stderr
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('LOADED '))
    .join('\n');
  return { status: child.status, stdout: child.stdout, stderr, loaded };
}

const chunkNames = (loaded: string[]) => loaded.filter((url) => url.includes('/chunks/')).map((url) => path.basename(url).replace(/-[\w-]{8}\.js$/, ''));

describe('the bundled leverage CLI', () => {
  it('is one small entry plus chunks, with only better-sqlite3 and the sync engine\'s Automerge and libsodium left outside', () => {
    const entry = fs.readFileSync(bin, 'utf8');
    expect(entry.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(entry.length).toBeLessThan(4000);
    const imports = new Set<string>();
    for (const file of fs.readdirSync(path.join(folder, 'cli', 'chunks'))) {
      const text = fs.readFileSync(path.join(folder, 'cli', 'chunks', file), 'utf8');
      const specifiers = [
        ...text.matchAll(/^\s*(?:import|export)\b[^;'"]*?\bfrom\s*"([^"]+)";?$/gm),
        ...text.matchAll(/^\s*import\s*"([^"]+)";?$/gm),
        ...text.matchAll(/\b(?:import|require)\("([^"]+)"\)/g),
      ].map((match) => match[1] as string);
      for (const specifier of specifiers) if (!specifier.startsWith('.')) imports.add(specifier);
    }
    expect([...imports].filter((name) => !name.startsWith('node:')).sort()).toEqual(['@automerge/automerge', 'better-sqlite3', 'libsodium-wrappers-sumo']);
  });

  it('prints help, and its quick paths (help, stats, list, add, hook run) load no zod, no markdown code and no other command\'s module', () => {
    const db = path.join(folder, 'journal.db');
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: leverage');
    expect(help.loaded.some((url) => url.includes('better-sqlite3'))).toBe(false);

    const added = run(['--db', db, 'add', '--date', '2026-03-01', '--title', 'Refactor scoring pipeline', '--human', '6h', '--agent', '8m']);
    expect([added.status, added.stderr]).toEqual([0, '']);
    const stats = run(['--db', db, 'stats', '--json', '--from', '2026-03-01', '--to', '2026-03-01']);
    expect(JSON.parse(stats.stdout)).toMatchObject({ taskCount: 1, humanHours: 6, agentMinutes: 8 });
    const list = run(['--db', db, 'list', '--date', '2026-03-01']);
    expect(list.stdout).toContain('Refactor scoring pipeline');
    const hook = run(['hook', 'run', '--inbox', path.join(folder, 'inbox')], JSON.stringify({ session_id: 'bundle-1' }));
    expect([hook.status, hook.stdout, hook.stderr]).toEqual([0, '', '']);
    expect(fs.existsSync(path.join(folder, 'inbox', 'bundle-1.json'))).toBe(true);
    expect(hook.loaded.some((url) => url.includes('better-sqlite3'))).toBe(false);

    const logs = path.join(folder, 'claude');
    fs.mkdirSync(path.join(logs, 'projects'), { recursive: true });
    const sessions = run(['--db', db, 'sessions', '--root', logs, '--since', '2000-01-01', '--json']);
    expect([sessions.status, sessions.stderr]).toEqual([0, '']);
    expect(JSON.parse(sessions.stdout)).toMatchObject({ sessions: [], scan: { filesSeen: 0 } });
    // The sessions path loads only what the scan uses: no schemas (zod), no journal repositories.
    expect(sessions.loaded.some((url) => url.includes('date-fns/index') || url.endsWith('date-fns/index.js'))).toBe(false);

    // The quick paths load no zod (the stores check with lightCheck.ts), no date-fns barrel, and
    // only the command module they name (commands/registry.ts).
    for (const [name, loaded] of [['--help', help.loaded], ['stats', stats.loaded], ['list', list.loaded], ['add', added.loaded], ['hook run', hook.loaded], ['sessions', sessions.loaded]] as const) {
      expect(chunkNames(loaded), name).not.toContain('zod');
      expect(loaded.some((url) => /date-fns\/(index|date-fns)\.[cm]?js$/.test(url)), name).toBe(false);
    }
    for (const [name, loaded] of [['stats', stats.loaded], ['list', list.loaded], ['add', added.loaded], ['hook run', hook.loaded]] as const) {
      for (const other of ['publish', 'article', 'import', 'sync', 'backup', 'redaction', 'exports']) expect(chunkNames(loaded), name).not.toContain(other);
    }
    for (const [name, loaded] of [['--help', help.loaded], ['stats', stats.loaded], ['list', list.loaded], ['add', added.loaded], ['hook run', hook.loaded], ['sessions', sessions.loaded]] as const) {
      expect(chunkNames(loaded), name).not.toContain('markdown');
      expect(chunkNames(loaded), name).not.toContain('planImport');
      expect(chunkNames(loaded), name).not.toContain('dataTransfer');
    }
    // The import code exists, and loads when it is used.
    expect(chunkNames(run(['--db', db, 'import', '--dry-run', path.join(folder, 'missing.md')]).loaded)).toContain('markdown');
  });

  it('refuses an older Node with one line and exit code 1', () => {
    expect(nodeVersionProblem('v24.21.0')).toBeNull();
    expect(nodeVersionProblem('v22.0.0')).toBeNull();
    expect(nodeVersionProblem('v20.19.2')).toBe(
      'leverage needs Node.js 22 or newer; this is Node.js v20.19.2. Install a current Node.js (https://nodejs.org) or use the Leverage Journal app.',
    );
    expect(nodeVersionProblem('v8.9.4')).toMatch(/needs Node.js 22/);
    // Debian's own Node (20) where the machine has it: the real refusal, before anything is loaded.
    const old = ['/usr/bin/node', '/usr/local/bin/node'].find((candidate) => {
      const version = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
      return version.status === 0 && nodeVersionProblem(version.stdout.trim()) !== null;
    });
    if (!old) return;
    const child = spawnSync(old, [bin, 'stats'], { encoding: 'utf8' });
    expect(child.status).toBe(1);
    expect(child.stdout).toBe('');
    expect(child.stderr.trim().split('\n')).toHaveLength(1);
    expect(child.stderr).toMatch(/^leverage needs Node.js 22 or newer; this is Node.js v\d+/);
  });

  it('checks dates as the domain schema does, without loading it', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
          fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(
            ([year, month, day]) => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
          ),
          fc.string({ maxLength: 12 }),
        ),
        (text) => isCalendarDate(text) === workDateSchema.safeParse(text).success,
      ),
      { numRuns: 3000 },
    );
    for (const text of ['2024-02-29', '2000-02-29', '2026-12-31']) expect(isCalendarDate(text)).toBe(true);
    for (const text of ['2026-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '26-01-01', '2026-1-01']) expect(isCalendarDate(text)).toBe(false);
  });
});
