import Database from 'better-sqlite3';
import { dayTotalsMismatches, integrityProblems } from './database.ts';
import { seededRandom, sleep, startWorker, type Worker } from './processes.ts';

export interface KillRoundOptions {
  /** The worker script (tests/node/reliability/workers) and the database file it writes. */
  readonly worker: string;
  readonly file: string;
  readonly rounds: number;
  readonly maxKillDelayMs: number;
  readonly seed: number;
  /** Checks one round's database after the kill; `worker.lines` holds what the child acknowledged. */
  readonly check: (round: number, worker: Worker, db: Database.Database) => void;
  /** Records a round whose file failed integrity_check or whose day_totals disagree with its tasks. */
  readonly damaged: (round: number, problems: string[]) => void;
}

/**
 * Rounds of: start the worker (with the round number as its seed), let it write for a random
 * time, SIGKILL it, then open the file (SQLite recovers its journal) and check it. Each round's
 * worker is started one round early, so loading its modules overlaps the previous round.
 */
export async function runKillRounds(options: KillRoundOptions): Promise<void> {
  const random = seededRandom(options.seed);
  let next = startWorker(options.worker, [options.file, '1']);
  try {
    for (let round = 1; round <= options.rounds; round += 1) {
      const worker = next;
      await worker.waitForLine((line) => line === 'loaded');
      if (round < options.rounds) next = startWorker(options.worker, [options.file, String(round + 1)]);
      worker.send('go');
      await worker.waitForLine((line) => line === 'ready');
      await sleep(5 + Math.floor(random() * options.maxKillDelayMs));
      worker.child.kill('SIGKILL');
      const exit = await worker.exited;
      if (exit.signal !== 'SIGKILL') options.damaged(round, [`the worker ended by itself (${String(exit.code)}): ${worker.stderr()}`]);
      const db = new Database(options.file);
      try {
        const problems = [...integrityProblems(db), ...dayTotalsMismatches(db)];
        if (problems.length > 0) options.damaged(round, problems);
        options.check(round, worker, db);
      } finally {
        db.close();
      }
    }
  } finally {
    next.child.kill('SIGKILL');
    await next.exited;
  }
}
