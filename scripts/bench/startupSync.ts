// Measures main-process start with sync on or off (bundled like startup.ts): open + migration check +
// the sync switch read + the first day query, i.e. until the first window has data. With sync on, the
// app then loads the sync engine and merges in the background; that is timed separately ("deferred").
import { Journal } from '../../src/core/journal.ts';
import { isSyncEnabledQuery } from '../../src/core/sync/syncSwitch.ts';

const [file, date, mode] = process.argv.slice(2);
if (!file || !date) throw new Error('usage: startupSync.ts DB_FILE DATE [merge]');
const start = process.hrtime.bigint();
const journal = Journal.open(file);
const syncOn = isSyncEnabledQuery(journal.db);
const summary = journal.metrics.day(date);
journal.tasks.listByDate(date);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
let deferredMs: number | null = null;
if (syncOn && mode === 'merge') {
  const deferredStart = process.hrtime.bigint();
  const { SyncEngine } = await import('../../src/core/sync/syncEngine.ts');
  await new SyncEngine(journal.db).syncNow();
  deferredMs = Number(process.hrtime.bigint() - deferredStart) / 1e6;
}
const rssMb = process.memoryUsage().rss / 1024 / 1024;
journal.close();
process.stdout.write(`${JSON.stringify({ ms, deferredMs, rssMb, syncOn, taskCount: summary.taskCount })}\n`);
