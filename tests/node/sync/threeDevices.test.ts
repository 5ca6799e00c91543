import { expect, test } from 'vitest';
import { runThreeDevices } from './scenarios/threeDevices.ts';

test('three devices (three journals, separate processes, one clock an hour ahead) edit offline and converge in every merge order', async () => {
  const figures = await runThreeDevices();
  console.log(
    `sync-three-devices: orders=${figures.orders} processes=${figures.processes} acknowledged=${figures.acknowledged} lost=${figures.lost} conflictsShown=${figures.conflictsShown} finalHashes=${[...new Set(figures.hashes)].join(',')}`,
  );
  expect(figures.problems).toEqual([]);
  expect(figures.orders).toBe(6);
  expect(figures.lost).toBe(0);
  expect(new Set(figures.hashes).size).toBe(1);
}, 300_000);
