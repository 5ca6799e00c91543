/**
 * Opens the journal given as argv[2] the way the app does, prints "open", and keeps it open (idle)
 * until a line arrives on stdin: "another process has the journal open".
 */
import { Journal } from '../../../../src/core/journal.ts';
import { readLine } from '../support/processes.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: holdJournal.ts FILE');
const journal = Journal.open(file);
journal.tasks.listByDate('2026-01-01');
process.stdout.write('open\n');
await readLine();
journal.close();
