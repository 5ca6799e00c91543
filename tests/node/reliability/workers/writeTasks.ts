// Crash-test writer: writes tasks through the journal as fast as it can and prints
// "C <id> <n>" for each task once its transaction has committed. The parent SIGKILLs it.
import { Journal } from '../../../../src/core/journal.ts';
import { generatedTask } from '../support/generatedTasks.ts';
import { readLine } from '../support/processes.ts';

const [file, seedText] = process.argv.slice(2);
if (!file || !seedText) throw new Error('usage: writeTasks.ts DB SEED');
const seed = Number(seedText);
// Loading the modules is slow; the parent starts the next writer early and says "go" when its round begins.
process.stdout.write('loaded\n');
await readLine();
const journal = Journal.open(file);
const write = (text: string) => process.stdout.write(text);
write('ready\n');

for (let n = 0; ; n += 1) {
  if (n % 10 === 9) {
    // A batch: all of it or none of it is in the file.
    const numbers = [n * 1000 + 1, n * 1000 + 2, n * 1000 + 3];
    const tasks = journal.tasks.createMany(numbers.map((k) => generatedTask(seed, k)));
    write(tasks.map((task, index) => `C ${task.id} ${numbers[index]}\n`).join(''));
  } else {
    const task = journal.tasks.create(generatedTask(seed, n));
    write(`C ${task.id} ${n}\n`);
    // Deleting and restoring runs the day_totals triggers both ways; a kill in between leaves it deleted.
    if (n % 4 === 0) {
      journal.tasks.delete([task.id]);
      journal.tasks.restore([task.id]);
    }
  }
}
