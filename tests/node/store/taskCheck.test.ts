import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeIssues, taskInputSchema, taskPatchSchema } from '../../../src/shared/domain/task.ts';
import { checkTaskInput, checkTaskPatch, type TaskCheck } from '../../../src/shared/domain/taskCheck.ts';
import { TASK_FIELD_NAMES } from '../../../src/shared/domain/taskFields.ts';

/** What zod makes of an input, in the shape of the light check's answer. */
function viaZod(schema: typeof taskInputSchema | typeof taskPatchSchema, input: unknown): TaskCheck<unknown> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: describeIssues(parsed.error) };
}

const anyValue = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom('', '   ', ' Refactor ', 'x'.repeat(201), ` ${'y'.repeat(200)} `, 'z'.repeat(2001), '2026-03-01', '2026-02-29', '2024-02-29', '2026-13-01', ' 2026-03-01', '😀'.repeat(2000), '😀'.repeat(2001), ` ${'😀'.repeat(200)} `, '😀'.repeat(201), '\uD800'.repeat(201)),
  fc.integer({ min: -5, max: 400_000_000 }),
  fc.constantFrom(0, 1, -1, 0.5, 1.5, -0.5, 315_360_000, 315_360_001, 1e15, 1e15 + 2, 2 ** 53, Number.NaN, Infinity, -Infinity),
  fc.double(),
  fc.constantFrom(null, undefined, true, false, [], {}, [1], new Date(0)),
);
const field = fc.constantFrom(...TASK_FIELD_NAMES, 'id', 'project', 'createdAt');
const anyObject = fc.dictionary(field, anyValue, { maxKeys: 6 });
const valid = fc.record({
  workDate: fc.constantFrom('2026-03-01', '2024-02-29'),
  title: fc.string({ minLength: 1, maxLength: 30 }).filter((title) => title.trim() !== ''),
  humanSeconds: fc.integer({ min: 0, max: 315_360_000 }),
  agentSeconds: fc.integer({ min: 0, max: 315_360_000 }),
});
const nearlyValid = fc.tuple(valid, anyObject).map(([base, extra]) => ({ ...base, ...extra }));
const anything = fc.oneof(anyObject, valid, nearlyValid, anyValue, fc.constant(Object.create(null) as object));

describe('the store\'s light task check', () => {
  it('accepts, normalises and words problems exactly as taskInputSchema does', () => {
    fc.assert(fc.property(anything, (input) => {
      expect(checkTaskInput(input)).toEqual(viaZod(taskInputSchema, input));
    }), { numRuns: 4000 });
  });

  it('accepts, normalises and words problems exactly as taskPatchSchema does', () => {
    fc.assert(fc.property(anything, (input) => {
      expect(checkTaskPatch(input)).toEqual(viaZod(taskPatchSchema, input));
    }), { numRuns: 4000 });
  });

  it('gives the messages a person sees for the usual mistakes', () => {
    expect(checkTaskInput({ workDate: '2026-02-30', title: ' ', humanSeconds: -60, agentSeconds: 1.5, workstream: 'w'.repeat(201) })).toEqual({
      ok: false,
      problems: 'workDate must be a calendar date written YYYY-MM-DD; title is required; workstream must be at most 200 characters; humanSeconds cannot be negative; agentSeconds must be whole seconds',
    });
    expect(checkTaskPatch({})).toEqual({ ok: false, problems: 'nothing to change' });
    expect(checkTaskPatch({ project: 'x' })).toEqual({ ok: false, problems: 'Unrecognized key: "project"; nothing to change' });
  });
});
