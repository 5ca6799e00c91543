import type { NewTask } from '../../src/shared/domain/task.ts';
import { shiftDate } from '../../src/shared/metrics/periods.ts';
import { createRandom } from '../../tests/e2e/support/random.ts';


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
