import { JournalError } from '../errors.ts';

/**
 * The one set of limits every post reader works within. A published post is a few kilobytes, a
 * whole series a few hundred; the limits are far above that and far below what stalls the parsers
 * (micromark is quadratic in emphasis markers per paragraph and recursive in nesting; a 5,000-row
 * GFM table already takes seconds). Checked on the raw input (size) and on the text each reader
 * extracts (lines, nesting, inline markers), before any parser sees it; the time and memory limits
 * bound the reader itself (it runs in a worker that is stopped when it exceeds them).
 */
export const IMPORT_LIMITS = {
  /** Bytes of one input (file, stdin or paste). */
  maxInputBytes: 10 * 1024 * 1024,
  /** Characters of text a reader extracted (the markdown itself, the page text of an HTML file). */
  maxTextChars: 2_000_000,
  /** Lines of extracted text (each table row is a line): a whole series is a few thousand. */
  maxLines: 5_000,
  /** Block-quote and list nesting of a markdown line. */
  maxNesting: 32,
  /** Element nesting of an HTML page (real pages nest 20–60 deep). */
  maxHtmlNesting: 256,
  /** Emphasis markers (`*`, `_`) in one markdown paragraph or table. */
  maxInlineMarkers: 2_000,
  /** Wall-clock time of one reading, in milliseconds. */
  timeMs: 10_000,
  /** Heap of the reading worker, in megabytes. */
  workerHeapMb: 512,
} as const;

export type ImportLimits = typeof IMPORT_LIMITS;

const count = (value: number) => value.toLocaleString('en-US');

function refuse(source: string, what: string): never {
  throw new JournalError('IMPORT_FAILED', `${source}: ${what}; nothing imported.`);
}

/** Refuses an input larger than the limit before it is read or decoded. */
export function checkInputSize(source: string, bytes: number, limits: ImportLimits = IMPORT_LIMITS): void {
  if (bytes > limits.maxInputBytes) {
    refuse(source, `is ${(bytes / 1024 / 1024).toFixed(1)} MB; a post import reads at most ${limits.maxInputBytes / 1024 / 1024} MB (a published post is a few kilobytes)`);
  }
}

/** Refuses binary content: a NUL character never occurs in a post. */
export function checkIsText(source: string, text: string): void {
  if (text.includes('\u0000')) refuse(source, 'is a binary file, not a post (it contains NUL bytes)');
}

/** Size and line count of the text a reader extracted. */
export function checkExtractedText(source: string, text: string, limits: ImportLimits = IMPORT_LIMITS): void {
  if (text.length > limits.maxTextChars) {
    refuse(source, `holds ${count(text.length)} characters of text; a post import reads at most ${count(limits.maxTextChars)}`);
  }
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    lines += 1;
    if (lines > limits.maxLines) refuse(source, `holds more than ${count(limits.maxLines)} lines; a post import reads at most ${count(limits.maxLines)} (split the file)`);
  }
}

/** Container depth of a markdown line: each `>` and each list marker or two columns of indentation is one level. */
function lineNesting(line: string): number {
  let depth = 0;
  let columns = 0;
  let at = 0;
  for (;;) {
    const char = line[at];
    if (char === ' ') columns += 1;
    else if (char === '\t') columns += 4;
    else if (char === '>') depth += 1;
    else if ((char === '-' || char === '*' || char === '+') && line[at + 1] === ' ') depth += 1;
    else break;
    at += 1;
  }
  return depth + Math.floor(columns / 2);
}

/**
 * Nesting and inline markers of markdown text, line by line in one pass: refuses what would stall
 * or overflow the markdown parser (deep `>` or lists, thousands of `*` in one paragraph).
 */
export function checkMarkdownText(source: string, text: string, limits: ImportLimits = IMPORT_LIMITS): void {
  checkExtractedText(source, text, limits);
  let markers = 0;
  let blockStart = 1;
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') {
      markers = 0;
      blockStart = index + 2;
      continue;
    }
    const nesting = lineNesting(line);
    if (nesting > limits.maxNesting) refuse(source, `line ${index + 1} nests ${count(nesting)} levels deep (quotes, lists or indentation); a post import reads at most ${limits.maxNesting}`);
    for (const char of line) if (char === '*' || char === '_') markers += 1;
    if (markers > limits.maxInlineMarkers) {
      refuse(source, `the paragraph at line ${blockStart} holds more than ${count(limits.maxInlineMarkers)} emphasis markers (* or _); a post import reads at most ${count(limits.maxInlineMarkers)}`);
    }
  }
}

/** Element nesting of a parsed HTML page. */
export function checkHtmlNesting(source: string, depth: number, limits: ImportLimits = IMPORT_LIMITS): void {
  if (depth > limits.maxHtmlNesting) refuse(source, `nests its HTML elements ${count(depth)} deep; a post import reads at most ${limits.maxHtmlNesting}`);
}

/** A reading that ran out of time or memory. */
export function readingRefused(source: string, why: 'time' | 'memory', limits: ImportLimits = IMPORT_LIMITS): JournalError {
  return new JournalError(
    'IMPORT_FAILED',
    why === 'time'
      ? `${source}: reading it took longer than ${limits.timeMs / 1000} s, so it was stopped; nothing imported.`
      : `${source}: reading it needed more than ${limits.workerHeapMb} MB of memory, so it was stopped; nothing imported.`,
  );
}
