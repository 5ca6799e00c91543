import { expect, test } from 'vitest';
import { runConcurrentWriters } from './scenarios/concurrentWriters.ts';

test('the CLI adds tasks while the app writes: no SQLITE_BUSY, nothing lost, every CLI commit seen by dataVersion()', async () => {
  const figures = await runConcurrentWriters(6);
  console.log(
    `concurrent-writers: cliWrites=${figures.cliWrites} appWrites=${figures.appWrites} writesAcknowledged=${figures.writesAcknowledged} writesLost=${figures.writesLost} errors=${figures.errors} changesUnseen=${figures.changesUnseen}`,
  );
  expect(figures.problems).toEqual([]);
  expect(figures.errors).toBe(0);
  expect(figures.writesLost).toBe(0);
  expect(figures.changesUnseen).toBe(0);
  expect(figures.cliWrites).toBe(6);
}, 120_000);
