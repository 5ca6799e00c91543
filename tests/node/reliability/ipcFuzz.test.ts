import { expect, test } from 'vitest';
import { CHANNELS } from '../../../src/shared/ipc/contract.ts';
import { runIpcFuzz } from './scenarios/ipcFuzz.ts';

test('every IPC channel: generated hostile payloads give a result, never a throw, never pollution, no change when rejected', async () => {
  const figures = await runIpcFuzz(1000);
  console.log(
    `ipc-fuzz: channels=${figures.channels} payloadsTried=${figures.payloadsTried} accepted=${figures.accepted} rejected=${figures.rejected} crashes=${figures.crashes} rejectedButChanged=${figures.rejectedButChanged} prototypesPolluted=${figures.prototypesPolluted}`,
  );
  expect(figures.problems).toEqual([]);
  expect(figures.channels).toBe(CHANNELS.length);
  expect(figures.payloadsTried).toBe(CHANNELS.length * 1000);
  expect(figures.crashes).toBe(0);
  expect(figures.malformedResults).toBe(0);
  expect(figures.rejectedButChanged).toBe(0);
  expect(figures.prototypesPolluted).toBe(0);
  // The generator reaches past the schemas sometimes, or it would only test the parser's first check.
  expect(figures.accepted).toBeGreaterThan(0);
}, 120_000);
