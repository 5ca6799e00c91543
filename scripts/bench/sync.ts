// The sync figures of `npm run bench` (issue: ten years of a heavy user's journal). Seeds ~110,000 tasks
// over ten years with edits, turns sync on (the first sync folds them all), joins a second device, then
// measures: start-up with sync on ÷ off (to the first window's data), the background merge at start
// with nothing new, merging a peer's day of changes, and the size of one device's files.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { rolldown } from 'rolldown';
import { Journal } from '../../src/core/journal.ts';
import { SyncEngine } from '../../src/core/sync/syncEngine.ts';
import { generateTasks } from './seedData.ts';
import { percentile } from './timing.ts';

const LAST_DATE = '2026-11-20';

export interface SyncBenchFigures {
  tasks: number;
  edits: number;
  firstSyncMs: number;
  joinMs: number;
  startupOffMs: number;
  startupOnMs: number;
  startupRatio: number;
  deferredMergeMs: number;
  peerDayMergeMs: number;
  peerDayMergeWarmMs: number;
  ownFilesBytes: number;
  ownFiles: number;
}

async function bundleProbe(folder: string): Promise<string> {
  const file = path.join(folder, 'startup-sync.mjs');
  const bundle = await rolldown({ input: path.join(import.meta.dirname, 'startupSync.ts'), platform: 'node', external: ['better-sqlite3', '@automerge/automerge', 'libsodium-wrappers-sumo'] });
  await bundle.write({ file, format: 'esm', inlineDynamicImports: false });
  await bundle.close();
  if (!fs.existsSync(path.join(folder, 'node_modules'))) fs.symlinkSync(path.resolve(import.meta.dirname, '../../node_modules'), path.join(folder, 'node_modules'));
  return file;
}

function probe(script: string, file: string, mode = ''): { ms: number; deferredMs: number | null } {
  return JSON.parse(execFileSync(process.execPath, [script, file, LAST_DATE, mode], { encoding: 'utf8' })) as { ms: number; deferredMs: number | null };
}

function folderBytes(folder: string): { bytes: number; files: number } {
  const names = fs.readdirSync(folder).filter((name) => name.endsWith('.ljsync'));
  return { bytes: names.reduce((sum, name) => sum + fs.statSync(path.join(folder, name)).size, 0), files: names.length };
}

export async function runSyncBench(folder: string, count: number, log: (line: string) => void): Promise<SyncBenchFigures> {
  log(`\n== sync: ${count.toLocaleString('en-US')} tasks (ten years at ~30 a day), a quarter of them edited`);
  const tasks = [...generateTasks(count, LAST_DATE, 7)];
  const offFile = path.join(folder, 'sync-off.db');
  const onFile = path.join(folder, 'sync-on.db');
  const off = Journal.open(offFile);
  off.tasks.insertValidated(tasks);
  off.close();
  fs.copyFileSync(offFile, onFile);
  const journal = Journal.open(onFile);
  const syncFolder = path.join(folder, 'sync-folder');
  const engine = new SyncEngine(journal.db);
  const firstStarted = performance.now();
  await engine.init({ folder: syncFolder, deviceName: 'desktop' });
  const firstSyncMs = performance.now() - firstStarted;
  log(`first sync (turning sync on folds the whole journal, once): ${(firstSyncMs / 1000).toFixed(1)} s`);
  // Edits over the years: a quarter of the tasks get a new title, notes or figures, synced month by month.
  const ids = journal.db.prepare('SELECT id FROM tasks ORDER BY id').pluck().all() as number[];
  let edits = 0;
  const months = new Map<string, number[]>();
  for (const [index, id] of ids.entries()) {
    if (index % 4 !== 0) continue;
    const month = String(journal.db.prepare('SELECT substr(work_date, 1, 7) FROM tasks WHERE id = ?').pluck().get(id));
    months.set(month, [...(months.get(month) ?? []), id]);
  }
  for (const [, monthIds] of [...months].sort()) {
    journal.db.transaction(() => {
      for (const [index, id] of monthIds.entries()) {
        if (index % 3 === 0) journal.tasks.update(id, { notes: `Follow-up: checked the output of task ${id} against the reference run; two fixes.` });
        else if (index % 3 === 1) journal.tasks.update(id, { title: `Revised task ${id}` });
        else journal.tasks.update(id, { humanSeconds: 7200, tokens: 120_000 });
        edits += 1;
      }
    })();
  }
  await engine.syncNow();
  const own = path.join(syncFolder, 'devices', engine.config()?.deviceId ?? '');
  const { bytes: ownFilesBytes, files: ownFiles } = folderBytes(own);
  log(`edits: ${edits.toLocaleString('en-US')}; this device's files: ${(ownFilesBytes / 1_048_576).toFixed(2)} MB in ${ownFiles} files (target ≤ 10 MB)`);

  // A second device joins (merges every month once).
  const peer = Journal.open(path.join(folder, 'sync-peer.db'));
  const peerEngine = new SyncEngine(peer.db);
  const joinStarted = performance.now();
  await peerEngine.init({ folder: syncFolder, deviceName: 'laptop' });
  const joinMs = performance.now() - joinStarted;
  log(`second device joins (merges ten years once): ${(joinMs / 1000).toFixed(1)} s`);

  // A peer's day: 30 new tasks and 10 edits on the laptop, then the desktop merges them.
  const runs: number[] = [];
  const warmRuns: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    const day = `2026-11-${String(10 + round).padStart(2, '0')}`;
    peer.tasks.createMany(Array.from({ length: 30 }, (_, index) => ({ workDate: day, title: `Laptop task ${round}-${index}`, humanSeconds: 3600, agentSeconds: 300, notes: 'Written on the laptop.' })));
    for (const id of (peer.db.prepare("SELECT id FROM tasks WHERE work_date LIKE '2026-11-%' ORDER BY id LIMIT 10").pluck().all() as number[])) {
      peer.tasks.update(id, { notes: `Edited on the laptop, round ${round}.` });
    }
    await peerEngine.syncNow();
    // Cold: a new engine (as the CLI or a restarted app has), the document read from disk.
    const cold = new SyncEngine(journal.db);
    const started = performance.now();
    await (round % 2 === 0 ? cold : engine).syncNow();
    (round % 2 === 0 ? runs : warmRuns).push(performance.now() - started);
  }
  const peerDayMergeMs = percentile(runs, 50);
  const peerDayMergeWarmMs = percentile(warmRuns, 50);
  log(`merging a peer's day (30 new tasks, 10 edits): ${peerDayMergeMs.toFixed(1)} ms with the month read from disk, ${peerDayMergeWarmMs.toFixed(1)} ms with it in memory (target < 100 ms)`);
  journal.close();
  peer.close();

  const script = await bundleProbe(folder);
  const offRuns = Array.from({ length: 7 }, () => probe(script, offFile).ms);
  const onRuns = Array.from({ length: 7 }, () => probe(script, onFile).ms);
  const deferred = Array.from({ length: 3 }, () => probe(script, onFile, 'merge').deferredMs ?? 0);
  const startupOffMs = percentile(offRuns, 50);
  const startupOnMs = percentile(onRuns, 50);
  const deferredMergeMs = percentile(deferred, 50);
  log(
    `start-up to the first window's data: sync off ${startupOffMs.toFixed(1)} ms, sync on ${startupOnMs.toFixed(1)} ms, ratio ${(startupOnMs / startupOffMs).toFixed(2)} (target ≤ 1.2); ` +
      `then, in the background, loading the engine and merging with nothing new: ${deferredMergeMs.toFixed(0)} ms`,
  );
  return { tasks: count, edits, firstSyncMs, joinMs, startupOffMs, startupOnMs, startupRatio: startupOnMs / startupOffMs, deferredMergeMs, peerDayMergeMs, peerDayMergeWarmMs, ownFilesBytes, ownFiles };
}

// `node scripts/bench/sync.ts [--tasks N]`: the sync figures alone.
if (import.meta.main) {
  const tasksArg = process.argv[process.argv.indexOf('--tasks') + 1];
  const count = process.argv.includes('--tasks') && tasksArg ? Number(tasksArg) : 110_000;
  const folder = fs.mkdtempSync(path.join((await import('node:os')).tmpdir(), 'leverage-bench-sync-'));
  try {
    await runSyncBench(folder, count, (line) => process.stdout.write(`${line}\n`));
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
