import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Journal } from '../../../../src/core/journal.ts';
import { SyncEngine } from '../../../../src/core/sync/syncEngine.ts';
import { generatedTask } from '../../reliability/support/generatedTasks.ts';
import { runKillRounds } from '../../reliability/support/killRounds.ts';

export interface CrashSyncFigures {
  rounds: number;
  killedDuringSync: number;
  writesAcknowledged: number;
  writesLost: number;
  lostAtPeer: number;
  damagedOwnFiles: number;
  damagedRounds: number;
  problems: string[];
}

/**
 * SIGKILL while a device writes tasks and syncs (saves its documents, merges a peer's), through the
 * crash harness: after every round the journal must be sound and hold every acknowledged task; at the
 * end, one sync from the survivor and one from the peer must bring every acknowledged task to the peer.
 * Between rounds the peer writes more tasks, so every round has something to merge.
 */
export async function runCrashSync(rounds: number, options: { maxKillDelayMs?: number } = {}): Promise<CrashSyncFigures> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'leverage-crash-sync-'));
  const folder = path.join(root, 'sync');
  const file = path.join(root, 'a.db');
  const figures: CrashSyncFigures = { rounds: 0, killedDuringSync: 0, writesAcknowledged: 0, writesLost: 0, lostAtPeer: 0, damagedOwnFiles: 0, damagedRounds: 0, problems: [] };
  const peer = Journal.open(path.join(root, 'b.db'));
  const peerEngine = new SyncEngine(peer.db);
  const acknowledgedTitles = new Set<string>();
  const peerWork: Promise<unknown>[] = [];
  try {
    const a = Journal.open(file);
    await new SyncEngine(a.db).init({ folder, deviceName: 'crashing' });
    a.close();
    await peerEngine.init({ folder, deviceName: 'peer' });
    peer.tasks.createMany(Array.from({ length: 300 }, (_, index) => ({ workDate: '2026-01-15', title: `peer ${index}`, humanSeconds: 3600, agentSeconds: 60, notes: 'x'.repeat(200) })));
    await peerEngine.syncNow();
    await runKillRounds({
      worker: 'syncWrites.ts',
      file,
      rounds,
      maxKillDelayMs: options.maxKillDelayMs ?? 1500,
      seed: 31,
      damaged(round, problems) {
        figures.damagedRounds += 1;
        figures.problems.push(`round ${round}: ${problems.slice(0, 5).join('; ')}`);
      },
      check(round, worker, db) {
        const acknowledged = worker.lines.filter((line) => line.startsWith('C ')).map((line) => line.split(' ').map(Number) as [number, number, number]);
        const get = db.prepare('SELECT title FROM tasks WHERE id = ? AND deleted_at IS NULL');
        for (const [, id, n] of acknowledged) {
          const expected = generatedTask(round, n).title;
          const row = get.get(id) as { title: string } | undefined;
          if (row?.title !== expected) {
            figures.writesLost += 1;
            figures.problems.push(`round ${round}: task ${id} (#${n}) is missing`);
          }
          acknowledgedTitles.add(expected);
        }
        if (worker.lines.at(-1) === 'B') figures.killedDuringSync += 1;
        figures.writesAcknowledged += acknowledged.length;
        figures.rounds += 1;
        // The peer adds more while the crashing device is down; its sync runs synchronously (no key).
        peer.tasks.create({ workDate: '2026-01-20', title: `peer round ${round}`, humanSeconds: 600, agentSeconds: 60 });
        peerWork.push(peerEngine.syncNow().catch((error: unknown) => figures.problems.push(`peer sync after round ${round}: ${(error as Error).message}`)));
      },
    });
    await Promise.all(peerWork);
    const survivor = Journal.open(file);
    await new SyncEngine(survivor.db).syncNow();
    survivor.close();
    await peerEngine.syncNow();
    const atPeer = new Set((peer.db.prepare('SELECT title FROM tasks WHERE deleted_at IS NULL').all() as { title: string }[]).map((row) => row.title));
    for (const title of acknowledgedTitles) {
      if (!atPeer.has(title)) {
        figures.lostAtPeer += 1;
        if (figures.problems.length < 20) figures.problems.push(`"${title}" never reached the peer`);
      }
    }
    figures.damagedOwnFiles = fs.readdirSync(folder, { recursive: true }).filter((name) => String(name).includes('.damaged-')).length;
    if (figures.damagedOwnFiles > 0) figures.problems.push(`${figures.damagedOwnFiles} own document file(s) were damaged`);
  } finally {
    peer.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
  return figures;
}
