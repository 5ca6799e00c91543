import { splitAggregateLine } from './assemblePosts.ts';
import { isTaskTable, roleOfHeaderCell, rolesOfHeaderLine, type ColumnRole } from './columns.ts';
import { readGluedRow } from './gluedRows.ts';
import type { PostBlock } from './model.ts';
import { readFlattenedRow, readMarkdownRow, type RowResult } from './rows.ts';
import { isChrome, isSectionHeading, TITLE_LINE } from './sections.ts';

/**
 * Blocks of a post copied as text from a browser or a text extractor. A table comes in one of four
 * shapes, told apart by its header line:
 * - cells separated by tabs (a browser's copy of a table),
 * - one cell per line (the header's names on consecutive lines, then each row's cells),
 * - cells separated by spaces (the header as words: "Task Human Est. Claude Time Tokens Leverage"),
 * - cells run together with no separator ("#TaskHuman Est.ClaudeLeverage").
 * The aggregate table follows "Metric Value" in the same shapes, or is recognised by its labels.
 */

type TableShape = 'tabs' | 'words' | 'lines';
interface Table {
  shape: TableShape;
  roles: (ColumnRole | null)[];
  expectedIndex: number;
  taskCount: number | null;
}

const METRIC_HEADER = /^metric\s*\t?\s*value$/i;
/** Lines of the one-cell-per-line header and aggregate header. */
const METRIC_WORD = /^metric$/i;
const VALUE_WORD = /^value$/i;

function tabRoles(line: string): (ColumnRole | null)[] | null {
  if (!line.includes('\t')) return null;
  const roles = line.split('\t').map((cell) => roleOfHeaderCell(cell));
  return isTaskTable(roles) ? roles : null;
}

/** A header with one name per line, starting at `start`: its roles and how many lines it spans. */
function lineRoles(lines: readonly string[], start: number): { roles: ColumnRole[]; span: number } | null {
  const roles: ColumnRole[] = [];
  let at = start;
  while (at < lines.length && roles.length < 10) {
    const role = roleOfHeaderCell(lines[at] ?? '');
    if (role === null || roles.includes(role)) break;
    roles.push(role);
    at += 1;
  }
  return roles.length >= 4 && isTaskTable(roles) ? { roles, span: at - start } : null;
}

/** The "Total tasks N" a post states, looked up ahead of its task table (before the next title). */
function statedTaskCount(lines: readonly string[], from: number): number | null {
  for (let at = from; at < lines.length; at += 1) {
    const line = (lines[at] ?? '').trim();
    if (TITLE_LINE.test(line)) return null;
    const direct = /^total tasks\s*[\t:]?\s*(\d+)$/i.exec(line);
    if (direct) return Number(direct[1]);
    if (/^total tasks$/i.test(line) && /^\d+$/.test((lines[at + 1] ?? '').trim())) return Number((lines[at + 1] ?? '').trim());
  }
  return null;
}

/** A row of words: spaces between cells, or, failing that, cells run together. */
function readWordsRow(table: Table, text: string, line: number): RowResult & { guess?: string | null } {
  const roles = table.roles as ColumnRole[];
  const spaced = readFlattenedRow(roles, text, line);
  const indexed = roles[0] === 'index' ? /^(\d+)\.?\s/.exec(text) : null;
  if (spaced.ok && (roles[0] !== 'index' || indexed)) {
    if (indexed) table.expectedIndex = Number(indexed[1]) + 1;
    return spaced;
  }
  const glued = readGluedRow(roles, text, line, { expectedIndex: table.expectedIndex, taskCount: table.taskCount });
  if (!glued.ok) return spaced.ok ? spaced : glued;
  if (glued.index !== null) table.expectedIndex = glued.index + 1;
  return { ok: true, task: glued.task, guess: glued.guess };
}

/** Reads one row of a one-cell-per-line table starting at `start`; blank lines stand for empty optional cells. */
function readLinesRow(roles: readonly ColumnRole[], lines: readonly string[], start: number): { result: RowResult; next: number } {
  const cells: string[] = [];
  let at = start;
  for (const role of roles) {
    const text = (lines[at] ?? '').trim();
    if (at >= lines.length) break;
    cells.push(text);
    at += 1;
    if (text === '' && role !== 'tokens' && role !== 'supervision' && role !== 'supervisoryFactor' && role !== 'weeks') break;
  }
  const source = lines.slice(start, at).map((line) => line.trim()).join(' | ');
  if (cells.length < roles.length) return { result: { ok: false, reason: 'the row is cut off (fewer cells than the header)' }, next: at };
  const result = readMarkdownRow(roles, cells, start + 1);
  return { result: result.ok ? result : { ok: false, reason: `${result.reason} (${source})` }, next: at };
}

function rowBlock(result: RowResult & { guess?: string | null }, line: number, text: string): PostBlock {
  if (!result.ok) return { kind: 'unparsed', unparsed: { line, text, reason: result.reason } };
  return result.guess ? { kind: 'taskRow', task: result.task, note: result.guess } : { kind: 'taskRow', task: result.task };
}

/** Blocks of a post as copied text. */
export function textBlocks(text: string): PostBlock[] {
  const lines = text.split(/\r?\n/);
  const blocks: PostBlock[] = [];
  let table: Table | null = null;
  let inAggregates = false;
  let at = 0;
  while (at < lines.length) {
    const line = at + 1;
    const raw = lines[at] ?? '';
    const trimmed = raw.trim();
    if (table?.shape === 'lines' && trimmed !== '' && roleOfHeaderCell(trimmed) === null && !isSectionHeading(trimmed) && !METRIC_WORD.test(trimmed) && !isChrome(trimmed)) {
      const { result, next } = readLinesRow(table.roles as ColumnRole[], lines, at);
      blocks.push(rowBlock(result, line, lines.slice(at, next).map((cell) => cell.trim()).join(' ')));
      at = next;
      continue;
    }
    at += 1;
    if (trimmed === '') {
      if (table?.shape !== 'lines') table = null;
      inAggregates = false;
      continue;
    }
    const tabs = tabRoles(raw);
    const words = tabs ? null : rolesOfHeaderLine(trimmed);
    const cellLines = tabs || words ? null : lineRoles(lines, at - 1);
    if (tabs || words || cellLines) {
      table = {
        shape: tabs ? 'tabs' : words ? 'words' : 'lines',
        roles: tabs ?? words ?? cellLines?.roles ?? [],
        expectedIndex: 1,
        taskCount: statedTaskCount(lines, at),
      };
      if (cellLines) at += cellLines.span - 1;
      inAggregates = false;
      continue;
    }
    if (METRIC_HEADER.test(trimmed) || (METRIC_WORD.test(trimmed) && VALUE_WORD.test((lines[at] ?? '').trim()))) {
      if (METRIC_WORD.test(trimmed)) at += 1;
      table = null;
      inAggregates = true;
      continue;
    }
    if (isSectionHeading(trimmed)) {
      table = null;
      inAggregates = false;
      blocks.push({ kind: 'heading', text: trimmed, line });
      continue;
    }
    if (isChrome(trimmed)) {
      table = null;
      continue;
    }
    const aggregate = splitAggregateLine(trimmed.replace(/\t/g, ' '));
    if (aggregate && (inAggregates || !table)) {
      table = null;
      blocks.push({ kind: 'aggregateRow', label: aggregate.label, value: aggregate.value, line });
      continue;
    }
    // One cell per line: a label alone, its figure on the next line.
    if (inAggregates && /^\D+$/.test(trimmed)) {
      const joined = splitAggregateLine(`${trimmed} ${(lines[at] ?? '').trim()}`);
      if (joined) {
        blocks.push({ kind: 'aggregateRow', label: joined.label, value: joined.value, line });
        at += 1;
        continue;
      }
    }
    if (table?.shape === 'tabs') {
      const cells = raw.split('\t');
      if (cells.length > 1) {
        blocks.push(rowBlock(readMarkdownRow(table.roles, cells, line), line, trimmed));
        continue;
      }
      table = null;
    }
    if (table) {
      const result = readWordsRow(table, trimmed, line);
      if (!result.ok && aggregate) {
        // The table ended without a blank line or heading: its aggregates follow directly.
        table = null;
        blocks.push({ kind: 'aggregateRow', label: aggregate.label, value: aggregate.value, line });
        continue;
      }
      blocks.push(rowBlock(result, line, trimmed));
      continue;
    }
    blocks.push({ kind: 'paragraph', text: trimmed, line });
  }
  return blocks;
}
