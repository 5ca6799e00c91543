import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEvent, emptyFileState, type FileState } from '../../../src/core/agentLogs/fileState.ts';
import { readLogLine } from '../../../src/core/agentLogs/logLine.ts';
import { sessionTiming } from '../../../src/core/agentLogs/sessionTiming.ts';
import { record as r, type Context } from './sessionShapes.ts';

const main: Context = { sessionId: 'prop' };
const sub: Context = { sessionId: 'prop', isSidechain: true };

type Step = { kind: 'prompt' | 'command' | 'work' | 'tool' | 'duration' | 'interrupt' | 'compact'; gap: number; durationMs: number };
type Noise = { kind: 'caveat' | 'queue' | 'progress' | 'snapshot' | 'system' | 'summary' | 'localCommandOutput' | 'compactSummary'; position: number; offset: number };

const clock = (seconds: number) => new Date(Date.UTC(2026, 2, 2) + seconds * 1000).toISOString().slice(11, 19);

function mainRecords(steps: readonly Step[]): { time: number; line: unknown }[] {
  let time = 0;
  return steps.map((step) => {
    time += step.gap;
    const t = clock(time);
    const line = {
      prompt: () => r.prompt(main, t, 'Do the next thing'),
      command: () => r.command(main, t, '/review'),
      work: () => r.assistant(main, t),
      tool: () => r.toolResult(main, t),
      duration: () => r.turnDuration(main, t, step.durationMs),
      interrupt: () => r.interrupted(main, t),
      compact: () => r.compactBoundary(main, t),
    }[step.kind]();
    return { time, line };
  });
}

function noiseRecord(noise: Noise, time: number): unknown {
  const t = clock(time);
  return {
    caveat: () => r.caveat(main, t),
    queue: () => r.queue(main, t, 'enqueue', 'later'),
    progress: () => r.progress(main, t),
    snapshot: () => r.snapshot(main, t),
    system: () => r.system(main, t, 'stop_hook_summary'),
    summary: () => r.summary('Some other conversation', 'leaf-elsewhere'),
    localCommandOutput: () => r.commandOutput(main, t, 'ok'),
    compactSummary: () => r.compactSummary(main, t),
  }[noise.kind]();
}

function fold(lines: readonly unknown[], inSubagentFile: boolean): FileState {
  const state = emptyFileState('prop');
  for (const line of lines) {
    const event = readLogLine(JSON.stringify(line), inSubagentFile);
    if (event !== null && event !== 'bad') applyEvent(state, event);
  }
  return state;
}

const stepArbitrary = fc.record({
  kind: fc.constantFrom<Step['kind']>('prompt', 'command', 'work', 'work', 'tool', 'duration', 'interrupt', 'compact'),
  gap: fc.integer({ min: 0, max: 900 }),
  durationMs: fc.integer({ min: 0, max: 3_600_000 }),
});
const noiseArbitrary = fc.record({
  kind: fc.constantFrom<Noise['kind']>('caveat', 'queue', 'progress', 'snapshot', 'system', 'summary', 'localCommandOutput', 'compactSummary'),
  position: fc.nat(),
  offset: fc.integer({ min: 0, max: 20_000 }),
});
const subagentArbitrary = fc.array(fc.record({ start: fc.integer({ min: 0, max: 20_000 }), length: fc.integer({ min: 0, max: 3_000 }) }), { maxLength: 3 });

describe('agent time properties', () => {
  it('agent time ≤ wall time and ≤ agent-hours; records that are not agent work never change agent time', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { minLength: 1, maxLength: 40 }), fc.array(noiseArbitrary, { maxLength: 15 }), subagentArbitrary, (steps, noise, subagents) => {
        const records = mainRecords(steps);
        const subFiles = subagents.map(({ start, length }) => ({
          isSubagent: true,
          state: fold([r.prompt(sub, clock(start), 'Look into it'), r.assistant(sub, clock(start + Math.floor(length / 2))), r.assistant(sub, clock(start + length))], true),
        }));
        const plain = sessionTiming([{ isSubagent: false, state: fold(records.map((entry) => entry.line), false) }, ...subFiles]);
        expect(plain.agentMs).toBeLessThanOrEqual(plain.wallMs);
        expect(plain.agentMs).toBeLessThanOrEqual(plain.agentHoursMs + 1e-6);
        expect(plain.agentMs).toBeGreaterThanOrEqual(0);

        // The same session with non-work records put anywhere, timed at or after their neighbour (appended ones included).
        const noisy = records.map((entry) => entry.line);
        for (const item of noise) {
          const index = item.position % (noisy.length + 1);
          const before = records[Math.min(index, records.length) - 1]?.time ?? 0;
          const after = records[index]?.time;
          const time = after === undefined ? before + item.offset : before;
          noisy.splice(index, 0, noiseRecord(item, time));
        }
        const withNoise = sessionTiming([{ isSubagent: false, state: fold(noisy, false) }, ...subFiles]);
        expect(withNoise.agentMs).toBe(plain.agentMs);
        expect(withNoise.agentHoursMs).toBe(plain.agentHoursMs);
        expect(withNoise.wallMs).toBeGreaterThanOrEqual(plain.wallMs);
      }),
      { numRuns: 300 },
    );
  });
});
