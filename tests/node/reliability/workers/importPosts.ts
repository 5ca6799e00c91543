// Import crash-test child: imports files of posts through commitImport as fast as it can and prints
// "I <i>" once import number i has committed. The parent SIGKILLs it.
import { commitImport } from '../../../../src/core/import/commitImport.ts';
import { Journal } from '../../../../src/core/journal.ts';
import { importText } from '../support/generatedPosts.ts';
import { readLine } from '../support/processes.ts';

const [file, seedText] = process.argv.slice(2);
if (!file || !seedText) throw new Error('usage: importPosts.ts DB SEED');
const seed = Number(seedText);
process.stdout.write('loaded\n');
await readLine();
const journal = Journal.open(file);
process.stdout.write('ready\n');
for (let i = 0; ; i += 1) {
  commitImport(journal, importText(seed, i), { fileName: `import-${i}.md` });
  process.stdout.write(`I ${i}\n`);
}
