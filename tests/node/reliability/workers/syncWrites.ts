// Crash-test writer for sync: writes tasks into a journal with sync on, printing "C <id> <n>" once
// each commits, and every fifth task runs a sync (fold the outbox, merge the peer's files, write this
// device's documents), printing "B" before and "S" after. The parent SIGKILLs it at a random moment.
import { Journal } from '../../../../src/core/journal.ts';
import { SyncEngine } from '../../../../src/core/sync/syncEngine.ts';
import { generatedTask } from '../support/generatedTasks.ts';
import { readLine } from '../support/processes.ts';

const [file, seedText] = process.argv.slice(2);
if (!file || !seedText) throw new Error('usage: syncWrites.ts DB SEED');
const seed = Number(seedText);
process.stdout.write('loaded\n');
await readLine();
const journal = Journal.open(file);
const engine = new SyncEngine(journal.db);
const write = (text: string) => process.stdout.write(text);
write('ready\n');

for (let n = 0; ; n += 1) {
  const task = journal.tasks.create(generatedTask(seed, n));
  write(`C ${task.id} ${n}\n`);
  if (n % 5 === 4) {
    write('B\n');
    await engine.syncNow();
    write('S\n');
  }
}
