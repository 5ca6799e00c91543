import { parseTree, type Node, type ParseError } from 'jsonc-parser';

/**
 * Minimal, byte-preserving edits of a JSON document: one property or array element is inserted or
 * removed and every other byte of the file stays as it was (comments, key order, odd indentation,
 * CRLF). jsonc-parser finds the offsets; its own `modify` re-formats the surrounding range, which
 * would rewrite the user's formatting, so the text is spliced here instead.
 */

export interface TextLayout {
  eol: string;
  indentUnit: string;
  /** The document is on one line: insert compact JSON. */
  compact: boolean;
}

export function detectLayout(text: string): TextLayout {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indented = /\n([ \t]+)["}\]]/.exec(text);
  return { eol, indentUnit: indented?.[1] ?? '  ', compact: !text.trim().includes('\n') && text.trim() !== '' };
}

export function parseDocument(text: string): Node {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (!root || errors.length > 0) throw new SyntaxError('the file is not valid JSON');
  return root;
}

function end(node: Node): number {
  return node.offset + node.length;
}

function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

/** The value serialised for a place whose own line is indented by `indent`. */
function serialise(value: unknown, indent: string, layout: TextLayout): string {
  if (layout.compact) return JSON.stringify(value);
  return JSON.stringify(value, null, layout.indentUnit).split('\n').join(`${layout.eol}${indent}`);
}

/** The whitespace run just before `offset` (the separator a new sibling copies). */
function leadingWhitespace(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && /\s/.test(text[start - 1] ?? '')) start -= 1;
  return text.slice(start, offset);
}

function splice(text: string, from: number, to: number, insert: string): string {
  return `${text.slice(0, from)}${insert}${text.slice(to)}`;
}

/** Inserts `"key": value` as the last member of the object, or `value` as the last element of the array. */
export function appendChild(text: string, container: Node, value: unknown, key?: string): string {
  const layout = detectLayout(text);
  const children = container.children ?? [];
  const last = children[children.length - 1];
  const label = key === undefined ? '' : `${JSON.stringify(key)}:${layout.compact ? '' : ' '}`;
  if (last) {
    const separator = leadingWhitespace(text, last.offset);
    const indent = lineIndent(text, last.offset);
    return splice(text, end(last), end(last), `,${separator}${label}${serialise(value, indent, layout)}`);
  }
  // An empty container: its content becomes the one child, on its own line unless the file is compact.
  const outer = lineIndent(text, container.offset);
  const inner = layout.compact ? '' : `${layout.eol}${outer}${layout.indentUnit}`;
  const closing = layout.compact ? '' : `${layout.eol}${outer}`;
  return splice(text, container.offset + 1, end(container) - 1, `${inner}${label}${serialise(value, `${outer}${layout.indentUnit}`, layout)}${closing}`);
}

/**
 * Removes one child (a property node of an object, or an element of an array) with the separator
 * that joined it to its neighbour — the exact inverse of appendChild.
 */
export function removeChild(text: string, container: Node, child: Node): string {
  const children = container.children ?? [];
  const index = children.indexOf(child);
  if (index === -1) throw new Error('not a child of this container');
  const previous = children[index - 1];
  const next = children[index + 1];
  if (previous) return splice(text, end(previous), end(child), '');
  if (next) return splice(text, child.offset, next.offset, '');
  return splice(text, container.offset + 1, end(container) - 1, '');
}

/**
 * The property node (key and value) of `key` in an object node. With duplicate keys the last one,
 * as JSON.parse (and so Claude Code) reads the file: an edit in a shadowed copy would change nothing.
 */
export function propertyNode(object: Node | undefined, key: string): Node | undefined {
  if (!object || object.type !== 'object') return undefined;
  return object.children?.findLast((property) => property.children?.[0]?.value === key);
}

export function propertyValue(object: Node | undefined, key: string): Node | undefined {
  return propertyNode(object, key)?.children?.[1];
}
