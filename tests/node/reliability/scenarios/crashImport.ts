import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importDates, importedTitle, TASKS_PER_POST } from '../support/generatedPosts.ts';
import { runKillRounds } from '../support/killRounds.ts';

export interface ImportCrashFigures {
  rounds: number;
  importsAcknowledged: number;
  /** Acknowledged imports with a task missing: must be 0. */
  importsLost: number;
  /** Imports found partly written (some days or tasks but not all): must be 0. */
  partialImports: number;
  damagedRounds: number;
  problems: string[];
}

/** Rounds of: a child imports multi-post files as fast as it can; SIGKILL; every import is all there or not at all. */
export async function runCrashImport(rounds: number, options: { maxKillDelayMs?: number; seed?: number } = {}): Promise<ImportCrashFigures> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'leverage-import-crash-'));
  const figures: ImportCrashFigures = { rounds: 0, importsAcknowledged: 0, importsLost: 0, partialImports: 0, damagedRounds: 0, problems: [] };
  try {
    await runKillRounds({
      worker: 'importPosts.ts',
      file: path.join(folder, 'leverage.db'),
      rounds,
      maxKillDelayMs: options.maxKillDelayMs ?? 400,
      seed: options.seed ?? 13,
      damaged(round, problems) {
        figures.damagedRounds += 1;
        figures.problems.push(`round ${round}: ${problems.slice(0, 5).join('; ')}`);
      },
      check(round, worker, db) {
        const acknowledged = worker.lines.filter((line) => line.startsWith('I ')).map((line) => Number(line.slice(2)));
        const titlesOn = db.prepare('SELECT title FROM tasks WHERE work_date = ? AND deleted_at IS NULL').pluck();
        const last = acknowledged.length > 0 ? Math.max(...acknowledged) : -1;
        // Every acknowledged import, the one in flight when the kill came, and one more (which must be absent).
        for (let i = 0; i <= last + 2; i += 1) {
          const perDay = importDates(round, i).map((date) => {
            const titles = new Set(titlesOn.all(date) as string[]);
            const expected = Array.from({ length: TASKS_PER_POST }, (_, k) => importedTitle(date, k));
            if (titles.size === TASKS_PER_POST && expected.every((title) => titles.has(title))) return 'all';
            return titles.size === 0 ? 'none' : 'partial';
          });
          const whole = perDay.every((state) => state === 'all');
          if (i <= last && !whole) {
            figures.importsLost += 1;
            figures.problems.push(`round ${round}: acknowledged import ${i} is ${perDay.join('/')}`);
          } else if (!whole && !perDay.every((state) => state === 'none')) {
            figures.partialImports += 1;
            figures.problems.push(`round ${round}: import ${i} was partly written (${perDay.join('/')})`);
          }
        }
        figures.rounds += 1;
        figures.importsAcknowledged += acknowledged.length;
      },
    });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  return figures;
}
