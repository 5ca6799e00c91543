import path from 'node:path';
import { JournalError } from '../errors.ts';
import { writeTransaction, type SqliteDatabase } from '../store/database.ts';
import type { AgentSession } from './agentSession.ts';
import { emptyFileState, FILE_STATE_VERSION, type FileState } from './fileState.ts';
import type { Usage } from './logEvents.ts';
import { personMs, sessionTiming, type AgentTimeSource } from './sessionTiming.ts';

export interface StoredFile {
  path: string;
  sessionId: string | null;
  projectDir: string;
  isSubagent: boolean;
  size: number;
  offset: number;
  state: FileState;
  /** False when the stored state was written by an older reader (the file is read again from its start). */
  current: boolean;
}

interface SessionRow {
  session_id: string;
  project: string | null;
  cwd: string | null;
  git_branch: string | null;
  title: string | null;
  first_at: string | null;
  last_at: string | null;
  agent_ms: number;
  agent_hours_ms: number;
  person_gaps: string;
  time_source: AgentTimeSource;
  wall_ms: number;
  input_tokens: number;
  output_tokens: number;
  cache_creation_tokens: number;
  cache_read_tokens: number;
  models: string;
  bad_lines: number;
  linked: string | null;
}

/** The default cap on one gap of the person's measured time (the `supervisionGapMinutes` setting). */
export const DEFAULT_SUPERVISION_GAP_MINUTES = 5;

function toSession(row: SessionRow, gapCapMinutes: number): AgentSession {
  const fresh = row.input_tokens + row.output_tokens + row.cache_creation_tokens;
  return {
    sessionId: row.session_id,
    project: row.project,
    cwd: row.cwd,
    gitBranch: row.git_branch,
    title: row.title,
    firstAt: row.first_at,
    lastAt: row.last_at,
    agentMinutes: row.agent_ms / 60_000,
    agentHours: row.agent_hours_ms / 3_600_000,
    personMinutes: personMs(JSON.parse(row.person_gaps) as number[], gapCapMinutes) / 60_000,
    agentTimeSource: row.time_source,
    wallMinutes: row.wall_ms / 60_000,
    inputTokens: row.input_tokens,
    outputTokens: row.output_tokens,
    cacheCreationTokens: row.cache_creation_tokens,
    cacheReadTokens: row.cache_read_tokens,
    freshTokens: fresh,
    totalTokens: fresh + row.cache_read_tokens,
    models: row.models === '' ? [] : row.models.split(','),
    badLines: row.bad_lines,
    linkedTaskIds: row.linked ? row.linked.split(',').map(Number).sort((a, b) => a - b) : [],
  };
}

const SESSION_SELECT = `SELECT s.*, (SELECT group_concat(l.task_id) FROM task_agent_sessions l JOIN tasks t ON t.id = l.task_id AND t.deleted_at IS NULL
  WHERE l.session_id = s.session_id) AS linked FROM agent_sessions s`;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The agent-log tables (migration 3): scanned files, deduplicated usage, session figures, task links. */
export class AgentSessionStore {
  private readonly db: SqliteDatabase;
  private readonly getFileStatement;
  private readonly putFileStatement;
  private readonly usageStatement;

  constructor(db: SqliteDatabase) {
    this.db = db;
    this.getFileStatement = db.prepare('SELECT path, session_id, project_dir, is_subagent, size, offset, state FROM agent_log_files WHERE path = ?');
    this.putFileStatement = db.prepare(
      `INSERT INTO agent_log_files (path, session_id, project_dir, is_subagent, size, offset, state, scanned_at)
       VALUES (@path, @sessionId, @projectDir, @isSubagent, @size, @offset, @state, @now)
       ON CONFLICT (path) DO UPDATE SET session_id = excluded.session_id, size = excluded.size, offset = excluded.offset,
         state = excluded.state, scanned_at = excluded.scanned_at`,
    );
    // Streamed responses repeat one message.id + requestId; keep the largest copy (the final one).
    this.usageStatement = db.prepare(
      `INSERT INTO agent_usage VALUES (@key, @sessionId, @model, @input, @output, @cacheCreation, @cacheRead, @total, @at)
       ON CONFLICT (message_key) DO UPDATE SET session_id = excluded.session_id, model = excluded.model,
         input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens,
         cache_creation_tokens = excluded.cache_creation_tokens, cache_read_tokens = excluded.cache_read_tokens,
         total_tokens = excluded.total_tokens, at = excluded.at
       WHERE excluded.total_tokens > agent_usage.total_tokens`,
    );
  }

  transaction<T>(work: () => T): T {
    return writeTransaction(this.db, work);
  }

  getFile(filePath: string): StoredFile | null {
    const row = this.getFileStatement.get(filePath) as
      | { path: string; session_id: string | null; project_dir: string; is_subagent: number; size: number; offset: number; state: string }
      | undefined;
    if (!row) return null;
    const state = JSON.parse(row.state) as Partial<FileState>;
    return {
      path: row.path,
      sessionId: row.session_id,
      projectDir: row.project_dir,
      isSubagent: row.is_subagent === 1,
      size: row.size,
      offset: row.offset,
      state: { ...emptyFileState(row.session_id), ...state },
      current: state.v === FILE_STATE_VERSION,
    };
  }

  putFile(file: StoredFile): void {
    this.putFileStatement.run({
      path: file.path,
      sessionId: file.sessionId,
      projectDir: file.projectDir,
      isSubagent: file.isSubagent ? 1 : 0,
      size: file.size,
      offset: file.offset,
      state: JSON.stringify(file.state),
      now: new Date().toISOString(),
    });
  }

  putUsage(key: string, sessionId: string, model: string | null, usage: Usage, at: number | null): void {
    this.usageStatement.run({
      key,
      sessionId,
      model,
      ...usage,
      total: usage.input + usage.output + usage.cacheCreation + usage.cacheRead,
      at: iso(at),
    });
  }

  /** Recomputes a session's stored figures from its files and its usage rows. */
  refreshSession(sessionId: string): void {
    // A file read by an older reader and gone since cannot be read again: it has no turns to give.
    const files = (this.db.prepare('SELECT path FROM agent_log_files WHERE session_id = ?').all(sessionId) as { path: string }[])
      .map((row) => this.getFile(row.path))
      .filter((file): file is StoredFile => file !== null && file.current);
    const timing = sessionTiming(files);
    const mainFiles = files.filter((file) => !file.isSubagent);
    const timed = mainFiles.length > 0 ? mainFiles : files;
    const states = timed.map((file) => file.state);
    const cwd = states.map((state) => state.cwd).find((value) => value !== null) ?? null;
    const gitBranch = states.map((state) => state.gitBranch).findLast((value) => value !== null) ?? null;
    // The session's own words: the first prompt typed in it, else its own summary, else its first command.
    const title =
      states.map((state) => state.firstPrompt).find((value) => value !== null) ??
      states.map((state) => state.summary).findLast((value) => value !== null) ??
      states.map((state) => state.firstCommand).find((value) => value !== null) ??
      null;
    const tokens = this.db
      .prepare(
        `SELECT coalesce(sum(input_tokens), 0) AS input, coalesce(sum(output_tokens), 0) AS output,
           coalesce(sum(cache_creation_tokens), 0) AS cacheCreation, coalesce(sum(cache_read_tokens), 0) AS cacheRead,
           coalesce(group_concat(DISTINCT model), '') AS models
         FROM agent_usage WHERE session_id = ?`,
      )
      .get(sessionId) as { input: number; output: number; cacheCreation: number; cacheRead: number; models: string };
    this.db
      .prepare(
        `INSERT INTO agent_sessions (session_id, project, cwd, git_branch, title, first_at, last_at, agent_ms, agent_ms_source, wall_ms,
           input_tokens, output_tokens, cache_creation_tokens, cache_read_tokens, models, bad_lines, updated_at, agent_hours_ms, person_gaps, time_source)
         VALUES (@sessionId, @project, @cwd, @gitBranch, @title, @firstAt, @lastAt, @agentMs, @legacySource, @wallMs,
           @input, @output, @cacheCreation, @cacheRead, @models, @badLines, @now, @agentHoursMs, @gaps, @source)
         ON CONFLICT (session_id) DO UPDATE SET project = excluded.project, cwd = excluded.cwd, git_branch = excluded.git_branch,
           title = excluded.title, first_at = excluded.first_at, last_at = excluded.last_at, agent_ms = excluded.agent_ms,
           agent_ms_source = excluded.agent_ms_source, wall_ms = excluded.wall_ms, input_tokens = excluded.input_tokens,
           output_tokens = excluded.output_tokens, cache_creation_tokens = excluded.cache_creation_tokens,
           cache_read_tokens = excluded.cache_read_tokens, models = excluded.models, bad_lines = excluded.bad_lines,
           updated_at = excluded.updated_at, agent_hours_ms = excluded.agent_hours_ms, person_gaps = excluded.person_gaps,
           time_source = excluded.time_source`,
      )
      .run({
        sessionId,
        project: cwd ? path.basename(cwd) : (files[0]?.projectDir ?? null),
        cwd,
        gitBranch,
        title,
        firstAt: iso(timing.firstAt),
        lastAt: iso(timing.lastAt),
        agentMs: Math.round(timing.agentMs),
        // Migration 3's column allows two values; time_source (migration 6) holds the real one.
        legacySource: timing.source === 'reconstructed' ? 'reconstructed' : 'turn_duration',
        wallMs: timing.wallMs,
        ...tokens,
        models: tokens.models.split(',').filter((model) => model !== '').sort().join(','),
        badLines: files.reduce((sum, file) => sum + file.state.badLines + file.state.longLines, 0),
        now: new Date().toISOString(),
        agentHoursMs: Math.round(timing.agentHoursMs),
        gaps: JSON.stringify(timing.gaps.map(Math.round)),
        source: timing.source,
      });
  }

  /** The cap on one gap of the person's measured time, in minutes (a setting; read without the settings schema). */
  supervisionGapMinutes(): number {
    const row = this.db.prepare("SELECT value FROM settings WHERE key = 'supervisionGapMinutes'").get() as { value: string } | undefined;
    const value = row ? (JSON.parse(row.value) as unknown) : null;
    return typeof value === 'number' && value > 0 ? value : DEFAULT_SUPERVISION_GAP_MINUTES;
  }

  /** Sessions whose last record is on or after `since` ("YYYY-MM-DD" or an ISO time), newest first. */
  listSessions(since?: string): AgentSession[] {
    const rows = since
      ? this.db.prepare(`${SESSION_SELECT} WHERE s.last_at >= ? ORDER BY s.last_at DESC`).all(since)
      : this.db.prepare(`${SESSION_SELECT} ORDER BY s.last_at DESC`).all();
    const cap = this.supervisionGapMinutes();
    return (rows as SessionRow[]).map((row) => toSession(row, cap));
  }

  /** A session by its id, or by a unique prefix of it (ids are long UUIDs). */
  requireSession(idOrPrefix: string): AgentSession {
    const rows = this.db
      .prepare(`${SESSION_SELECT} WHERE s.session_id = ? OR s.session_id LIKE ? ESCAPE '\\' LIMIT 2`)
      .all(idOrPrefix, `${idOrPrefix.replace(/[\\%_]/g, (match) => `\\${match}`)}%`) as SessionRow[];
    const exact = rows.find((row) => row.session_id === idOrPrefix);
    const cap = this.supervisionGapMinutes();
    if (exact) return toSession(exact, cap);
    if (rows.length === 0) throw new JournalError('NOT_FOUND', `There is no agent session "${idOrPrefix}" (run \`leverage sessions\` to scan the logs).`);
    if (rows.length > 1) throw new JournalError('INVALID_INPUT', `"${idOrPrefix}" matches several sessions; give more of the id.`);
    return toSession(rows[0] as SessionRow, cap);
  }

  /** Links sessions to a task (keeping earlier links); returns the task's linked session ids. */
  linkSessions(taskId: number, sessionIds: readonly string[]): string[] {
    return this.transaction(() => {
      const insert = this.db.prepare('INSERT OR IGNORE INTO task_agent_sessions (task_id, session_id) VALUES (?, ?)');
      for (const id of sessionIds) insert.run(taskId, this.requireSession(id).sessionId);
      return this.linkedSessionIds(taskId);
    });
  }

  linkedSessionIds(taskId: number): string[] {
    return (this.db.prepare('SELECT session_id FROM task_agent_sessions WHERE task_id = ? ORDER BY session_id').all(taskId) as { session_id: string }[]).map(
      (row) => row.session_id,
    );
  }
}
