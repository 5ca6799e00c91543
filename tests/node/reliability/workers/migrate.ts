// Migration crash-test child: opens (and so migrates) the database it is given, then says so.
import { openDatabase } from '../../../../src/core/store/database.ts';
import { readLine } from '../support/processes.ts';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: migrate.ts DB');
process.stdout.write('loaded\n');
await readLine();
process.stdout.write('migrating\n');
const opened = openDatabase(file);
opened.db.close();
process.stdout.write(`migrated ${opened.previousVersion}\n`);
