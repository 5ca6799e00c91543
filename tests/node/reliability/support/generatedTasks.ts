import type { TaskInput } from '../../../../src/shared/domain/task.ts';

/**
 * The n-th task a crash-test writer creates, derived only from (seed, n), so the parent can check
 * that a row it was told about is complete without any other channel to the child.
 */
export function generatedTask(seed: number, n: number): Required<TaskInput> {
  return {
    workDate: `2026-01-${String((n % 28) + 1).padStart(2, '0')}`,
    title: `crash ${seed} #${n} <b>&"'|`,
    workstream: n % 5 === 0 ? null : `stream-${n % 3}`,
    humanSeconds: ((n % 50) + 1) * 600,
    agentSeconds: (n % 7) * 60,
    supervisionSeconds: n % 3 === 0 ? null : (n * 7) % 3600,
    tokens: n % 4 === 0 ? null : n * 1000,
    model: n % 2 === 0 ? 'opus' : null,
    notes: `notes for ${n}\nsecond line`,
  };
}

/** Column values of a stored task row, in the generatedTask field order. */
export function taskRowFields(row: Record<string, unknown>): Required<TaskInput> {
  return {
    workDate: row.work_date as string,
    title: row.title as string,
    workstream: row.workstream as string | null,
    humanSeconds: row.human_seconds as number,
    agentSeconds: row.agent_seconds as number,
    supervisionSeconds: row.supervision_seconds as number | null,
    tokens: row.tokens as number | null,
    model: row.model as string | null,
    notes: row.notes as string,
  };
}
