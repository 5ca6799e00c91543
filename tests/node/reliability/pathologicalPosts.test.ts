import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { Journal } from '../../../src/core/journal.ts';
import { leverage } from '../cli/runCli.ts';
import { tempFolder } from '../helpers/tempJournal.ts';

/**
 * Pathological and hostile inputs to `leverage import` (written as the probe found them): each is
 * refused with one `leverage: FILE: …` line and exit 1, nothing is written, and the journal takes
 * a write right after. Time and the process's peak memory are printed for each, not asserted.
 */
let folder = '';
const TABLE = '| Task | Human Est. | Claude | Leverage |\n|---|---|---|---|\n| A task | 2h | 10min | 12x |\n';
const figures: string[] = [];

function write(name: string, content: string | Buffer): string {
  const file = path.join(folder, name);
  fs.writeFileSync(file, content);
  return file;
}

const CASES: [string, () => string, RegExp][] = [
  ['40 KB of * in a markdown post', () => write('stars.md', `# Leverage Record: March 1, 2026\n\n${'*a'.repeat(20_000)}\n\n${TABLE}`), /emphasis markers/],
  ['a 2 MB nested list', () => write('list.md', `${TABLE}\n${Array.from({ length: 2_000 }, (_, depth) => `${'  '.repeat(depth)}- item`).join('\n')}\n`), /nests \d[\d,]* levels deep|characters of text/],
  ['100 KB of >', () => write('quotes.md', `${TABLE}\n${'>'.repeat(100_000)} deep\n`), /nests 100,000 levels deep/],
  ['a 19.5 MB post', () => write('huge.md', `${TABLE}${'| Another task | 2h | 10min | 12x |\n'.repeat(560_000)}`), /is 1\d\.\d MB; a post import reads at most 10 MB/],
  ['saved HTML nested 100,000 deep', () => write('deep.html', `<!DOCTYPE html><html><body>${'<div>'.repeat(100_000)}</body></html>`), /nests its HTML elements 100,\d+ deep/],
  ['a 200 MB file', () => {
    const file = path.join(folder, 'big.txt');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 200 * 1024 * 1024);
    return file;
  }, /is 200\.0 MB/],
  ['a table with 100,000 rows', () => write('rows.txt', `Task Human Est. Claude Leverage\n${'Row 2h 10min 12x\n'.repeat(100_000)}`), /holds more than 5,000 lines/],
  ['a binary file', () => write('binary.md', Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256))), /is a binary file/],
  ['a file that is no post', () => write('letter.txt', 'Dear diary,\ntoday I fixed 3 bugs.\n'), /holds no Leverage Record task table/],
];

afterAll(() => {
  console.log(`pathological posts (time, peak RSS of the test process):\n${figures.join('\n')}`);
});

describe('leverage import refuses pathological and hostile files', () => {
  for (const [name, make, reason] of CASES) {
    test(name, async () => {
      folder = tempFolder();
      const db = path.join(folder, 'journal.db');
      const file = make();
      for (const dryRun of [true, false]) {
        const started = performance.now();
        const run = await leverage(db, 'import', file, ...(dryRun ? ['--dry-run'] : []));
        const seconds = (performance.now() - started) / 1000;
        figures.push(`  ${name}${dryRun ? ' (dry run)' : ''}: ${seconds.toFixed(2)} s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
        expect(run.code).toBe(1);
        const lines = run.stderr.trimEnd().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(new RegExp(`^leverage: (Nothing imported: )?${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
        expect(lines[0]).toMatch(reason);
        expect(run.stderr).not.toMatch(/\bat .*:\d+:\d+|RangeError|TypeError|Error:/);
      }
      // Nothing written, and the write lock is free.
      const journal = Journal.open(db);
      try {
        expect(journal.tasks.query({}).total).toBe(0);
        journal.tasks.createMany([{ workDate: '2026-03-01', title: 'still writable', humanSeconds: 3600, agentSeconds: 60, supervisionSeconds: null, tokens: null }]);
        journal.tasks.delete(journal.tasks.listByDate('2026-03-01').map((task) => task.id));
      } finally {
        journal.close();
      }
    }, 120_000);
  }
});
