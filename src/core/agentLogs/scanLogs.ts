import fs from 'node:fs';
import type { SqliteDatabase } from '../store/database.ts';
import { AgentSessionStore, type StoredFile } from './agentSessionStore.ts';
import { applyEvent, emptyFileState } from './fileState.ts';
import { listLogFiles, type LogFile } from './logFiles.ts';
import { readLogLine, type LogEvent } from './logLine.ts';

export interface ScanResult {
  roots: string[];
  filesSeen: number;
  /** Files that had new bytes. */
  filesRead: number;
  bytesRead: number;
  linesRead: number;
  badLines: number;
  sessionsUpdated: number;
}

const CHUNK_BYTES = 8 * 1024 * 1024;
const NEWLINE = 0x0a;

/**
 * Reads the bytes of a file appended since `stored.offset`, whole lines only (a line still being
 * written is left for the next scan), folding each into the file's state and advancing its offset.
 */
/** Usage records of one read, deduplicated in memory first (streaming writes each response several times). */
type PendingUsage = Map<string, { sessionId: string; event: Extract<LogEvent, { kind: 'usage' }>; total: number }>;

function readAppended(file: StoredFile, size: number, pending: PendingUsage): void {
  const fd = fs.openSync(file.path, 'r');
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let position = file.offset;
  let carry: Buffer | null = null;
  try {
    while (position < size) {
      const wanted = Math.min(CHUNK_BYTES, size - position);
      const got = fs.readSync(fd, buffer, 0, wanted, position);
      if (got === 0) break;
      position += got;
      const bytes: Buffer = carry ? Buffer.concat([carry, buffer.subarray(0, got)]) : buffer.subarray(0, got);
      const lastNewline = bytes.lastIndexOf(NEWLINE);
      if (lastNewline === -1) {
        carry = Buffer.from(bytes);
        continue;
      }
      for (const line of bytes.toString('utf8', 0, lastNewline).split('\n')) {
        if (line.trim() === '') continue;
        readLine(file, line, pending);
      }
      file.offset += lastNewline + 1;
      carry = lastNewline + 1 < bytes.length ? Buffer.from(bytes.subarray(lastNewline + 1)) : null;
    }
  } finally {
    fs.closeSync(fd);
  }
}

function readLine(file: StoredFile, line: string, pending: PendingUsage): void {
  const state = file.state;
  state.lines += 1;
  const event = readLogLine(line);
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
    const seen = pending.get(key);
    if (!seen || total > seen.total) pending.set(key, { sessionId, event, total });
  }
}

function scanFile(store: AgentSessionStore, log: LogFile, result: ScanResult, touched: Set<string>): void {
  let size: number;
  try {
    size = fs.statSync(log.path).size;
  } catch {
    return; // Deleted between listing and reading: its figures stay in the database.
  }
  const stored = store.getFile(log.path);
  // A file shorter than what we read was replaced: read it again from the start.
  const fresh = !stored || size < stored.offset;
  if (!fresh && stored.offset === size) return;
  const file: StoredFile = fresh
    ? { path: log.path, sessionId: log.sessionId, projectDir: log.projectDir, isSubagent: log.isSubagent, size, offset: 0, state: emptyFileState(log.sessionId) }
    : { ...stored, size };
  store.transaction(() => {
    const before = file.offset;
    const lines = file.state.lines;
    const badLines = file.state.badLines;
    const pending: PendingUsage = new Map();
    readAppended(file, size, pending);
    for (const [key, { sessionId, event }] of pending) store.putUsage(key, sessionId, event.model, event.usage, event.at);
    result.bytesRead += file.offset - before;
    result.linesRead += file.state.lines - lines;
    result.badLines += file.state.badLines - badLines;
    store.putFile(file);
  });
  result.filesRead += 1;
  if (file.sessionId) touched.add(file.sessionId);
}

/** Reads every Claude Code log under the roots, only the bytes appended since the last scan, and stores the figures. */
export function scanAgentLogs(db: SqliteDatabase, roots: readonly string[]): ScanResult {
  const store = new AgentSessionStore(db);
  const result: ScanResult = { roots: [...roots], filesSeen: 0, filesRead: 0, bytesRead: 0, linesRead: 0, badLines: 0, sessionsUpdated: 0 };
  const touched = new Set<string>();
  for (const root of roots) {
    for (const log of listLogFiles(root)) {
      result.filesSeen += 1;
      scanFile(store, log, result, touched);
    }
  }
  store.transaction(() => {
    for (const sessionId of touched) store.refreshSession(sessionId);
  });
  result.sessionsUpdated = touched.size;
  return result;
}
