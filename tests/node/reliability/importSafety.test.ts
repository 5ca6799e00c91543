import { expect, test } from 'vitest';
import { runCrashImport } from './scenarios/crashImport.ts';
import { runImportFuzz } from './scenarios/importFuzz.ts';

test('SIGKILL during post imports: every acknowledged import is whole, none is partly written', async () => {
  const figures = await runCrashImport(10, { maxKillDelayMs: 1000 });
  console.log(
    `crash-import: rounds=${figures.rounds} importsAcknowledged=${figures.importsAcknowledged} importsLost=${figures.importsLost} partialImports=${figures.partialImports} damagedRounds=${figures.damagedRounds}`,
  );
  expect(figures.problems).toEqual([]);
  expect(figures.rounds).toBe(10);
  expect(figures.importsAcknowledged).toBeGreaterThan(0);
}, 120_000);

test('mutated post files and Claude Code log lines: structured errors, dry runs write nothing, commits all or nothing', () => {
  const figures = runImportFuzz(200, 3000);
  console.log(
    `import-fuzz: postsTried=${figures.postsTried} committed=${figures.committed} refused=${figures.refused} logLinesTried=${figures.logLinesTried} crashes=${figures.crashes + figures.logCrashes} writesWhenRefused=${figures.writesWhenRefused}`,
  );
  expect(figures.problems).toEqual([]);
  expect(figures.crashes + figures.logCrashes).toBe(0);
  expect(figures.writesWhenRefused).toBe(0);
  // Both outcomes happen, or the mutations are too mild (or too wild) to test anything.
  expect(figures.committed).toBeGreaterThan(0);
  expect(figures.refused).toBeGreaterThan(0);
}, 120_000);
