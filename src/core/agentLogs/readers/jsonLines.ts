import fs from 'node:fs';
import path from 'node:path';

const CHUNK_BYTES = 4 * 1024 * 1024;
const NEWLINE = 0x0a;
/** A longer line is skipped unread (counted), so memory stays bounded on a file of several GB. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

/**
 * Calls `onLine` for each complete line of a file, split on `\n` (0x0A) only: a record can hold
 * U+0085 or U+2028, which some line splitters treat as line breaks. A last line without its
 * newline is passed on too (a complete record counts, as ccusage counts it; a half-written one
 * fails to parse and is counted as a bad line by the reader).
 */
export function forEachLine(filePath: string, onLine: (line: string) => void): { longLines: number } {
  const fd = fs.openSync(filePath, 'r');
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let carry: Buffer | null = null;
  let skipping = false;
  let longLines = 0;
  try {
    for (;;) {
      const got = fs.readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (got === 0) break;
      let bytes: Buffer = buffer.subarray(0, got);
      if (skipping) {
        const end = bytes.indexOf(NEWLINE);
        if (end === -1) continue;
        skipping = false;
        bytes = bytes.subarray(end + 1);
      }
      if (carry) bytes = Buffer.concat([carry, bytes]);
      let start = 0;
      for (let end = bytes.indexOf(NEWLINE, start); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
        if (end - start > MAX_LINE_BYTES) longLines += 1;
        else if (end > start) onLine(bytes.toString('utf8', start, end));
        start = end + 1;
      }
      const rest = bytes.length - start;
      if (rest > MAX_LINE_BYTES) {
        longLines += 1;
        skipping = true;
        carry = null;
      } else carry = rest > 0 ? Buffer.from(bytes.subarray(start)) : null;
    }
  } finally {
    fs.closeSync(fd);
  }
  if (carry !== null && carry.length > 0) onLine(carry.toString('utf8'));
  return { longLines };
}

/** Parses a line as a JSON object, or null. */
export function parseObject(line: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(line) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Files under a folder whose names end with one of `endings`; unreadable folders below the top go to `skipped`. */
export function findFiles(folder: string, endings: readonly string[], skipped: { path: string; reason: string }[], top = true, found: string[] = []): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && !top) skipped.push({ path: folder, reason: code ?? String(error) });
    return found;
  }
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    // Regular files only: a FIFO or a socket with a log's name would block or fail a read.
    if (entry.isDirectory()) findFiles(full, endings, skipped, false, found);
    else if (entry.isFile() && endings.some((ending) => entry.name.endsWith(ending))) found.push(full);
  }
  return found;
}
