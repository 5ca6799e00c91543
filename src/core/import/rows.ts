import { assignCell, CellError, emptyRow, type RowCells } from './cells.ts';
import type { ColumnRole } from './columns.ts';
import type { PostTask } from './model.ts';

/** Cells that may be missing from a flattened row (a blank cell leaves no word behind). */
const FLATTENED_OPTIONAL: ReadonlySet<ColumnRole> = new Set(['tokens', 'supervision', 'supervisoryFactor', 'weeks']);
/** A numeric cell is at most two words ("120 hours", "40 min"). */
const MAX_CELL_WORDS = 2;

export type RowResult = { ok: true; task: PostTask } | { ok: false; reason: string };

/** A row's cells as a task, or why they are not one. */
export function toTask(row: RowCells, line: number): RowResult {
  if (row.title === '') return { ok: false, reason: 'the task title is empty' };
  if (row.human < 0) return { ok: false, reason: 'the human estimate is missing' };
  if (row.agent < 0) return { ok: false, reason: 'the agent time is missing' };
  return {
    ok: true,
    task: {
      title: row.title,
      humanSeconds: row.human,
      agentSeconds: row.agent,
      supervisionSeconds: row.supervision,
      tokens: row.tokens,
      statedFactor: row.factor,
      statedSupervisoryFactor: row.supervisoryFactor,
      statedWeeks: row.weeks,
      line,
    },
  };
}

/** A markdown table row: one cell per column, bare numbers read in the column's usual unit. */
export function readMarkdownRow(roles: readonly (ColumnRole | null)[], cells: readonly string[], line: number): RowResult {
  const row = emptyRow();
  for (const [index, role] of roles.entries()) {
    if (role === null) continue;
    try {
      assignCell(row, role, cells[index] ?? '', true);
    } catch (error) {
      if (error instanceof CellError || error instanceof Error) return { ok: false, reason: `${role}: ${error.message}` };
      throw error;
    }
  }
  return toTask(row, line);
}

/**
 * A table row flattened to one line of words. The title is free text, so the row is read from the
 * right: each numeric column, last to first, takes one or two trailing words that fit its grammar
 * (or nothing, if it is optional), backtracking when a choice leaves an earlier column unfillable.
 * What remains on the left is the title (after a leading `#` number, if the table has one).
 */
export function readFlattenedRow(roles: readonly ColumnRole[], text: string, line: number): RowResult {
  const words = text.trim().split(/\s+/);
  const numericRoles = roles.filter((role) => role !== 'title' && role !== 'index');
  const hasIndex = roles[0] === 'index';
  let lastReason = 'the row does not end with the table\'s numeric cells';

  const solve = (roleIndex: number, end: number, row: RowCells): RowCells | null => {
    if (roleIndex < 0) {
      const start = hasIndex && /^\d+\.?$/.test(words[0] ?? '') ? 1 : 0;
      if (end <= start) return null;
      return { ...row, title: words.slice(start, end).join(' ') };
    }
    const role = numericRoles[roleIndex] as ColumnRole;
    for (let take = Math.min(MAX_CELL_WORDS, end - 1); take >= 1; take -= 1) {
      const candidate = { ...row };
      try {
        assignCell(candidate, role, words.slice(end - take, end).join(' '), false);
      } catch (error) {
        if (!(error instanceof Error)) throw error;
        lastReason = `${role}: ${error.message}`;
        continue;
      }
      const solved = solve(roleIndex - 1, end - take, candidate);
      if (solved) return solved;
    }
    return FLATTENED_OPTIONAL.has(role) ? solve(roleIndex - 1, end, row) : null;
  };

  const solved = solve(numericRoles.length - 1, words.length, emptyRow());
  return solved ? toTask(solved, line) : { ok: false, reason: lastReason };
}
