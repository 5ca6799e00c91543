import type { QuickParse } from '../../../shared/quickSyntax.ts';

/** What picked sessions give a quick-add line: agent time and tokens the line does not state itself. */
export interface QuickFill {
  agentSeconds: number;
  tokens: number | null;
}

/**
 * Completes a quick-syntax parse from sessions: typed values win, sessions fill the gaps, so
 * "Refactor scoring 6h" with a session picked is a whole task (its one duration is the human estimate).
 */
export function withSessionFill(parse: QuickParse, fill: QuickFill): QuickParse {
  const task = { ...parse.task, agentSeconds: parse.task.agentSeconds ?? fill.agentSeconds, tokens: parse.task.tokens ?? fill.tokens };
  if (task.title !== '' && task.humanSeconds !== null) return { ok: true, task: { ...task, humanSeconds: task.humanSeconds } };
  const errors = parse.ok ? [] : parse.errors.filter((error) => !/agent time/i.test(error));
  return { ok: false, task, errors };
}
