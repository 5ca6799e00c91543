import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { toString } from 'hast-util-to-string';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { VFile } from 'vfile';
import { isTaskTable, roleOfHeaderCell } from './columns.ts';
import { checkExtractedText, checkHtmlNesting } from './limits.ts';
import type { PostBlock } from './model.ts';
import { readMarkdownRow } from './rows.ts';
import { isChrome } from './sections.ts';

/**
 * Blocks of a post as HTML: a saved page, or the HTML flavour of the clipboard (a fragment).
 * parse5 (the HTML standard's parsing algorithm, as rehype-parse uses it) builds the document;
 * its nesting is measured before hast-util-from-parse5 (recursive) converts it to hast, which is
 * then walked for headings, paragraphs and tables. Tables are read cell by cell, like markdown's.
 */

/** Elements that are never part of the post: code, styles, navigation, forms, the page footer. */
const SKIPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'nav', 'footer', 'form', 'button', 'iframe', 'object', 'select', 'textarea', 'aside', 'dialog']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Elements that end a paragraph of running text. */
const BLOCKS = new Set([
  ...HEADINGS,
  'address', 'article', 'blockquote', 'body', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'header', 'hr', 'html',
  'li', 'main', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'ul', 'br',
  ...SKIPPED,
]);

type P5Node = DefaultTreeAdapterMap['node'];

/** The deepest element nesting of a parse5 document, walked without recursion. */
function depthOf(document: P5Node): number {
  let deepest = 0;
  const stack: [P5Node, number][] = [[document, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    const children = 'childNodes' in node ? node.childNodes : [];
    for (const child of children) stack.push([child, depth + 1]);
    // A <template>'s content is a separate fragment.
    if ('content' in node && node.content) stack.push([node.content, depth + 1]);
  }
  return deepest;
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();
const lineOf = (node: { position?: { start: { line: number } } | undefined }) => node.position?.start.line ?? 0;

function cellsOf(row: Element): string[] {
  return row.children.filter((cell): cell is Element => cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th')).map((cell) => clean(toString(cell)));
}

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  const stack: ElementContent[] = [...table.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== 'element') continue;
    if (node.tagName === 'tr') rows.push(node);
    else if (node.tagName === 'thead' || node.tagName === 'tbody' || node.tagName === 'tfoot') stack.push(...[...node.children].reverse());
  }
  return rows;
}

function tableBlocks(table: Element): PostBlock[] {
  const [headerRow, ...rows] = rowsOf(table);
  if (!headerRow) return [];
  const header = cellsOf(headerRow);
  const roles = header.map(roleOfHeaderCell);
  if (isTaskTable(roles)) {
    return rows.map((row): PostBlock => {
      const line = lineOf(row);
      const cells = cellsOf(row);
      const text = cells.join(' | ');
      if (cells.length < header.length) return { kind: 'unparsed', unparsed: { line, text, reason: 'the row is cut off (fewer cells than the header)' } };
      const result = readMarkdownRow(roles, cells, line);
      return result.ok ? { kind: 'taskRow', task: result.task } : { kind: 'unparsed', unparsed: { line, text, reason: result.reason } };
    });
  }
  if (header.length === 2) {
    const all = /^metric$/i.test(header[0] ?? '') ? rows : [headerRow, ...rows];
    return all.map((row) => {
      const [label = '', value = ''] = cellsOf(row);
      return { kind: 'aggregateRow', label, value, line: lineOf(row) };
    });
  }
  return [{ kind: 'paragraph', text: [headerRow, ...rows].map((row) => cellsOf(row).join(' | ')).join('\n'), line: lineOf(table) }];
}

/** Walks the page in document order, collecting headings, paragraphs of running text and tables. */
function collect(root: Root): PostBlock[] {
  const blocks: PostBlock[] = [];
  let running: string[] = [];
  let runningLine = 0;
  const flush = () => {
    const text = clean(running.join(''));
    if (text !== '' && !isChrome(text)) blocks.push({ kind: 'paragraph', text, line: runningLine });
    running = [];
  };
  const visit = (node: RootContent | ElementContent) => {
    if (node.type === 'text') {
      if (running.length === 0 || clean(running.join('')) === '') runningLine = lineOf(node);
      running.push(node.value);
      return;
    }
    if (node.type !== 'element') return;
    const tag = node.tagName;
    if (SKIPPED.has(tag) || node.properties.hidden !== undefined || node.properties.ariaHidden === 'true') {
      if (BLOCKS.has(tag)) flush();
      return;
    }
    if (!BLOCKS.has(tag)) {
      for (const child of node.children) visit(child);
      return;
    }
    flush();
    if (HEADINGS.has(tag)) {
      const text = clean(toString(node));
      if (text !== '') blocks.push({ kind: 'heading', text, line: lineOf(node) });
      return;
    }
    if (tag === 'table') {
      blocks.push(...tableBlocks(node));
      return;
    }
    for (const child of node.children) visit(child);
    flush();
  };
  for (const child of root.children) visit(child);
  flush();
  return blocks;
}

/** True when the text is HTML: it opens (after a BOM, whitespace, comments or a clipboard header) with a tag. */
export function looksLikeHtml(text: string): boolean {
  const start = text.slice(0, 4096).replace(/^\uFEFF/, '').replace(/^Version:\d[\s\S]*?(?=<)/, '').replace(/^(?:\s*<!--[\s\S]*?-->)*\s*/, '');
  return /^<(?:!doctype\s+html|html|head|body|meta|title|link|style|table|div|article|section|main|header|p|h[1-6]|span|ul|ol|b|strong|a)\b/i.test(start);
}

/** Blocks of an HTML post, within the import limits. */
export function htmlBlocks(text: string, source: string): PostBlock[] {
  const document = parse(text, { sourceCodeLocationInfo: true });
  checkHtmlNesting(source, depthOf(document));
  const tree = fromParse5(document, { file: new VFile(text) }) as Root;
  const blocks = collect(tree);
  checkExtractedText(source, blocks.map((block) => (block.kind === 'taskRow' ? block.task.title : block.kind === 'unparsed' ? block.unparsed.text : block.kind === 'aggregateRow' ? block.label : block.text)).join('\n'));
  return blocks;
}
