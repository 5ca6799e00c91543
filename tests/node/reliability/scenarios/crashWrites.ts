import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generatedTask, taskRowFields } from '../support/generatedTasks.ts';
import { runKillRounds } from '../support/killRounds.ts';

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
  const figures: CrashFigures = { rounds: 0, writesAcknowledged: 0, writesLost: 0, damagedRounds: 0, problems: [] };
  try {
    await runKillRounds({
      worker: 'writeTasks.ts',
      file: path.join(folder, 'leverage.db'),
      rounds,
      maxKillDelayMs: options.maxKillDelayMs ?? 400,
      seed: options.seed ?? 7,
      damaged(round, problems) {
        figures.damagedRounds += 1;
        figures.problems.push(`round ${round}: ${problems.slice(0, 5).join('; ')}`);
      },
      check(round, worker, db) {
        const acknowledged = worker.lines.filter((line) => line.startsWith('C ')).map((line) => line.split(' ').map(Number) as [number, number, number]);
        const get = db.prepare('SELECT * FROM tasks WHERE id = ?');
        for (const [, id, n] of acknowledged) {
          const row = get.get(id) as Record<string, unknown> | undefined;
          if (!row || JSON.stringify(taskRowFields(row)) !== JSON.stringify(generatedTask(round, n))) {
            figures.writesLost += 1;
            if (figures.problems.length < 20) figures.problems.push(`round ${round}: task ${id} (#${n}) ${row ? 'is incomplete' : 'is missing'}`);
          }
        }
        figures.rounds += 1;
        figures.writesAcknowledged += acknowledged.length;
      },
    });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  return figures;
}
