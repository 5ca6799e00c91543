import { roundHalfUp } from '../../shared/units/rounding.ts';
import { assignCell, emptyRow, isBlankCell, type RowCells } from './cells.ts';
import type { ColumnRole } from './columns.ts';
import type { PostTask } from './model.ts';
import { toTask } from './rows.ts';

/**
 * Rows whose cells are run together with no separator ("1Port the queue (3 workers)16h20m4m48.0x240.0x"),
 * as some readers and text extractors give a page. Every numeric cell ends with its unit (h, hours,
 * m, min, w, x, k), so the row is read from the right: each column of the header, last to first,
 * takes a suffix that fits its grammar; every way of splitting the row is tried (a cell may also
 * be absent when its column is optional), and the one whose figures agree with the row's own
 * stated factors wins. The leading row number is split from the title by the rows' sequence
 * (1, 2, 3, …) and the post's stated task count. When the split could not be confirmed, the row
 * carries a note saying it is a guess.
 */

const NUMBER = String.raw`(?:[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*|0)(?:\.\d+)?`;
const GRAMMAR: Partial<Record<ColumnRole, RegExp>> = {
  human: new RegExp(String.raw`^${NUMBER}\s*(?:h|hr|hrs|hours?|m|min|mins|minutes?)$`, 'i'),
  agent: new RegExp(String.raw`^${NUMBER}\s*(?:h|hr|hrs|hours?|m|min|mins|minutes?)$`, 'i'),
  supervision: new RegExp(String.raw`^${NUMBER}\s*(?:h|hr|hrs|hours?|m|min|mins|minutes?)$`, 'i'),
  tokens: new RegExp(String.raw`^~?\s*${NUMBER}\s*[kKMB]?$`),
  factor: new RegExp(String.raw`^~?${NUMBER}\s*[x×]$`, 'i'),
  supervisoryFactor: new RegExp(String.raw`^~?${NUMBER}\s*[x×]$`, 'i'),
  weeks: new RegExp(String.raw`^${NUMBER}\s*(?:w|wk|wks|weeks?)?$`, 'i'),
};
const OPTIONAL: ReadonlySet<ColumnRole> = new Set(['tokens', 'supervision', 'supervisoryFactor', 'weeks']);
const BLANK_MARKS = ['—', '–', 'n/a'];
/** The longest numeric cell ("~1,495,000,000", "120 minutes"). */
const MAX_CELL = 24;
/** Splits explored per row before giving up (real rows have a handful). */
const MAX_SPLITS = 256;

export interface GluedContext {
  /** The row number the sequence expects (previous row's + 1). */
  expectedIndex: number;
  /** The post's stated task count, when it states one. */
  taskCount: number | null;
}

export type GluedResult =
  | { ok: true; task: PostTask; index: number | null; guess: string | null }
  | { ok: false; reason: string };

interface Split {
  row: RowCells;
  rest: string;
  /** Cell boundaries with a digit on both sides: the split there is not evident from the text. */
  digitBoundaries: number;
}

const digit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9';

function splits(text: string, roles: readonly ColumnRole[]): Split[] {
  const found: Split[] = [];
  const solve = (roleIndex: number, end: number, row: RowCells, digitBoundaries: number) => {
    if (found.length >= MAX_SPLITS) return;
    let stop = end;
    while (stop > 0 && /\s/.test(text[stop - 1] ?? '')) stop -= 1;
    if (roleIndex < 0) {
      if (stop > 0) found.push({ row, rest: text.slice(0, stop), digitBoundaries });
      return;
    }
    const role = roles[roleIndex] as ColumnRole;
    const grammar = GRAMMAR[role];
    if (!grammar) return;
    for (let length = 1; length <= Math.min(MAX_CELL, stop - 1); length += 1) {
      const start = stop - length;
      const cell = text.slice(start, stop);
      if (/^\s/.test(cell)) continue;
      const blank = OPTIONAL.has(role) && BLANK_MARKS.includes(cell.toLowerCase());
      if (!blank && !grammar.test(cell)) continue;
      const candidate = { ...row };
      if (!blank) {
        try {
          assignCell(candidate, role, cell, false);
        } catch {
          continue;
        }
      }
      const glued = digit(text[start - 1]) && digit(cell[0]) ? 1 : 0;
      solve(roleIndex - 1, start, candidate, digitBoundaries + glued);
    }
    if (OPTIONAL.has(role)) solve(roleIndex - 1, stop, row, digitBoundaries);
  };
  solve(roles.length - 1, text.length, emptyRow(), 0);
  return found;
}

function agrees(stated: { value: number; decimals: number } | null, computed: number | null): boolean | null {
  if (!stated) return null;
  return computed !== null && roundHalfUp(computed, stated.decimals) === stated.value;
}

/** How many of the row's stated figures the split reproduces, and how many it contradicts. */
function checks(row: RowCells): { agree: number; disagree: number } {
  const results = [
    agrees(row.factor, row.agent > 0 ? row.human / row.agent : null),
    agrees(row.supervisoryFactor, row.supervision ? row.human / row.supervision : null),
    row.weeks === null ? null : Math.abs(row.weeks - row.human / 3600 / 40) <= 0.0051,
  ];
  return { agree: results.filter((result) => result === true).length, disagree: results.filter((result) => result === false).length };
}

/** The row number and title glued at the start of the row's text ("12Port 3 queues" → 12, "Port 3 queues"). */
function splitIndex(rest: string, context: GluedContext): { index: number; title: string; guess: boolean } | null {
  const run = /^(\d{1,6})\.?\s*/.exec(rest);
  if (!run) return null;
  const digits = run[1] ?? '';
  const options: { index: number; title: string }[] = [];
  for (let length = 1; length <= digits.length; length += 1) {
    const title = rest.slice(length).replace(/^\.?\s*/, '');
    if (title !== '') options.push({ index: Number(digits.slice(0, length)), title });
  }
  if (options.length === 0) return null;
  const expected = options.find((option) => option.index === context.expectedIndex);
  if (expected) return { ...expected, guess: false };
  // The sequence is broken (a row before was cut or unreadable): the number must still fit the count.
  const plausible = options.filter((option) => option.index >= 1 && (context.taskCount === null || option.index <= context.taskCount));
  const chosen = plausible.find((option) => option.index > context.expectedIndex) ?? plausible[0] ?? options[0];
  return chosen ? { ...chosen, guess: options.length > 1 } : null;
}

const describe = (row: RowCells) => `${row.human / 3600}h, ${row.agent / 60}min`;

/** Reads one run-together row by the table's roles (in header order). */
export function readGluedRow(roles: readonly ColumnRole[], text: string, line: number, context: GluedContext): GluedResult {
  const numeric = roles.filter((role) => role !== 'title' && role !== 'index');
  const hasIndex = roles[0] === 'index';
  const all = splits(text.trim(), numeric).filter((split) => split.row.human >= 0 && split.row.agent >= 0);
  if (all.length === 0) return { ok: false, reason: "the row does not end with the table's numeric cells" };
  const scored = all.map((split) => ({ split, ...checks(split.row) }));
  // Fewest contradicted factors, then most confirmed, then fewest digit-to-digit boundaries, then
  // the most cells filled (a blank optional cell leaves nothing only when the text has no figure).
  const filled = (row: RowCells) => [row.tokens, row.supervision, row.supervisoryFactor, row.weeks, row.factor].filter((value) => value !== null).length;
  scored.sort(
    (a, b) => a.disagree - b.disagree || b.agree - a.agree || a.split.digitBoundaries - b.split.digitBoundaries || filled(b.split.row) - filled(a.split.row),
  );
  const best = scored[0]!;
  const rivals = scored.filter(
    (other) =>
      other !== best &&
      other.disagree === best.disagree &&
      other.agree === best.agree &&
      other.split.digitBoundaries === best.split.digitBoundaries &&
      filled(other.split.row) === filled(best.split.row) &&
      describe(other.split.row) !== describe(best.split.row),
  );
  const notes: string[] = [];
  if (best.disagree > 0 || (best.split.digitBoundaries > 0 && best.agree === 0) || rivals.length > 0) {
    notes.push(`the figures were split as ${describe(best.split.row)}${rivals.length > 0 ? ` (also possible: ${rivals.slice(0, 2).map((rival) => describe(rival.split.row)).join('; ')})` : ''}`);
  }
  let rest = best.split.rest.trim();
  let index: number | null = null;
  if (hasIndex) {
    const split = splitIndex(rest, context);
    if (!split) return { ok: false, reason: 'the row does not start with its number' };
    index = split.index;
    rest = split.title;
    if (split.guess) notes.push(`the row number was taken as ${split.index} (the sequence expected ${context.expectedIndex})`);
  }
  if (isBlankCell(rest)) return { ok: false, reason: 'the task title is empty' };
  const result = toTask({ ...best.split.row, title: rest }, line);
  if (!result.ok) return result;
  return { ok: true, index, guess: notes.length > 0 ? `split is a guess: ${notes.join('; ')}` : null, task: result.task };
}
