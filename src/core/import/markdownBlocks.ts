import type { Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { isTaskTable, roleOfHeaderCell } from './columns.ts';
import type { PostBlock } from './model.ts';
import { readMarkdownRow } from './rows.ts';

const parser = unified().use(remarkParse).use(remarkGfm);

/**
 * True when the text holds a GFM table (a `|---|` delimiter row) or a markdown title. A bare "#"
 * line is not enough: flattened tables with a leading "#" column start with one.
 */
export function looksLikeMarkdown(text: string): boolean {
  return /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/m.test(text) || /^#{1,6}\s+Leverage Record:/im.test(text);
}

function lineOf(node: { position?: { start: { line: number } } | undefined }): number {
  return node.position?.start.line ?? 0;
}

function tableBlocks(table: Table, sourceLines: readonly string[]): PostBlock[] {
  const [headerRow, ...rows] = table.children;
  if (!headerRow) return [];
  const header = headerRow.children.map((cell) => toString(cell));
  const roles = header.map(roleOfHeaderCell);
  if (isTaskTable(roles)) {
    return rows.map((row) => {
      const line = lineOf(row);
      const cells = row.children.map((cell) => toString(cell));
      const source = (sourceLines[line - 1] ?? '').trim();
      if (cells.length < header.length || (source.startsWith('|') && !source.endsWith('|'))) {
        return { kind: 'unparsed', unparsed: { line, text: source, reason: 'the row is cut off (fewer cells than the header)' } };
      }
      const result = readMarkdownRow(roles, cells, line);
      return result.ok ? { kind: 'taskRow', task: result.task } : { kind: 'unparsed', unparsed: { line, text: source, reason: result.reason } };
    });
  }
  if (header.length === 2) {
    return rows.map((row) => ({
      kind: 'aggregateRow',
      label: toString(row.children[0] ?? { type: 'text', value: '' }),
      value: toString(row.children[1] ?? { type: 'text', value: '' }),
      line: lineOf(row),
    }));
  }
  return [{ kind: 'paragraph', text: table.children.map((row) => row.children.map((cell) => toString(cell)).join(' | ')).join('\n'), line: lineOf(table) }];
}

function nodeBlocks(node: RootContent, sourceLines: readonly string[]): PostBlock[] {
  switch (node.type) {
    case 'heading':
      return [{ kind: 'heading', text: toString(node), line: lineOf(node) }];
    case 'table':
      return tableBlocks(node, sourceLines);
    case 'thematicBreak':
    case 'html':
    case 'definition':
      return [];
    default: {
      const text = toString(node).trim();
      return text === '' ? [] : [{ kind: 'paragraph', text, line: lineOf(node) }];
    }
  }
}

/** Blocks of a markdown post: GFM tables read cell by cell. */
export function markdownBlocks(text: string): PostBlock[] {
  const tree = parser.parse(text) as Root;
  const sourceLines = text.split(/\r?\n/);
  return tree.children.flatMap((node) => nodeBlocks(node, sourceLines));
}
