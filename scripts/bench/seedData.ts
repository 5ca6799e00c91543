import type { NewTask } from '../../src/shared/domain/task.ts';
import { shiftDate } from '../../src/shared/metrics/periods.ts';

/** A small deterministic PRNG (mulberry32) so every run seeds the same journal. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const WORKSTREAMS = ['desktop app', 'ml pipeline', 'reference data', 'static site', 'patents', 'infra', 'docs', null];
const VERBS = ['Implement', 'Refactor', 'Design', 'Backfill tests for', 'Audit', 'Document', 'Benchmark', 'Migrate'];
const THINGS = ['scoring pipeline', 'IPC bridge', 'import parser', 'task-log grid', 'release workflow', 'synthesis orchestrator', 'reference dataset'];

/**
 * Realistic journal tasks: 1–60 tasks a day going back from `lastDate`, a mix of workstreams, tokens
 * unknown on ~10%, and a few long exploratory tasks with low leverage.
 */
export function* generateTasks(count: number, lastDate = '2026-11-20', seed = 42): Generator<NewTask> {
  const random = createRandom(seed);
  let produced = 0;
  let dayOffset = 0;
  while (produced < count) {
    const date = shiftDate(lastDate, -dayOffset);
    const perDay = Math.min(count - produced, 1 + Math.floor(random() * 60));
    for (let index = 0; index < perDay; index += 1) {
      const long = random() < 0.03;
      const humanHours = [1, 2, 4, 6, 8, 12, 16, 20, 40][Math.floor(random() * 9)] as number;
      const agentMinutes = long ? 90 + Math.floor(random() * 200) : 3 + Math.floor(random() * 45);
      yield {
        workDate: date,
        title: `${VERBS[Math.floor(random() * VERBS.length)]} ${THINGS[Math.floor(random() * THINGS.length)]} #${produced + index}`,
        workstream: WORKSTREAMS[Math.floor(random() * WORKSTREAMS.length)] ?? null,
        humanSeconds: humanHours * 3600,
        agentSeconds: agentMinutes * 60,
        supervisionSeconds: random() < 0.5 ? Math.floor(random() * 20) * 60 : null,
        tokens: random() < 0.1 ? null : Math.floor(random() * 400) * 1000,
        model: 'claude',
        notes: '',
      };
    }
    produced += perDay;
    dayOffset += 1;
  }
}
