import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contentOf, hashOf, integrityOf, ownId, startDeviceProcess, type CliDevice, type DeviceProcess } from '../support/devices.ts';
import { createSyncthingPair, rescan, setPeerPaused, startSyncthing, stopSyncthing, waitFor, waitUntilConnected, type SyncthingInstance } from '../support/syncthing.ts';

export interface SyncthingFigures {
  offlineRounds: number;
  acknowledged: number;
  lost: number;
  conflictsShown: number;
  hashesEqual: boolean;
  propagationMs: number[];
  problems: string[];
}

function filesDigest(folder: string, deviceId: string): string {
  const dir = path.join(folder, 'devices', deviceId);
  if (!fs.existsSync(dir)) return '';
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.ljsync'))
    .sort()
    .map((name) => `${name}:${createHash('sha256').update(fs.readFileSync(path.join(dir, name))).digest('hex')}`)
    .join(',');
}

function idOf(listJson: string, title: string): string {
  const found = (JSON.parse(listJson) as { id: number; title: string }[]).find((task) => task.title === title);
  if (!found) throw new Error(`no task "${title}"`);
  return String(found.id);
}

/**
 * Two devices whose sync folders are carried by two real Syncthing instances on 127.0.0.1. Each round
 * takes the devices offline from each other (paused in Syncthing), edits on both (the same task on
 * both), brings them back, and syncs until both journals hold the same data.
 */
export async function runOverSyncthing(rounds: number, timeoutMs = 60_000): Promise<SyncthingFigures> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'leverage-syncthing-'));
  const figures: SyncthingFigures = { offlineRounds: 0, acknowledged: 0, lost: 0, conflictsShown: 0, hashesEqual: false, propagationMs: [], problems: [] };
  const instances = await createSyncthingPair(root);
  const [one, two] = instances;
  const processes: DeviceProcess[] = [];
  try {
    for (const instance of instances) startSyncthing(instance);
    await waitUntilConnected(one, two, timeoutMs);
    const a: CliDevice = { name: 'a', db: path.join(root, 'a.db'), folder: one.folder, clockSkewMs: 0 };
    const b: CliDevice = { name: 'b', db: path.join(root, 'b.db'), folder: two.folder, clockSkewMs: 0 };
    const [runA, runB] = [await startDeviceProcess(a), await startDeviceProcess(b)];
    processes.push(runA, runB);
    const arrived = async (from: CliDevice, to: SyncthingInstance, via: SyncthingInstance) => {
      const id = ownId(from) ?? '';
      await rescan(via);
      figures.propagationMs.push(await waitFor(`${from.name}'s files at ${to.name}`, () => filesDigest(to.folder, id) === filesDigest(from.folder, id), timeoutMs));
    };
    const day = ['--date', '2026-09-01'];
    await runA.run(['add', '--title', 'Carried by Syncthing', '--human', '2h', '--agent', '4m', ...day]);
    await runA.run(['sync', 'init', '--folder', a.folder, '--device', 'a']);
    await waitFor('the manifest at two', () => fs.existsSync(path.join(two.folder, 'leverage-journal.sync.json')), timeoutMs);
    await arrived(a, two, one);
    await runB.run(['sync', 'init', '--folder', b.folder, '--device', 'b']);
    await arrived(b, one, two);
    await runA.run(['sync', 'now']);
    const expected: string[] = ['Carried by Syncthing'];
    for (let round = 1; round <= rounds; round += 1) {
      await setPeerPaused(one, two, true);
      await setPeerPaused(two, one, true);
      const shared = idOf(await runA.run(['list', ...day, '--json']), 'Carried by Syncthing');
      const sharedOnB = idOf(await runB.run(['list', ...day, '--json']), 'Carried by Syncthing');
      await runA.run(['edit', shared, '--human', `${2 + round}h`]);
      await runB.run(['edit', sharedOnB, '--agent', `${4 + round}m`]);
      await runA.run(['edit', shared, '--model', `model-a-${round}`]);
      await runB.run(['edit', sharedOnB, '--model', `model-b-${round}`]);
      await runA.run(['add', '--title', `A round ${round}`, '--human', '1h', '--agent', '1m', ...day]);
      await runB.run(['add', '--title', `B round ${round}`, '--human', '1h', '--agent', '1m', ...day]);
      expected.push(`A round ${round}`, `B round ${round}`);
      figures.acknowledged += 6;
      await runA.run(['sync', 'now']);
      await runB.run(['sync', 'now']);
      await setPeerPaused(one, two, false);
      await setPeerPaused(two, one, false);
      await waitUntilConnected(one, two, timeoutMs);
      await arrived(a, two, one);
      await arrived(b, one, two);
      await runA.run(['sync', 'now']);
      await runB.run(['sync', 'now']);
      await arrived(a, two, one);
      await arrived(b, one, two);
      await runA.run(['sync', 'now']);
      await runB.run(['sync', 'now']);
      figures.offlineRounds += 1;
      const content = contentOf(b);
      const titles = new Set(content.tasks.filter((row) => row[11] === null).map((row) => row[2]));
      const missing = expected.filter((title) => !titles.has(title));
      const sharedRow = content.tasks.find((row) => row[2] === 'Carried by Syncthing');
      if (sharedRow?.[4] !== (2 + round) * 3600) missing.push(`human ${2 + round}h`);
      if (sharedRow?.[5] !== (4 + round) * 60) missing.push(`agent ${4 + round}m`);
      const modelConflict = content.conflicts.find((row) => row[2] === 'model');
      const models = [String(sharedRow?.[8]), ...(modelConflict ? (JSON.parse(String(modelConflict[4])) as string[]) : [])];
      if (models.includes(`model-a-${round}`) && models.includes(`model-b-${round}`)) figures.conflictsShown += 1;
      else missing.push(`one of the round's models (${models.join(', ')})`);
      figures.lost += missing.length;
      for (const item of missing) figures.problems.push(`round ${round}: lost ${item}`);
      const hashes = [hashOf(a), hashOf(b)];
      figures.hashesEqual = hashes[0] === hashes[1];
      if (!figures.hashesEqual) figures.problems.push(`round ${round}: the journals differ (${hashes.join(' ≠ ')})`);
      for (const device of [a, b]) if (integrityOf(device) !== 'ok') figures.problems.push(`round ${round}: ${device.name} integrity_check failed`);
      // Keep the model the person prefers, so the next round starts without an open conflict.
      await runA.run(['sync', 'resolve', shared, 'model', '--keep', 'current']);
      await arrived(a, two, one);
      await runB.run(['sync', 'now']);
    }
    return figures;
  } catch (error) {
    figures.problems.push(`${(error as Error).message}\nsyncthing one: ${one.log.slice(-1500)}\nsyncthing two: ${two.log.slice(-1500)}`);
    return figures;
  } finally {
    for (const entry of processes) await entry.stop();
    for (const instance of instances) await stopSyncthing(instance);
    fs.rmSync(root, { recursive: true, force: true });
  }
}
