import { expect, test } from 'vitest';
import { runCrashMigration } from './scenarios/crashMigration.ts';
import { runCrashWrites } from './scenarios/crashWrites.ts';

// Short CI versions; `npm run stress` runs the long ones (scripts/stress.ts).
test('SIGKILL while writing tasks: every acknowledged task is present and complete, the file is sound', async () => {
  const figures = await runCrashWrites(20);
  console.log(
    `crash-writes: rounds=${figures.rounds} writesAcknowledged=${figures.writesAcknowledged} writesLost=${figures.writesLost} damagedRounds=${figures.damagedRounds}`,
  );
  expect(figures.problems).toEqual([]);
  expect(figures.rounds).toBe(20);
  expect(figures.writesAcknowledged).toBeGreaterThan(20);
  expect(figures.writesLost).toBe(0);
}, 120_000);

test('SIGKILL during a migration: the file is the intact old version or the complete new one', async () => {
  const figures = await runCrashMigration(10);
  console.log(
    `crash-migration: rounds=${figures.rounds} killedDuringMigration=${figures.killedDuringMigration} leftOld=${figures.leftOld} leftNew=${figures.leftNew} tasksPerDatabase=${figures.tasksPerDatabase} migrationMs=${figures.migrationMs} damagedRounds=${figures.damagedRounds}`,
  );
  expect(figures.problems).toEqual([]);
  expect(figures.rounds).toBe(10);
  expect(figures.killedDuringMigration).toBeGreaterThan(0);
}, 120_000);
