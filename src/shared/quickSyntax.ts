import { parseDuration } from './units/duration.ts';
import { parseTokens } from './units/tokens.ts';

/** A task as read from one line of quick syntax. */
export interface QuickTask {
  title: string;
  humanSeconds: number | null;
  agentSeconds: number | null;
  supervisionSeconds: number | null;
  tokens: number | null;
  workstream: string | null;
  model: string | null;
}

export type QuickParse = { ok: true; task: QuickTask & { humanSeconds: number; agentSeconds: number } } | { ok: false; task: QuickTask; errors: string[] };

// A duration word carries a time unit: "6h", "1.5h", "1h30m", "25min", "90s". A lone lowercase "m" means minutes.
const DURATION_WORD = /^(?:\d+(?:\.\d+)?|\.\d+)(?:h|hr|hrs|m|min|mins|s)(?:(?:\d+(?:\.\d+)?)(?:m|min|mins|s))?$/;
// A token word carries k, M (upper case: million, since "8m" is minutes) or B, or a "tok" suffix: "40k", "~2.6M", "12000tok".
const TOKEN_WORD = /^~?(?:\d[\d,]*(?:\.\d+)?|\.\d+)(?:[kK]|M|[bB])$|^~?\d[\d,]*tok(?:ens)?$/;

/**
 * Reads "Refactor scoring pipeline 6h 8m 40k #scoring" into a task: words from the END are taken as
 * fields (durations in order human, agent, supervision; a token count; #workstream; @model) until a
 * word is none of those; the rest is the title, so a title may itself contain "2h" in the middle.
 */
export function parseQuickSyntax(line: string): QuickParse {
  const words = line.trim().split(/\s+/).filter((word) => word !== '');
  const durations: number[] = [];
  const task: QuickTask = { title: '', humanSeconds: null, agentSeconds: null, supervisionSeconds: null, tokens: null, workstream: null, model: null };
  const errors: string[] = [];
  let end = words.length;
  while (end > 0) {
    const word = words[end - 1] as string;
    if (/^#[^#\s]+$/.test(word) && task.workstream === null) {
      task.workstream = word.slice(1);
    } else if (/^@[^@\s]+$/.test(word) && task.model === null) {
      task.model = word.slice(1);
    } else if (TOKEN_WORD.test(word) && task.tokens === null) {
      task.tokens = parseTokens(word.replace(/tok(?:ens)?$/, ''));
    } else if (DURATION_WORD.test(word.toLowerCase()) && durations.length < 3) {
      durations.unshift(parseDuration(word));
    } else {
      break;
    }
    end -= 1;
  }
  task.title = words.slice(0, end).join(' ');
  task.humanSeconds = durations[0] ?? null;
  task.agentSeconds = durations[1] ?? null;
  task.supervisionSeconds = durations[2] ?? null;
  if (task.title === '') errors.push('Write a title first, e.g. "Fix login bug 3h 10m".');
  if (task.humanSeconds === null) errors.push('Add the human estimate, e.g. "6h".');
  else if (task.agentSeconds === null) errors.push('Add the agent time after the estimate, e.g. "8m".');
  if (errors.length > 0) return { ok: false, task, errors };
  return { ok: true, task: task as QuickTask & { humanSeconds: number; agentSeconds: number } };
}
