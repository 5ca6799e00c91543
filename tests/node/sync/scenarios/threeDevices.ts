import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contentOf, deliver, hashOf, integrityOf, makeDevice, restore, snapshot, startDeviceProcess, type CliDevice, type DeviceProcess } from '../support/devices.ts';

export interface ThreeDeviceFigures {
  orders: number;
  processes: number;
  hashes: string[];
  acknowledged: number;
  lost: number;
  conflictsShown: number;
  problems: string[];
}

const PERMUTATIONS = [
  [0, 1, 2],
  [0, 2, 1],
  [1, 0, 2],
  [1, 2, 0],
  [2, 0, 1],
  [2, 1, 0],
] as const;

function idOf(listJson: string, title: string): string {
  const found = (JSON.parse(listJson) as { id: number; title: string }[]).find((task) => task.title === title);
  if (!found) throw new Error(`no task "${title}" in ${listJson}`);
  return String(found.id);
}

/**
 * Three devices (three journals, each used by its own CLI processes; device C's clock an hour ahead)
 * edit offline, including the same task on two of them, then meet in every order. All must end with the
 * same hash of every synced table, in every order, with nothing that a command acknowledged missing.
 */
export async function runThreeDevices(): Promise<ThreeDeviceFigures> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'leverage-three-devices-'));
  const figures: ThreeDeviceFigures = { orders: 0, processes: 0, hashes: [], acknowledged: 0, lost: 0, conflictsShown: 0, problems: [] };
  const processes = new Map<CliDevice, DeviceProcess>();
  const run = async (device: CliDevice, args: readonly string[]) => {
    const process = processes.get(device);
    if (!process) throw new Error(`no process for ${device.name}`);
    return process.run(args);
  };
  try {
    const devices = [makeDevice(root, 'a'), makeDevice(root, 'b'), makeDevice(root, 'c', 3_600_000)] as const;
    for (const device of devices) processes.set(device, await startDeviceProcess(device));
    figures.processes = new Set([...processes.values()].map((entry) => entry.pid)).size;
    const [a, b, c] = devices;
    const day = ['--date', '2026-03-10'];
    await run(a, ['add', '--title', 'Shared task', '--human', '2h', '--agent', '10m', ...day]);
    await run(a, ['add', '--title', 'Rename versus delete', '--human', '1h', '--agent', '5m', ...day]);
    await run(a, ['add', '--title', 'Notes task', '--human', '1h', '--agent', '5m', '--notes', 'base line', ...day]);
    await run(a, ['sync', 'init', '--folder', a.folder, '--device', 'a']);
    deliver(a, b);
    await run(b, ['add', '--title', 'B before joining', '--human', '3h', '--agent', '9m', ...day]);
    await run(b, ['sync', 'init', '--folder', b.folder, '--device', 'b']);
    deliver(a, c);
    deliver(b, c);
    await run(c, ['sync', 'init', '--folder', c.folder, '--device', 'c']);
    deliver(c, a);
    deliver(b, a);
    await run(a, ['sync', 'now']);
    deliver(a, b);
    deliver(c, b);
    await run(b, ['sync', 'now']);

    // Offline: each device edits and syncs into its own folder only.
    const listA = await run(a, ['list', '--date', '2026-03-10', '--json']);
    const listB = await run(b, ['list', '--date', '2026-03-10', '--json']);
    const listC = await run(c, ['list', '--date', '2026-03-10', '--json']);
    const acknowledged: string[] = [];
    const ack = async (device: CliDevice, args: readonly string[], note: string) => {
      await run(device, args);
      acknowledged.push(note);
    };
    await ack(a, ['edit', idOf(listA, 'Shared task'), '--title', 'Shared task (A)'], 'title A');
    await ack(b, ['edit', idOf(listB, 'Shared task'), '--title', 'Shared task (B)', '--human', '5h'], 'title B + human 5h');
    await ack(a, ['edit', idOf(listA, 'Rename versus delete'), '--title', 'Renamed on A'], 'rename');
    await ack(b, ['delete', idOf(listB, 'Rename versus delete')], 'delete');
    await ack(a, ['edit', idOf(listA, 'Notes task'), '--notes', 'base line\nA added this'], 'notes A');
    await ack(c, ['edit', idOf(listC, 'Notes task'), '--notes', 'C wrote first\nbase line'], 'notes C');
    await ack(a, ['add', '--title', 'A offline', '--human', '1h', '--agent', '1m', ...day], 'add A');
    await ack(b, ['add', '--title', 'B offline', '--human', '1h', '--agent', '1m', ...day], 'add B');
    await ack(c, ['add', '--title', 'C offline', '--human', '1h', '--agent', '1m', ...day], 'add C');
    await ack(a, ['day', '--date', '2026-03-10', '--intro', 'Intro from A'], 'intro A');
    await ack(c, ['day', '--date', '2026-03-10', '--analysis', 'Analysis from C'], 'analysis C');
    for (const device of devices) await run(device, ['sync', 'now']);
    figures.acknowledged = acknowledged.length;

    const offline = path.join(root, 'offline');
    snapshot(devices, offline);
    for (const order of PERMUTATIONS) {
      restore(devices, offline);
      const [first, second, third] = order.map((index) => devices[index]) as [CliDevice, CliDevice, CliDevice];
      // A chain: each meets only the one before it, then everyone meets everyone once.
      for (const [from, to] of [
        [first, second],
        [second, third],
        [third, first],
        [first, second],
      ] as const) {
        deliver(from, to);
        await run(to, ['sync', 'now']);
      }
      for (const to of [first, second, third]) {
        for (const from of devices) if (from !== to) deliver(from, to);
        await run(to, ['sync', 'now']);
      }
      figures.orders += 1;
      const hashes = devices.map(hashOf);
      const label = order.map((index) => devices[index]?.name).join('→');
      if (new Set(hashes).size !== 1) figures.problems.push(`order ${label}: the devices differ (${hashes.join(', ')})`);
      for (const device of devices) {
        const integrity = integrityOf(device);
        if (integrity !== 'ok') figures.problems.push(`order ${label}: ${device.name} integrity_check ${integrity}`);
      }
      figures.hashes.push(hashes[0] ?? '');
      const content = contentOf(c);
      const byTitle = (title: string) => content.tasks.find((row) => (row as unknown[])[2] === title) as unknown[] | undefined;
      const lost: string[] = [];
      for (const title of ['A offline', 'B offline', 'C offline', 'B before joining']) if (!byTitle(title)) lost.push(title);
      const shared = byTitle('Shared task (A)') ?? byTitle('Shared task (B)');
      if (!shared) lost.push('the shared task');
      else if (shared[4] !== 18_000) lost.push('human 5h on the shared task');
      const conflict = content.conflicts.find((row) => (row as unknown[])[2] === 'title') as unknown[] | undefined;
      if (!conflict || !String(conflict[4]).includes(shared?.[2] === 'Shared task (A)' ? 'Shared task (B)' : 'Shared task (A)')) lost.push('the other title of the shared task');
      else figures.conflictsShown += 1;
      const renamed = byTitle('Renamed on A');
      if (!renamed) lost.push('the rename');
      else if (renamed[11] === null) lost.push('the delete (the rename brought the task back)');
      const notes = String(byTitle('Notes task')?.[9] ?? '');
      if (notes !== 'C wrote first\nbase line\nA added this') lost.push(`notes merged as ${JSON.stringify(notes)}`);
      const dayRow = content.days.find((row) => (row as unknown[])[0] === '2026-03-10') as unknown[] | undefined;
      if (dayRow?.[1] !== 'Intro from A' || dayRow[2] !== 'Analysis from C') lost.push('the day prose');
      figures.lost += lost.length;
      for (const item of lost) figures.problems.push(`order ${label}: lost ${item}`);
    }
    if (new Set(figures.hashes).size !== 1) figures.problems.push(`different orders ended differently: ${figures.hashes.join(', ')}`);
    return figures;
  } finally {
    for (const entry of processes.values()) await entry.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}
