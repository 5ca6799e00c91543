import { expect, test } from 'vitest';
import { runCrashSync } from './scenarios/crashSync.ts';

// The short CI version; `npm run stress` runs more rounds.
test('SIGKILL during sync saves and merges: journal sound, every acknowledged task kept and delivered to the peer', async () => {
  const figures = await runCrashSync(8);
  console.log(
    `crash-sync: rounds=${figures.rounds} killedDuringSync=${figures.killedDuringSync} writesAcknowledged=${figures.writesAcknowledged} writesLost=${figures.writesLost} lostAtPeer=${figures.lostAtPeer} damagedOwnFiles=${figures.damagedOwnFiles} damagedRounds=${figures.damagedRounds}`,
  );
  expect(figures.problems).toEqual([]);
  expect(figures.rounds).toBe(8);
  expect(figures.writesLost).toBe(0);
  expect(figures.lostAtPeer).toBe(0);
}, 240_000);
