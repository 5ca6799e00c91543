import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Journal } from '../../../../src/core/journal.ts';
import { dayTotalsMismatches, integrityProblems } from '../support/database.ts';
import { generatedTask } from '../support/generatedTasks.ts';
import { runCliProcess } from '../support/processes.ts';

export interface ConcurrencyFigures {
  cliWrites: number;
  appWrites: number;
  writesAcknowledged: number;
  writesLost: number;
  /** Errors either side saw (SQLITE_BUSY or anything else): must be 0. */
  errors: number;
  /** CLI writes after which the app's dataVersion() had not changed: must be 0. */
  changesUnseen: number;
  problems: string[];
}

/**
 * The CLI (separate processes, `leverage add`) adds tasks while the app's journal writes in a loop
 * (creates, edits, deletes, day records) on the same file. Nothing may surface SQLITE_BUSY, nothing
 * may be lost, and the app's change detection must see every CLI commit.
 */
export async function runConcurrentWriters(cliTasks: number, options: { parallelCli?: number } = {}): Promise<ConcurrencyFigures> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'leverage-concurrency-'));
  const file = path.join(folder, 'leverage.db');
  const journal = Journal.open(file);
  const figures: ConcurrencyFigures = { cliWrites: 0, appWrites: 0, writesAcknowledged: 0, writesLost: 0, errors: 0, changesUnseen: 0, problems: [] };
  const appIds: number[] = [];
  const cliIds: { id: number; title: string }[] = [];
  let running = true;

  const appLoop = (async () => {
    for (let n = 0; running; n += 1) {
      let operation = 'create';
      try {
        const task = journal.tasks.create(generatedTask(1, n));
        appIds.push(task.id);
        figures.appWrites += 1;
        operation = 'update';
        if (n % 3 === 1) journal.tasks.update(task.id, { title: `edited ${n}`, notes: `edited notes ${n}` });
        operation = 'delete';
        if (n % 5 === 2) journal.tasks.delete([task.id]);
        operation = 'days.update';
        if (n % 7 === 3) journal.days.update('2026-01-03', { intro: `intro ${n}` });
      } catch (error) {
        figures.errors += 1;
        figures.problems.push(`app ${operation} (write ${n}): ${(error as Error).message}`);
      }
      // Yield so the CLI processes' results are read; the write itself is as fast as the store allows.
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();

  const cliStream = async (stream: number, count: number) => {
    for (let k = 0; k < count; k += 1) {
      const title = `cli ${stream}.${k} <script>alert(1)</script>`;
      const before = journal.dataVersion();
      const result = await runCliProcess(['--db', file, 'add', '--date', '2026-01-04', '--title', title, '--human', '3h', '--agent', '12m', '--json']);
      figures.cliWrites += 1;
      if (result.code !== 0) {
        figures.errors += 1;
        figures.problems.push(`cli ${stream}.${k} exited ${String(result.code)}: ${result.stderr.trim()}`);
        continue;
      }
      cliIds.push({ id: (JSON.parse(result.stdout) as { id: number }).id, title });
      if (journal.dataVersion() === before) figures.changesUnseen += 1;
    }
  };

  try {
    const parallel = options.parallelCli ?? 2;
    await Promise.all(Array.from({ length: parallel }, (_, stream) => cliStream(stream, Math.ceil(cliTasks / parallel))));
    running = false;
    await appLoop;

    figures.writesAcknowledged = appIds.length + cliIds.length;
    const get = journal.db.prepare('SELECT title FROM tasks WHERE id = ?');
    for (const { id, title } of cliIds) {
      const row = get.get(id) as { title: string } | undefined;
      if (row?.title !== title) figures.writesLost += 1;
    }
    for (const id of appIds) if (!get.get(id)) figures.writesLost += 1;
    const visible = new Set(journal.tasks.listByDate('2026-01-04').map((task) => task.id));
    for (const { id } of cliIds) if (!visible.has(id)) figures.problems.push(`the app does not list CLI task ${id}`);
    figures.problems.push(...integrityProblems(journal.db), ...dayTotalsMismatches(journal.db));
  } finally {
    running = false;
    await appLoop;
    journal.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
  return figures;
}
