// `npm run bench [-- --json] [-- --sizes 10000,100000]`: seeds journals of 10k, 100k and 1M tasks
// in a temp folder and prints medians of repeated runs for the store, the metric engine, the post
// export and start-up, each next to its floor (raw better-sqlite3 / a naive full-scan GROUP BY),
// and the bundled CLI's start-up next to `node -e 0` (`node scripts/bench/cliStartup.ts` alone).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { rolldown } from 'rolldown';
import { createCoreHandlers, type CoreHandlerTable } from '../../src/core/ipc/coreHandlers.ts';
import { invokeHandler, type HandlerTable } from '../../src/core/ipc/invokeHandler.ts';
import { Journal } from '../../src/core/journal.ts';
import { openDatabase } from '../../src/core/store/database.ts';
import { ipcContract } from '../../src/shared/ipc/contract.ts';
import { isoWeekOf, isoWeekRange, shiftDate } from '../../src/shared/metrics/periods.ts';
import type { NewTask } from '../../src/shared/domain/task.ts';
import { measureCliStartup, type CliStartupFigures } from './cliStartup.ts';
import { measureRenderer, type RendererFigures } from './renderer.ts';
import { runSyncBench, type SyncBenchFigures } from './sync.ts';
import { generateTasks } from './seedData.ts';
import { medianMs, percentile, timeMs } from './timing.ts';

const LAST_DATE = '2026-11-20';
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const sizesArg = args[args.indexOf('--sizes') + 1];
const sizes = args.includes('--sizes') && sizesArg ? sizesArg.split(',').map(Number) : [10_000, 100_000, 1_000_000];
const skipRenderer = args.includes('--no-renderer');
const skipSync = args.includes('--no-sync');
const syncTasksArg = args[args.indexOf('--sync-tasks') + 1];
const syncTasks = args.includes('--sync-tasks') && syncTasksArg ? Number(syncTasksArg) : 110_000;
const log = (line: string) => {
  if (!asJson) process.stdout.write(`${line}\n`);
};

interface QueryFigure {
  name: string;
  ms: number;
  fullScanMs: number;
  ratio: number;
}
interface SizeFigures {
  tasks: number;
  days: number;
  insertApiMs: number;
  insertRawMs: number;
  insertRatio: number;
  insertValidatingMs: number;
  addTaskP50Ms: number;
  addTaskP99Ms: number;
  queries: QueryFigure[];
  postExportMs: number;
  startupMs: number;
  startupRssMb: number;
}

const INSERT_SQL = `INSERT INTO tasks (work_date, title, workstream, human_seconds, agent_seconds, supervision_seconds, tokens, model, notes, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** The floor: one prepared statement, positional parameters, one transaction, same schema and triggers. */
function rawInsert(file: string, tasks: readonly NewTask[]): number {
  const { db } = openDatabase(file);
  const insert = db.prepare(INSERT_SQL);
  const now = new Date().toISOString();
  const ms = timeMs(() => db.transaction(() => {
    for (const task of tasks) {
      insert.run(task.workDate, task.title, task.workstream, task.humanSeconds, task.agentSeconds, task.supervisionSeconds, task.tokens, task.model, task.notes, now, now);
    }
  })());
  db.close();
  return ms;
}

/** Naive answers straight from the tasks table (full scan, no index, no per-day totals). */
function fullScan(db: Database.Database, groupBy: string, where = ''): () => unknown {
  const statement = db.prepare(
    `SELECT ${groupBy} AS period, count(*), sum(human_seconds), sum(agent_seconds), sum(supervision_seconds), sum(tokens)
     FROM tasks NOT INDEXED WHERE deleted_at IS NULL ${where} GROUP BY period`,
  );
  return () => statement.all();
}

/**
 * The start-up probe bundled to plain JavaScript, as the app's main process is: running the .ts file
 * directly would add Node's TypeScript stripper (~250 MB of RSS) to the figure.
 */
let bundledStartup: string | null = null;
async function bundleStartupScript(folder: string): Promise<string> {
  if (bundledStartup) return bundledStartup;
  const file = path.join(folder, 'startup.mjs');
  const bundle = await rolldown({ input: path.join(import.meta.dirname, 'startup.ts'), platform: 'node', external: ['better-sqlite3'] });
  await bundle.write({ file, format: 'esm' });
  await bundle.close();
  // Resolve better-sqlite3 from the project's node_modules.
  fs.symlinkSync(path.resolve(import.meta.dirname, '../../node_modules'), path.join(folder, 'node_modules'));
  bundledStartup = file;
  return file;
}

async function measureSize(count: number, folder: string): Promise<SizeFigures> {
  log(`\n== ${count.toLocaleString('en-US')} tasks`);
  const tasks = [...generateTasks(count, LAST_DATE)];
  const days = new Set(tasks.map((task) => task.workDate)).size;

  const apiFile = path.join(folder, `api-${count}.db`);
  const journal = Journal.open(apiFile);
  // The bulk path importers use (tasks parsed at the boundary), and the path that parses every task again.
  const insertApiMs = timeMs(() => journal.tasks.insertValidated(tasks));
  const validatingJournal = Journal.open(path.join(folder, `validating-${count}.db`));
  const insertValidatingMs = timeMs(() => validatingJournal.tasks.createMany(tasks));
  validatingJournal.close();
  const insertRawMs = rawInsert(path.join(folder, `raw-${count}.db`), tasks);
  log(
    `insert: api ${insertApiMs.toFixed(0)} ms, raw ${insertRawMs.toFixed(0)} ms, ratio ${(insertApiMs / insertRawMs).toFixed(2)}` +
      ` (validating every task again: ${insertValidatingMs.toFixed(0)} ms, ratio ${(insertValidatingMs / insertRawMs).toFixed(2)})`,
  );

  const handlers = { ...createCoreHandlers(journal) } as CoreHandlerTable as HandlerTable;
  const addTimes: number[] = [];
  for (let index = 0; index < 2000; index += 1) {
    const input = { workDate: LAST_DATE, title: `bench add ${index}`, humanSeconds: 3600, agentSeconds: 300, tokens: 1000 };
    const start = process.hrtime.bigint();
    const result = await invokeHandler(ipcContract, handlers, 'createTask', input);
    addTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (!result.ok) throw new Error(result.error.message);
  }
  journal.tasks.delete(journal.tasks.listByDate(LAST_DATE).filter((task) => task.title.startsWith('bench add')).map((task) => task.id));
  log(`add one task via the IPC handler: p50 ${percentile(addTimes, 50).toFixed(3)} ms, p99 ${percentile(addTimes, 99).toFixed(3)} ms`);

  const week = isoWeekOf(LAST_DATE);
  const weekRange = isoWeekRange(week);
  const yearRange = { from: shiftDate(LAST_DATE, -364), to: LAST_DATE };
  const weekKey = "date(work_date, '-6 days', 'weekday 1')";
  const db = journal.db;
  const cases: [string, () => unknown, () => unknown][] = [
    ['day figures', () => journal.metrics.day(LAST_DATE), fullScan(db, 'work_date', `AND work_date = '${LAST_DATE}'`)],
    ['week figures', () => journal.metrics.week(week), fullScan(db, weekKey, `AND work_date BETWEEN '${weekRange.from}' AND '${weekRange.to}'`)],
    ['weekly series, all history', () => journal.metrics.weeklySeries(), fullScan(db, weekKey)],
    ['daily series, one year', () => journal.metrics.dailySeries(yearRange), fullScan(db, 'work_date', `AND work_date BETWEEN '${yearRange.from}' AND '${yearRange.to}'`)],
    ['cumulative figures', () => journal.metrics.cumulative(), fullScan(db, "'all'")],
  ];
  const queries = cases.map(([name, run, naive]) => {
    const ms = medianMs(run);
    const fullScanMs = medianMs(naive, 3);
    log(`${name.padEnd(28)} ${ms.toFixed(3).padStart(9)} ms   full scan ${fullScanMs.toFixed(1).padStart(8)} ms   ratio ${(ms / fullScanMs).toFixed(4)}`);
    return { name, ms, fullScanMs, ratio: ms / fullScanMs };
  });

  const postExportMs = medianMs(() => journal.dailyPost(LAST_DATE), 21);
  log(`day's post export: ${postExportMs.toFixed(3)} ms`);
  journal.db.pragma('wal_checkpoint(TRUNCATE)');
  journal.close();

  const startupScript = await bundleStartupScript(folder);
  const startupRuns = Array.from({ length: 5 }, () =>
    JSON.parse(execFileSync(process.execPath, [startupScript, apiFile, LAST_DATE], { encoding: 'utf8' })) as {
      ms: number;
      rssMb: number;
    },
  );
  const startupMs = percentile(startupRuns.map((run) => run.ms), 50);
  const startupRssMb = percentile(startupRuns.map((run) => run.rssMb), 50);
  log(`start-up (open + migrate check + first day query): ${startupMs.toFixed(1)} ms, RSS ${startupRssMb.toFixed(0)} MB`);

  return {
    tasks: count,
    days,
    insertApiMs,
    insertRawMs,
    insertRatio: insertApiMs / insertRawMs,
    insertValidatingMs,
    addTaskP50Ms: percentile(addTimes, 50),
    addTaskP99Ms: percentile(addTimes, 99),
    queries,
    postExportMs,
    startupMs,
    startupRssMb,
  };
}

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'leverage-bench-'));
try {
  log(`Leverage Journal benchmark — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${os.platform()}`);
  const figures: SizeFigures[] = [];
  for (const size of sizes) figures.push(await measureSize(size, folder));
  const cli: CliStartupFigures = await measureCliStartup(folder, log);
  let renderer: RendererFigures | null = null;
  if (!skipRenderer) {
    renderer = await measureRenderer(log);
  }
  const sync: SyncBenchFigures | null = skipSync ? null : await runSyncBench(folder, syncTasks, log);
  if (asJson) process.stdout.write(`${JSON.stringify({ machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version }, sizes: figures, cli, renderer, sync }, null, 2)}
`);
} finally {
  fs.rmSync(folder, { recursive: true, force: true });
}
