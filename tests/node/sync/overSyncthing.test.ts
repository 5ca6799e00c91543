import { expect, test } from 'vitest';
import { runOverSyncthing } from './scenarios/overSyncthing.ts';
import { syncthingBinary } from './support/syncthing.ts';

// `.ci/run` installs Debian's syncthing; without it (a machine where it cannot be installed) the test says so.
const binary = syncthingBinary();
if (!binary) console.log('sync-syncthing: skipped: the syncthing binary is not installed (apt-get install -y syncthing)');

test.skipIf(!binary)('two devices over two real Syncthing instances on 127.0.0.1, offline rounds included, converge with nothing lost', async () => {
  const figures = await runOverSyncthing(2);
  const sorted = [...figures.propagationMs].sort((x, y) => x - y);
  console.log(
    `sync-syncthing: offlineRounds=${figures.offlineRounds} acknowledged=${figures.acknowledged} lost=${figures.lost} conflictsShown=${figures.conflictsShown} hashesEqual=${figures.hashesEqual} propagationMedianMs=${sorted[Math.floor(sorted.length / 2)] ?? 0}`,
  );
  expect(figures.problems).toEqual([]);
  expect(figures.offlineRounds).toBe(2);
  expect(figures.lost).toBe(0);
  expect(figures.hashesEqual).toBe(true);
}, 240_000);
