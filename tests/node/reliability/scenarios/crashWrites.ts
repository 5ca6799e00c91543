import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { dayTotalsMismatches, integrityProblems } from '../support/database.ts';
import { generatedTask, taskRowFields } from '../support/generatedTasks.ts';
import { seededRandom, sleep, startWorker } from '../support/processes.ts';

export interface CrashFigures {
  rounds: number;
  writesAcknowledged: number;
  writesLost: number;
  /** Rounds whose database failed integrity_check or whose day_totals disagreed with the tasks. */
  damagedRounds: number;
  problems: string[];
}

/**
 * Rounds of: a child writes tasks as fast as it can; SIGKILL at a random moment; then the database
 * must pass integrity_check, hold every task the child reported committed, complete, and its
 * day_totals must equal a recompute from the tasks. One file across rounds, as in real use.
 */
export async function runCrashWrites(rounds: number, options: { maxKillDelayMs?: number; seed?: number } = {}): Promise<CrashFigures> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'leverage-crash-'));
  const file = path.join(folder, 'leverage.db');
  const random = seededRandom(options.seed ?? 7);
  const figures: CrashFigures = { rounds: 0, writesAcknowledged: 0, writesLost: 0, damagedRounds: 0, problems: [] };
  let next = startWorker('writeTasks.ts', [file, '1']);
  try {
    for (let round = 1; round <= rounds; round += 1) {
      const seed = round;
      const worker = next;
      await worker.waitForLine((line) => line === 'loaded');
      // The next round's writer loads its modules while this round runs.
      if (round < rounds) next = startWorker('writeTasks.ts', [file, String(round + 1)]);
      worker.send('go');
      await worker.waitForLine((line) => line === 'ready');
      await sleep(5 + Math.floor(random() * (options.maxKillDelayMs ?? 400)));
      worker.child.kill('SIGKILL');
      const exit = await worker.exited;
      if (exit.signal !== 'SIGKILL') figures.problems.push(`round ${round}: writer ended by itself (${String(exit.code)}): ${worker.stderr()}`);

      const acknowledged = worker.lines.filter((line) => line.startsWith('C ')).map((line) => line.split(' ').map(Number) as [number, number, number]);
      const db = new Database(file);
      try {
        const problems = [...integrityProblems(db), ...dayTotalsMismatches(db)];
        if (problems.length > 0) {
          figures.damagedRounds += 1;
          figures.problems.push(`round ${round}: ${problems.slice(0, 5).join('; ')}`);
        }
        const get = db.prepare('SELECT * FROM tasks WHERE id = ?');
        for (const [, id, n] of acknowledged) {
          const row = get.get(id) as Record<string, unknown> | undefined;
          const expected = JSON.stringify(generatedTask(seed, n));
          if (!row || JSON.stringify(taskRowFields(row)) !== expected) {
            figures.writesLost += 1;
            if (figures.problems.length < 20) figures.problems.push(`round ${round}: task ${id} (#${n}) ${row ? 'is incomplete' : 'is missing'}`);
          }
        }
      } finally {
        db.close();
      }
      figures.rounds += 1;
      figures.writesAcknowledged += acknowledged.length;
    }
  } finally {
    next.child.kill('SIGKILL');
    await next.exited;
    fs.rmSync(folder, { recursive: true, force: true });
  }
  return figures;
}
