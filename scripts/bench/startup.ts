// Measures main-process start against an existing database: open + migration check + the first
// day query (what the app does before its first window has data). Prints one JSON line.
import { Journal } from '../../src/core/journal.ts';

const [file, date] = process.argv.slice(2);
if (!file || !date) throw new Error('usage: startup.ts DB_FILE DATE');
const start = process.hrtime.bigint();
const journal = Journal.open(file);
const summary = journal.metrics.day(date);
journal.tasks.listByDate(date);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
const rssMb = process.memoryUsage().rss / 1024 / 1024;
journal.close();
process.stdout.write(`${JSON.stringify({ ms, rssMb, taskCount: summary.taskCount })}\n`);
