import { rolesOfHeaderLine, type ColumnRole } from './columns.ts';
import type { PostBlock } from './model.ts';
import { readFlattenedRow } from './rows.ts';
import { isSectionHeading } from './sections.ts';

const AGGREGATE_HEADER = /^metric\s+value$/i;

/**
 * Blocks of a post copied from the web page: every table row is one line of words, so a task
 * table is a header line followed by rows up to a blank line or a section heading.
 */
export function flattenedBlocks(text: string): PostBlock[] {
  const blocks: PostBlock[] = [];
  let roles: ColumnRole[] | null = null;
  let inAggregates = false;
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '') {
      roles = null;
      inAggregates = false;
      continue;
    }
    const header = rolesOfHeaderLine(trimmed);
    if (header) {
      roles = header;
      inAggregates = false;
      continue;
    }
    if (AGGREGATE_HEADER.test(trimmed)) {
      roles = null;
      inAggregates = true;
      continue;
    }
    if (isSectionHeading(trimmed)) {
      roles = null;
      inAggregates = false;
      blocks.push({ kind: 'heading', text: trimmed, line });
      continue;
    }
    if (roles) {
      const row = readFlattenedRow(roles, trimmed, line);
      blocks.push(row.ok ? { kind: 'taskRow', task: row.task } : { kind: 'unparsed', unparsed: { line, text: trimmed, reason: row.reason } });
      continue;
    }
    if (inAggregates) {
      // "Total human-equivalent hours 204h": the label is the words before the first figure.
      const match = /^(.*?[a-z)])\s+([~\d].*)$/i.exec(trimmed);
      if (match) {
        blocks.push({ kind: 'aggregateRow', label: match[1] ?? '', value: match[2] ?? '', line });
        continue;
      }
    }
    blocks.push({ kind: 'paragraph', text: trimmed, line });
  }
  return blocks;
}
