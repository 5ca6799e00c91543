// CLI start-up: the bundled `leverage` (as `npm run build` writes it) against a bare `node -e 0`,
// measured side by side (interleaved, so machine load hits both alike). Wall time is from spawn to
// exit; peak memory is the child's own peak RSS, written by a tiny --import at exit.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCli } from '../build-cli.ts';
import { Journal } from '../../src/core/journal.ts';
import { generateTasks } from './seedData.ts';
import { percentile } from './timing.ts';

export interface CliStartupFigure {
  name: string;
  wallMs: number;
  peakMb: number;
  wallRatio: number;
  peakRatio: number;
}
export interface CliStartupFigures {
  baseline: { wallMs: number; peakMb: number };
  commands: CliStartupFigure[];
  /** The modules each command loads (chunk names; [package] for what stays outside the bundle). */
  modules: Record<string, string[]>;
  /** Machine load (1-minute average) before and after the measurement. */
  loadAverage: { before: number; after: number };
}

// Linux keeps ru_maxrss across exec (a child would report its parent's peak), so /proc's VmHWM
// (the peak of this address space) is read where it exists; maxRSS elsewhere.
const RSS_PROBE = `data:text/javascript,${encodeURIComponent(
  "import fs from 'node:fs'; process.on('exit', () => { let kb = process.resourceUsage().maxRSS; try { kb = Number(/VmHWM:\\s*(\\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]); } catch {} fs.writeFileSync(process.env.LEVERAGE_BENCH_RSS_FILE, String(kb)); });",
)}`;

// Which of the bundle's chunks (and which packages outside it) a run loads, from a module load hook.
const LOAD_TRACE = `data:text/javascript,${encodeURIComponent(
  "import { registerHooks } from 'node:module'; registerHooks({ load(url, context, next) { if (url.includes('/chunks/') || url.includes('node_modules')) process.stderr.write('LOADED ' + url + '\\n'); return next(url, context); } });",
)}`;

/** The modules a run loads: the bundle's chunks by name, packages outside it by package. */
function loadedModules(args: string[], input: string): string[] {
  const child = spawnSync(process.execPath, ['--import', LOAD_TRACE, ...args], { input, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
  const names = child.stderr
    .split('\n')
    .filter((line) => line.startsWith('LOADED '))
    .map((line) => {
      const url = line.slice('LOADED '.length);
      const chunk = /\/chunks\/(.+?)-[\w-]{8}\.js$/.exec(url);
      if (chunk) return chunk[1] as string;
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
      return pkg ? `[${pkg[1]}]` : url;
    });
  return [...new Set(names)];
}

/** The heavy libraries no quick path may load (issue 16): zod, the markdown stack, the date-fns barrel. */
const HEAVY = [/^zod$/, /^markdown$/, /^\[date-fns\]$/];

export const TARGET_WALL_RATIO = 3;
export const TARGET_PEAK_MB = 100;

function once(args: string[], input: string, rssFile: string | null): { ms: number; kb: number } {
  const start = process.hrtime.bigint();
  const env = { PATH: process.env.PATH ?? '', ...(rssFile ? { LEVERAGE_BENCH_RSS_FILE: rssFile } : {}) };
  const child = spawnSync(process.execPath, rssFile ? ['--import', RSS_PROBE, ...args] : args, { input, env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) throw new Error(`${args.join(' ')} failed: ${child.stderr}`);
  return { ms, kb: rssFile ? Number(fs.readFileSync(rssFile, 'utf8')) : 0 };
}

export async function measureCliStartup(folder: string, log: (line: string) => void, rounds = 15): Promise<CliStartupFigures> {
  log('\n== CLI start-up (bundled out/cli, 100,000-task journal)');
  const root = path.join(folder, 'cli-bundle');
  fs.mkdirSync(root, { recursive: true });
  await buildCli(path.join(root, 'cli'));
  fs.symlinkSync(path.resolve(import.meta.dirname, '../../node_modules'), path.join(root, 'node_modules'));
  fs.writeFileSync(path.join(root, 'package.json'), '{ "type": "module" }\n');
  const bin = path.join(root, 'cli', 'leverage.js');
  const db = path.join(root, 'journal-100k.db');
  const journal = Journal.open(db);
  journal.tasks.insertValidated([...generateTasks(100_000, '2026-11-20')]);
  journal.close();
  const rssFile = path.join(root, 'rss.txt');

  const cases: [string, string[], string][] = [
    ['node -e 0', ['-e', '0'], ''],
    ['leverage --help', [bin, '--help'], ''],
    ['stats --json --from D --to D', [bin, '--db', db, 'stats', '--json', '--from', '2026-11-14', '--to', '2026-11-20'], ''],
    ['list --date D --json', [bin, '--db', db, 'list', '--date', '2026-11-20', '--json'], ''],
    ['add --title T --human 2h --agent 5m', [bin, '--db', db, 'add', '--date', '2026-11-21', '--title', 'Bench task', '--human', '2h', '--agent', '5m'], ''],
    ['hook run (Stop payload on stdin)', [bin, 'hook', 'run', '--inbox', path.join(root, 'inbox')], JSON.stringify({ session_id: 'bench', cwd: '/w' })],
  ];
  const loadBefore = os.loadavg()[0] ?? 0;
  for (const [, args, input] of cases) once(args, input, null); // warm the file cache
  const walls = cases.map(() => [] as number[]);
  const peaks = cases.map(() => [] as number[]);
  for (let round = 0; round < rounds; round += 1) {
    cases.forEach(([, args, input], index) => {
      walls[index]?.push(once(args, input, null).ms);
      peaks[index]?.push(once(args, input, rssFile).kb / 1024);
    });
  }
  const median = (values: number[] | undefined) => percentile(values ?? [], 50);
  const baseline = { wallMs: median(walls[0]), peakMb: median(peaks[0]) };
  log(`${'node -e 0'.padEnd(34)} ${baseline.wallMs.toFixed(1).padStart(7)} ms ${baseline.peakMb.toFixed(0).padStart(5)} MB`);
  const commands = cases.slice(1).map(([name], offset) => {
    const wallMs = median(walls[offset + 1]);
    const peakMb = median(peaks[offset + 1]);
    const figure = { name, wallMs, peakMb, wallRatio: wallMs / baseline.wallMs, peakRatio: peakMb / baseline.peakMb };
    const meets = figure.wallRatio <= TARGET_WALL_RATIO && peakMb <= TARGET_PEAK_MB ? 'meets' : 'MISSES';
    log(
      `${name.padEnd(34)} ${wallMs.toFixed(1).padStart(7)} ms ${peakMb.toFixed(0).padStart(5)} MB   ${figure.wallRatio.toFixed(2)}× wall, ${figure.peakRatio.toFixed(2)}× memory of node -e 0 (target ≤ ${TARGET_WALL_RATIO}×, ≤ ${TARGET_PEAK_MB} MB: ${meets})`,
    );
    return figure;
  });
  const loadAfter = os.loadavg()[0] ?? 0;
  log(`(median of ${rounds} interleaved runs each; load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after, ${os.cpus().length} CPUs)`);
  log('\nModules each command loads (bundle chunks; [package] = outside the bundle):');
  const modules: Record<string, string[]> = {};
  for (const [name, args, input] of cases.slice(1)) {
    const loaded = loadedModules(args, input);
    modules[name] = loaded;
    const heavy = loaded.filter((module) => HEAVY.some((pattern) => pattern.test(module)));
    log(`  ${name}: ${loaded.length} modules${heavy.length > 0 ? ` — HEAVY: ${heavy.join(', ')}` : ' (no zod, markdown or date-fns barrel)'}`);
    log(`    ${loaded.join(' ')}`);
  }
  return { baseline, commands, modules, loadAverage: { before: loadBefore, after: loadAfter } };
}

if (import.meta.main) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'leverage-cli-bench-'));
  try {
    const figures = await measureCliStartup(folder, (line) => process.stdout.write(`${line}\n`));
    if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
