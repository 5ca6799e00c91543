import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importData } from '../../../src/core/data/dataTransfer.ts';
import { toJsonExport } from '../../../src/core/data/dataTransfer.ts';
import type { Journal } from '../../../src/core/journal.ts';
import type { NewTask } from '../../../src/shared/domain/task.ts';
import { tempJournal } from '../helpers/tempJournal.ts';

const SUMS = `count(*) AS task_count, sum(human_seconds) AS human_seconds, sum(agent_seconds) AS agent_seconds,
  coalesce(sum(supervision_seconds), 0) AS supervision_seconds, count(supervision_seconds) AS supervised_count,
  coalesce(sum(CASE WHEN supervision_seconds IS NOT NULL THEN human_seconds END), 0) AS supervised_human_seconds,
  coalesce(sum(tokens), 0) AS tokens, count(tokens) AS tokens_count,
  coalesce(sum(CASE WHEN agent_seconds > 0 THEN CAST(human_seconds AS REAL) / agent_seconds END), 0) AS factor_sum,
  count(CASE WHEN agent_seconds > 0 THEN 1 END) AS factor_count`;

type Row = Record<string, number | string>;

/** Recomputes per-day and per-week sums from the live tasks and compares them with the kept tables. */
function expectAggregatesMatchTasks(journal: Journal) {
  const compare = (kept: Row[], recomputed: Row[]) => {
    expect(kept.length).toBe(recomputed.length);
    kept.forEach((row, index) => {
      const expected = recomputed[index] as Row;
      for (const [key, value] of Object.entries(expected)) {
        if (key === 'factor_sum') expect(row[key] as number).toBeCloseTo(value as number, 6);
        else expect(row[key], key).toBe(value);
      }
    });
  };
  const db = journal.db;
  compare(
    db.prepare('SELECT * FROM day_totals ORDER BY work_date').all() as Row[],
    db.prepare(`SELECT work_date, ${SUMS}, date(work_date, '-6 days', 'weekday 1') AS week_start FROM tasks WHERE deleted_at IS NULL GROUP BY work_date ORDER BY work_date`).all() as Row[],
  );
  compare(
    db.prepare('SELECT * FROM week_totals ORDER BY week_start').all() as Row[],
    db
      .prepare(
        `SELECT date(work_date, '-6 days', 'weekday 1') AS week_start, count(DISTINCT work_date) AS day_count, ${SUMS}
         FROM tasks WHERE deleted_at IS NULL GROUP BY week_start ORDER BY week_start`,
      )
      .all() as Row[],
  );
}

const dates = fc.constantFrom('2026-02-28', '2026-03-01', '2026-03-02', '2026-03-09', '2025-12-29');
const newTask: fc.Arbitrary<NewTask> = fc.record({
  workDate: dates,
  title: fc.string({ minLength: 1, maxLength: 20 }).filter((title) => title.trim() !== '').map((title) => title.trim()),
  workstream: fc.option(fc.constantFrom('a', 'b'), { nil: null }),
  humanSeconds: fc.integer({ min: 0, max: 200 * 3600 }),
  agentSeconds: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5 * 3600 })),
  supervisionSeconds: fc.option(fc.integer({ min: 0, max: 3600 }), { nil: null }),
  tokens: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: null }),
  model: fc.constant(null),
  notes: fc.constant(''),
});

type Operation =
  | { kind: 'insert'; task: NewTask }
  | { kind: 'edit'; pick: number; patch: Partial<NewTask> }
  | { kind: 'delete'; pick: number }
  | { kind: 'restore'; pick: number }
  | { kind: 'import'; tasks: NewTask[] };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 4, arbitrary: newTask.map((task) => ({ kind: 'insert' as const, task })) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      pick: fc.nat(),
      patch: fc.record(
        { workDate: dates, humanSeconds: fc.integer({ min: 0, max: 100_000 }), agentSeconds: fc.integer({ min: 0, max: 10_000 }), tokens: fc.option(fc.nat(1e6), { nil: null }), supervisionSeconds: fc.option(fc.nat(3600), { nil: null }) },
        { requiredKeys: [] },
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('restore' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('import' as const), tasks: fc.array(newTask, { maxLength: 5 }) }) },
);

describe('per-day and per-week aggregates', () => {
  it('always equal a recompute from the tasks after random inserts, edits, deletes, restores and imports', () => {
    const journal = tempJournal();
    fc.assert(
      fc.property(fc.array(operation, { minLength: 1, maxLength: 40 }), (operations) => {
        journal.db.exec('DELETE FROM tasks');
        const ids: number[] = [];
        for (const op of operations) {
          const id = ids.length > 0 ? ids[('pick' in op ? op.pick : 0) % ids.length] : undefined;
          if (op.kind === 'insert') ids.push(journal.tasks.create(op.task).id);
          else if (op.kind === 'import') importData(journal, toJsonExport(op.tasks.map((task, index) => ({ ...task, id: index + 1, createdAt: '', updatedAt: '' })), []), 'json');
          else if (id === undefined) continue;
          else if (op.kind === 'edit' && journal.tasks.get(id) && Object.keys(op.patch).length > 0) journal.tasks.update(id, op.patch);
          else if (op.kind === 'delete') journal.tasks.delete([id]);
          else if (op.kind === 'restore') journal.tasks.restore([id]);
        }
        expectAggregatesMatchTasks(journal);
      }),
      { numRuns: 150 },
    );
  });

  it('serve the weekly series and the all-time figures', () => {
    const journal = tempJournal();
    journal.tasks.createMany([
      { workDate: '2026-02-28', title: 'a', humanSeconds: 7200, agentSeconds: 600 },
      { workDate: '2026-03-01', title: 'b', humanSeconds: 3600, agentSeconds: 600, tokens: 10 },
      { workDate: '2026-03-02', title: 'c', humanSeconds: 3600, agentSeconds: 1200 },
    ]);
    expect(journal.metrics.weeklySeries().map((point) => [point.label, point.period, point.taskCount, point.leverage])).toEqual([
      ['2026-W09', '2026-02-23', 2, 9],
      ['2026-W10', '2026-03-02', 1, 3],
    ]);
    expect(journal.metrics.weeklySeries({ from: '2026-03-01', to: '2026-03-02' }).map((point) => point.taskCount)).toEqual([1, 1]);
    expect(journal.metrics.cumulative()).toMatchObject({ days: 3, firstDate: '2026-02-28', lastDate: '2026-03-02', taskCount: 3, tokens: 10, leverage: 14_400 / 2400 });
  });
});
