import fs from 'node:fs';
import path from 'node:path';
import { writeTransaction, type SqliteDatabase } from '../../store/database.ts';
import { addTokens, zeroTokens, type SessionPart, type Source, type SourceReader, type Turn } from './types.ts';

export interface SourceScanResult {
  agent: string;
  roots: string[];
  sourcesSeen: number;
  /** Sources that changed since the last scan and were read again. */
  sourcesRead: number;
  bytesRead: number;
  badLines: number;
  sessionsUpdated: number;
  /** Sources that could not be read this time (locked, unreadable, vanished): tried again on the next scan. */
  skippedFiles: number;
  skipped: { path: string; reason: string }[];
}

const SKIPPED_LISTED = 20;

function signature(source: Source): { signature: string; bytes: number } {
  let bytes = 0;
  const parts: string[] = [];
  for (const file of [source.path, ...(source.companions ?? [])]) {
    try {
      const stat = fs.statSync(file);
      if (stat.isFile()) bytes += stat.size;
      // An empty companion (a -wal a reader's connection left behind) says nothing new.
      parts.push(file !== source.path && stat.size === 0 ? '-' : `${stat.size}:${Math.round(stat.mtimeMs)}`);
    } catch {
      parts.push('-');
    }
  }
  return { signature: parts.join('|'), bytes };
}

type Interval = [number, number];

function union(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter(([start, end]) => end > start).sort((a, b) => a[0] - b[0]);
  const merged: Interval[] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

const measure = (intervals: readonly Interval[]) => union(intervals).reduce((sum, [start, end]) => sum + (end - start), 0);

/** One session's figures from its parts (each part one thread: a file, or a database's session). */
export function combineParts(parts: readonly SessionPart[]) {
  const top = Math.max(...parts.map((part) => part.precedence ?? 0));
  const used = parts.filter((part) => (part.precedence ?? 0) === top);
  const tokens = zeroTokens();
  for (const part of used) addTokens(tokens, part.tokens);
  const firsts = used.flatMap((part) => (part.firstAt === null ? [] : [part.firstAt]));
  const lasts = used.flatMap((part) => (part.lastAt === null ? [] : [part.lastAt]));
  const firstAt = firsts.length > 0 ? Math.min(...firsts) : null;
  const lastAt = lasts.length > 0 ? Math.max(...lasts) : null;
  // No turn reaches outside the session's records (a duration_ms longer than the log is clipped).
  const clip = (turns: readonly Turn[]): Interval[] =>
    firstAt === null || lastAt === null ? [] : turns.map(([start, end]) => [Math.max(start, firstAt), Math.min(end, lastAt)]);
  const threads = used.map((part) => union(clip(part.turns)));
  const agentMs = measure(threads.flat());
  const agentHoursMs = threads.reduce((sum, thread) => sum + measure(thread), 0);
  const wallMs = firstAt === null || lastAt === null ? 0 : lastAt - firstAt;
  if (agentMs > wallMs || agentMs > agentHoursMs) throw new Error(`Agent time ${agentMs} ms is outside its bounds (wall ${wallMs} ms): a bug in the turn rules.`);
  const allTurns = used.flatMap((part) => part.turns);
  const measured = allTurns.filter((turn) => turn[2] === 1).length;
  return {
    tokens,
    firstAt,
    lastAt,
    wallMs,
    agentMs,
    agentHoursMs,
    gaps: used.flatMap((part) => part.gaps),
    source: measured === 0 ? ('reconstructed' as const) : measured === allTurns.length ? ('turn_duration' as const) : ('mixed' as const),
    cwd: used.map((part) => part.cwd).find((value) => value !== null) ?? null,
    title: used.map((part) => part.title).find((value) => value !== null) ?? null,
    parentId: used.map((part) => part.parentId).find((value) => value !== null) ?? null,
    models: [...new Set(used.flatMap((part) => part.models))].sort(),
    badLines: parts.reduce((sum, part) => sum + part.badLines, 0),
  };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * Reads one agent's sources under the roots. A source whose size and time (and its companions')
 * are unchanged is not read again: its parts are kept (table `agent_sources`, migration 6), so a
 * re-scan reads only what changed, and sessions whose logs are gone keep their figures.
 */
export function scanSources(db: SqliteDatabase, reader: SourceReader, roots: readonly string[]): SourceScanResult {
  const result: SourceScanResult = { agent: reader.agent, roots: [...roots], sourcesSeen: 0, sourcesRead: 0, bytesRead: 0, badLines: 0, sessionsUpdated: 0, skippedFiles: 0, skipped: [] };
  const skip = (entry: { path: string; reason: string }) => {
    result.skippedFiles += 1;
    if (result.skipped.length < SKIPPED_LISTED) result.skipped.push(entry);
  };
  const getSource = db.prepare('SELECT signature FROM agent_sources WHERE path = ?');
  const putSource = db.prepare(
    `INSERT INTO agent_sources (path, agent, signature, parts, scanned_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (path) DO UPDATE SET agent = excluded.agent, signature = excluded.signature, parts = excluded.parts, scanned_at = excluded.scanned_at`,
  );
  const clearLinks = db.prepare('DELETE FROM agent_source_sessions WHERE path = ?');
  const putLink = db.prepare('INSERT OR IGNORE INTO agent_source_sessions (path, session_id) VALUES (?, ?)');
  const touched = new Set<string>();
  for (const root of roots) {
    const unreadable: { path: string; reason: string }[] = [];
    const sources = reader.listSources(path.resolve(root), unreadable);
    unreadable.forEach(skip);
    for (const source of sources) {
      result.sourcesSeen += 1;
      const { signature: current, bytes } = signature(source);
      const stored = getSource.get(source.path) as { signature: string } | undefined;
      if (stored?.signature === current) continue;
      let parts: SessionPart[];
      try {
        parts = reader.readSource(source);
      } catch (error) {
        // Locked by the running agent, unreadable, vanished: nothing of it is stored; tried again next scan.
        skip({ path: source.path, reason: (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error)) });
        continue;
      }
      writeTransaction(db, () => {
        putSource.run(source.path, reader.agent, current, JSON.stringify(parts), new Date().toISOString());
        clearLinks.run(source.path);
        for (const part of parts) {
          putLink.run(source.path, part.sessionId);
          touched.add(part.sessionId);
        }
      });
      result.sourcesRead += 1;
      result.bytesRead += bytes;
      result.badLines += parts.reduce((sum, part) => sum + part.badLines, 0);
    }
  }
  // Each source holding a touched session is parsed once (a database holds every session).
  const pathsOf = db.prepare('SELECT l.path FROM agent_source_sessions l JOIN agent_sources s ON s.path = l.path WHERE l.session_id = ? AND s.agent = ?');
  const partsAt = db.prepare('SELECT parts FROM agent_sources WHERE path = ?');
  const parsed = new Map<string, Map<string, SessionPart[]>>();
  const partsIn = (sourcePath: string): Map<string, SessionPart[]> => {
    let bySession = parsed.get(sourcePath);
    if (!bySession) {
      bySession = new Map();
      const row = partsAt.get(sourcePath) as { parts: string } | undefined;
      for (const part of row ? (JSON.parse(row.parts) as SessionPart[]) : []) bySession.set(part.sessionId, [...(bySession.get(part.sessionId) ?? []), part]);
      parsed.set(sourcePath, bySession);
    }
    return bySession;
  };
  writeTransaction(db, () => {
    for (const sessionId of touched) {
      const paths = (pathsOf.all(sessionId, reader.agent) as { path: string }[]).map((row) => row.path);
      const parts = paths.flatMap((sourcePath) => partsIn(sourcePath).get(sessionId) ?? []);
      if (parts.length > 0) storeSession(db, reader.agent, sessionId, parts);
    }
  });
  result.sessionsUpdated = touched.size;
  return result;
}

const upserts = new WeakMap<SqliteDatabase, ReturnType<SqliteDatabase['prepare']>>();

function storeSession(db: SqliteDatabase, agent: string, sessionId: string, parts: SessionPart[]): void {
  const figures = combineParts(parts);
  const t = figures.tokens;
  let upsert = upserts.get(db);
  if (!upsert) {
    upsert = db.prepare(
    `INSERT INTO agent_sessions (session_id, project, cwd, git_branch, title, first_at, last_at, agent_ms, agent_ms_source, wall_ms,
       input_tokens, output_tokens, cache_creation_tokens, cache_read_tokens, models, bad_lines, updated_at,
       agent, reasoning_tokens, total_tokens, parent_session_id, agent_figures)
     VALUES (@sessionId, @project, @cwd, NULL, @title, @firstAt, @lastAt, @agentMs, @legacySource, @wallMs,
       @input, @output, @cacheWrite, @cacheRead, @models, @badLines, @now, @agent, @reasoning, @total, @parentId, @figures)
     ON CONFLICT (session_id) DO UPDATE SET project = excluded.project, cwd = excluded.cwd, title = excluded.title,
       first_at = excluded.first_at, last_at = excluded.last_at, agent_ms = excluded.agent_ms, agent_ms_source = excluded.agent_ms_source,
       wall_ms = excluded.wall_ms, input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens,
       cache_creation_tokens = excluded.cache_creation_tokens, cache_read_tokens = excluded.cache_read_tokens, models = excluded.models,
       bad_lines = excluded.bad_lines, updated_at = excluded.updated_at, agent = excluded.agent, reasoning_tokens = excluded.reasoning_tokens,
       total_tokens = excluded.total_tokens, parent_session_id = excluded.parent_session_id, agent_figures = excluded.agent_figures`,
    );
    upserts.set(db, upsert);
  }
  upsert.run({
    sessionId,
    project: figures.cwd ? path.basename(figures.cwd) : null,
    cwd: figures.cwd,
    title: figures.title,
    firstAt: iso(figures.firstAt),
    lastAt: iso(figures.lastAt),
    agentMs: Math.round(figures.agentMs),
    legacySource: figures.source === 'reconstructed' ? 'reconstructed' : 'turn_duration',
    wallMs: figures.wallMs,
    input: t.input,
    output: t.output,
    cacheWrite: t.cacheWrite,
    cacheRead: t.cacheRead,
    models: figures.models.join(','),
    badLines: figures.badLines,
    now: new Date().toISOString(),
    agent,
    reasoning: t.reasoning,
    total: t.total,
    parentId: figures.parentId,
    figures: JSON.stringify({ agentHoursMs: Math.round(figures.agentHoursMs), gaps: figures.gaps.map(Math.round), source: figures.source }),
  });
}
