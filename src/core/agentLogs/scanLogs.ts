import fs from 'node:fs';
import type { SqliteDatabase } from '../store/database.ts';
import { AgentSessionStore, type StoredFile } from './agentSessionStore.ts';
import { claudeCodeFormat } from './claudeCode.ts';
import { applyEvent, emptyFileState } from './fileState.ts';
import type { AgentLogFormat, LogEvent, LogFile } from './logEvents.ts';
import type { SkippedPath } from './logFiles.ts';

export interface ScanResult {
  roots: string[];
  filesSeen: number;
  /** Files that had new bytes. */
  filesRead: number;
  bytesRead: number;
  linesRead: number;
  badLines: number;
  /** Lines longer than the cap, skipped unread (their file is read on after them). */
  longLines: number;
  sessionsUpdated: number;
  /** Files and folders that could not be read this time (unreadable, vanished, failing), each skipped. */
  skippedFiles: number;
  /** The first few of them, with the reason. */
  skipped: SkippedPath[];
}

export interface ScanOptions {
  format?: AgentLogFormat;
  /** Longest line read (bytes); a longer one is skipped and counted. */
  maxLineBytes?: number;
}

const CHUNK_BYTES = 8 * 1024 * 1024;
/** Far above any real record (a pasted screenshot is a few MB); a longer line is skipped unread. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;
const SKIPPED_LISTED = 20;
const NEWLINE = 0x0a;

/** Usage records of one read, deduplicated in memory first (streaming writes each response several times). */
type PendingUsage = Map<string, { sessionId: string; event: Extract<LogEvent, { kind: 'usage' }>; total: number }>;

interface ReadContext {
  format: AgentLogFormat;
  maxLineBytes: number;
  pending: PendingUsage;
}

let sharedBuffer: Buffer | null = null;

/** One read buffer for every file of a scan: a fresh one per file costs page faults on every read. */
function readBuffer(bytes: number): Buffer {
  if (!sharedBuffer || sharedBuffer.length < bytes) sharedBuffer = Buffer.allocUnsafeSlow(Math.max(bytes, 64 * 1024));
  return sharedBuffer.subarray(0, bytes);
}

/**
 * Reads the bytes of a file appended since `file.offset`, whole lines only (a line still being
 * written is left for the next scan), folding each into the file's state and advancing its offset.
 * A line longer than the cap is skipped as it streams past (memory stays bounded), and the state
 * remembers when a scan stopped inside one, so no later scan reads its bytes again.
 */
function readAppended(file: StoredFile, size: number, context: ReadContext): void {
  const fd = fs.openSync(file.path, 'r');
  const buffer = readBuffer(Math.min(CHUNK_BYTES, Math.max(size - file.offset, 1)));
  const state = file.state;
  let position = file.offset;
  let carry: Buffer | null = null;
  try {
    while (position < size) {
      const got = fs.readSync(fd, buffer, 0, Math.min(buffer.length, size - position), position);
      if (got === 0) break;
      position += got;
      let bytes: Buffer = buffer.subarray(0, got);
      if (state.skippingLine) {
        const end = bytes.indexOf(NEWLINE);
        if (end === -1) {
          file.offset += got;
          continue;
        }
        file.offset += end + 1;
        state.skippingLine = false;
        bytes = bytes.subarray(end + 1);
      }
      if (carry) bytes = Buffer.concat([carry, bytes]);
      const lastNewline = bytes.lastIndexOf(NEWLINE);
      if (lastNewline === -1) {
        if (bytes.length > context.maxLineBytes) {
          state.longLines += 1;
          state.skippingLine = true;
          file.offset += bytes.length;
          carry = null;
        } else {
          carry = bytes.length > 0 ? Buffer.from(bytes) : null;
        }
        continue;
      }
      let lineStart = 0;
      while (lineStart <= lastNewline) {
        const lineEnd = bytes.indexOf(NEWLINE, lineStart);
        if (lineEnd - lineStart > context.maxLineBytes) state.longLines += 1;
        else if (lineEnd > lineStart) readLine(file, bytes.toString('utf8', lineStart, lineEnd), context);
        lineStart = lineEnd + 1;
      }
      file.offset += lastNewline + 1;
      const rest = bytes.length - (lastNewline + 1);
      if (rest > context.maxLineBytes) {
        state.longLines += 1;
        state.skippingLine = true;
        file.offset += rest;
        carry = null;
      } else {
        carry = rest > 0 ? Buffer.from(bytes.subarray(lastNewline + 1)) : null;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

function readLine(file: StoredFile, line: string, context: ReadContext): void {
  const state = file.state;
  if (line.trim() === '') return;
  state.lines += 1;
  const event = context.format.readLine(line, file.isSubagent);
  if (event === 'bad') {
    state.badLines += 1;
    return;
  }
  if (event === null) return;
  applyEvent(state, event);
  file.sessionId ??= state.sessionId;
  if (event.kind === 'usage') {
    const sessionId = file.sessionId ?? event.meta.sessionId;
    if (sessionId === null) return;
    // Without a message id a record cannot be a streamed copy of another: key it by its place.
    const key = event.messageKey ?? `${file.path}#${state.lines}`;
    const { input, output, cacheCreation, cacheRead } = event.usage;
    const total = input + output + cacheCreation + cacheRead;
    const seen = context.pending.get(key);
    if (!seen || total > seen.total) context.pending.set(key, { sessionId, event, total });
  }
}

function skip(result: ScanResult, path: string, error: unknown): void {
  result.skippedFiles += 1;
  if (result.skipped.length < SKIPPED_LISTED) {
    const code = (error as NodeJS.ErrnoException)?.code;
    result.skipped.push({ path, reason: code ?? (error instanceof Error ? error.message : String(error)) });
  }
}

/** A file read, waiting to be stored with the others of its batch. */
interface ReadFile {
  file: StoredFile;
  pending: PendingUsage;
}

function scanFile(store: AgentSessionStore, log: LogFile, result: ScanResult, options: Required<ScanOptions>): ReadFile | null {
  let size: number;
  try {
    size = fs.statSync(log.path).size;
  } catch (error) {
    // Deleted between listing and reading: its figures stay in the database.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') skip(result, log.path, error);
    return null;
  }
  const stored = store.getFile(log.path);
  // A file shorter than what we read was replaced, and a state from an older reader lacks the
  // figures of this one: read it again from the start.
  const fresh = !stored || !stored.current || size < stored.offset;
  if (!fresh && stored.offset === size) return null;
  const file: StoredFile = fresh
    ? { path: log.path, sessionId: log.sessionId, projectDir: log.projectDir, isSubagent: log.isSubagent, size, offset: 0, state: emptyFileState(log.sessionId), current: true }
    : { ...stored, size };
  const before = { offset: file.offset, lines: file.state.lines, badLines: file.state.badLines, longLines: file.state.longLines };
  const pending: PendingUsage = new Map();
  try {
    readAppended(file, size, { format: options.format, maxLineBytes: options.maxLineBytes, pending });
  } catch (error) {
    // Unreadable, vanished between stat and open, or failing mid-read: skipped whole this time
    // (nothing of it is stored), reported, and tried again on the next scan.
    skip(result, log.path, error);
    return null;
  }
  result.bytesRead += file.offset - before.offset;
  result.linesRead += file.state.lines - before.lines;
  result.badLines += file.state.badLines - before.badLines;
  result.longLines += file.state.longLines - before.longLines;
  result.filesRead += 1;
  return { file, pending };
}

/** Files are stored in batches: one transaction per batch, not per file (a cold scan reads thousands). */
const BATCH_BYTES = 64 * 1024 * 1024;
const BATCH_FILES = 2000;

/** Reads every agent log under the roots, only the bytes appended since the last scan, and stores the figures. */
export function scanAgentLogs(db: SqliteDatabase, roots: readonly string[], scanOptions: ScanOptions = {}): ScanResult {
  const options: Required<ScanOptions> = { format: scanOptions.format ?? claudeCodeFormat, maxLineBytes: scanOptions.maxLineBytes ?? MAX_LINE_BYTES };
  const store = new AgentSessionStore(db);
  const result: ScanResult = {
    roots: [...roots],
    filesSeen: 0,
    filesRead: 0,
    bytesRead: 0,
    linesRead: 0,
    badLines: 0,
    longLines: 0,
    sessionsUpdated: 0,
    skippedFiles: 0,
    skipped: [],
  };
  const touched = new Set<string>();
  let batch: ReadFile[] = [];
  let batchBytes = 0;
  const flush = () => {
    if (batch.length === 0) return;
    const done = batch;
    batch = [];
    batchBytes = 0;
    store.transaction(() => {
      for (const { file, pending } of done) {
        for (const [key, { sessionId, event }] of pending) store.putUsage(key, sessionId, event.model, event.usage, event.at);
        store.putFile(file);
      }
    });
    for (const { file } of done) if (file.sessionId) touched.add(file.sessionId);
  };
  for (const root of roots) {
    const unreadable: SkippedPath[] = [];
    for (const log of options.format.listFiles(root, unreadable)) {
      result.filesSeen += 1;
      const read = scanFile(store, log, result, options);
      if (!read) continue;
      batch.push(read);
      batchBytes += read.file.size;
      if (batchBytes >= BATCH_BYTES || batch.length >= BATCH_FILES) flush();
    }
    for (const entry of unreadable) skip(result, entry.path, { code: entry.reason });
  }
  flush();
  store.transaction(() => {
    for (const sessionId of touched) store.refreshSession(sessionId);
  });
  result.sessionsUpdated = touched.size;
  return result;
}
