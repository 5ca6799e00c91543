import path from 'node:path';
import { JournalError } from '../errors.ts';
import { writeTransaction, type SqliteDatabase } from '../store/database.ts';
import type { AgentSession } from './agentSession.ts';
import { emptyFileState, reconstructedMs, type FileState } from './fileState.ts';
import type { Usage } from './logLine.ts';

export interface StoredFile {
  path: string;
  sessionId: string | null;
  projectDir: string;
  isSubagent: boolean;
  size: number;
  offset: number;
  state: FileState;
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
  agent_ms_source: 'turn_duration' | 'reconstructed';
  wall_ms: number;
  input_tokens: number;
  output_tokens: number;
  cache_creation_tokens: number;
  cache_read_tokens: number;
  models: string;
  bad_lines: number;
  linked: string | null;
  agent: AgentSession['agent'];
  reasoning_tokens: number;
  total_tokens: number | null;
  parent_session_id: string | null;
  agent_figures: string | null;
}

/** The cap on one gap of the person's measured time, in minutes. */
const PERSON_GAP_CAP_MS = 5 * 60_000;

function toSession(row: SessionRow): AgentSession {
  const fresh = row.input_tokens + row.output_tokens + row.reasoning_tokens + row.cache_creation_tokens;
  // Other agents' readers store agent-hours, the person's gaps and the time source as JSON.
  const figures = row.agent_figures
    ? (JSON.parse(row.agent_figures) as { agentHoursMs: number; gaps: number[]; source: AgentSession['agentTimeSource'] })
    : null;
  return {
    agent: row.agent,
    sessionId: row.session_id,
    parentSessionId: row.parent_session_id,
    project: row.project,
    cwd: row.cwd,
    gitBranch: row.git_branch,
    title: row.title,
    firstAt: row.first_at,
    lastAt: row.last_at,
    agentMinutes: row.agent_ms / 60_000,
    agentHours: (figures?.agentHoursMs ?? row.agent_ms) / 3_600_000,
    personMinutes: figures ? figures.gaps.reduce((sum, gap) => sum + Math.min(Math.max(gap, 0), PERSON_GAP_CAP_MS), 0) / 60_000 : null,
    agentTimeSource: figures?.source ?? row.agent_ms_source,
    wallMinutes: row.wall_ms / 60_000,
    inputTokens: row.input_tokens,
    outputTokens: row.output_tokens,
    cacheCreationTokens: row.cache_creation_tokens,
    cacheReadTokens: row.cache_read_tokens,
    reasoningTokens: row.reasoning_tokens,
    freshTokens: fresh,
    totalTokens: row.total_tokens ?? fresh + row.cache_read_tokens,
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
    return {
      path: row.path,
      sessionId: row.session_id,
      projectDir: row.project_dir,
      isSubagent: row.is_subagent === 1,
      size: row.size,
      offset: row.offset,
      state: { ...emptyFileState(row.session_id), ...(JSON.parse(row.state) as Partial<FileState>) },
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
    const files = (this.db.prepare('SELECT path FROM agent_log_files WHERE session_id = ?').all(sessionId) as { path: string }[])
      .map((row) => this.getFile(row.path))
      .filter((file): file is StoredFile => file !== null);
    const mainFiles = files.filter((file) => !file.isSubagent);
    // Subagents run inside their parent's turns: their time is not added to it (only their tokens are).
    const timed = mainFiles.length > 0 ? mainFiles : files;
    const durationCount = timed.reduce((sum, file) => sum + file.state.turnDurationCount, 0);
    const agentMs =
      durationCount > 0
        ? timed.reduce((sum, file) => sum + file.state.turnDurationMs, 0)
        : timed.reduce((sum, file) => sum + reconstructedMs(file.state), 0);
    const firsts = files.flatMap((file) => (file.state.firstAt === null ? [] : [file.state.firstAt]));
    const lasts = files.flatMap((file) => (file.state.lastAt === null ? [] : [file.state.lastAt]));
    const firstAt = firsts.length > 0 ? Math.min(...firsts) : null;
    const lastAt = lasts.length > 0 ? Math.max(...lasts) : null;
    const main = timed[0]?.state ?? emptyFileState(sessionId);
    const cwd = timed.map((file) => file.state.cwd).find((value) => value !== null) ?? null;
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
        `INSERT OR REPLACE INTO agent_sessions (session_id, project, cwd, git_branch, title, first_at, last_at, agent_ms, agent_ms_source,
           wall_ms, input_tokens, output_tokens, cache_creation_tokens, cache_read_tokens, models, bad_lines, updated_at)
         VALUES (@sessionId, @project, @cwd, @gitBranch, @title, @firstAt, @lastAt,
           @agentMs, @source, @wallMs, @input, @output, @cacheCreation, @cacheRead, @models, @badLines, @now)`,
      )
      .run({
        sessionId,
        project: cwd ? path.basename(cwd) : (files[0]?.projectDir ?? null),
        cwd,
        gitBranch: main.gitBranch,
        title: main.summary ?? main.firstPrompt,
        firstAt: iso(firstAt),
        lastAt: iso(lastAt),
        agentMs: Math.round(agentMs),
        source: durationCount > 0 ? 'turn_duration' : 'reconstructed',
        wallMs: firstAt !== null && lastAt !== null ? lastAt - firstAt : 0,
        ...tokens,
        models: tokens.models.split(',').filter((model) => model !== '').sort().join(','),
        badLines: files.reduce((sum, file) => sum + file.state.badLines, 0),
        now: new Date().toISOString(),
      });
  }

  /** Sessions whose last record is on or after `since` ("YYYY-MM-DD" or an ISO time), of one agent or all, newest first. */
  listSessions(since?: string, agent?: AgentSession['agent']): AgentSession[] {
    const rows = this.db
      .prepare(`${SESSION_SELECT} WHERE (@since IS NULL OR s.last_at >= @since) AND (@agent IS NULL OR s.agent = @agent) ORDER BY s.last_at DESC`)
      .all({ since: since ?? null, agent: agent ?? null });
    return (rows as SessionRow[]).map(toSession);
  }

  /** A session by its id, or by a unique prefix of it (ids are long UUIDs). */
  requireSession(idOrPrefix: string): AgentSession {
    const rows = this.db
      .prepare(`${SESSION_SELECT} WHERE s.session_id = ? OR s.session_id LIKE ? ESCAPE '\\' LIMIT 2`)
      .all(idOrPrefix, `${idOrPrefix.replace(/[\\%_]/g, (match) => `\\${match}`)}%`) as SessionRow[];
    const exact = rows.find((row) => row.session_id === idOrPrefix);
    if (exact) return toSession(exact);
    if (rows.length === 0) throw new JournalError('NOT_FOUND', `There is no agent session "${idOrPrefix}" (run \`leverage sessions\` to scan the logs).`);
    if (rows.length > 1) throw new JournalError('INVALID_INPUT', `"${idOrPrefix}" matches several sessions; give more of the id.`);
    return toSession(rows[0] as SessionRow);
  }

  /** Which agents' sessions (and which models) each task is linked to: what a task remembers of who did it. */
  agentsByTask(taskIds: readonly number[]): Map<number, AgentSession['agent'][]> {
    const result = new Map<number, AgentSession['agent'][]>();
    const query = this.db.prepare('SELECT DISTINCT s.agent FROM task_agent_sessions l JOIN agent_sessions s ON s.session_id = l.session_id WHERE l.task_id = ? ORDER BY s.agent');
    for (const id of taskIds) {
      const agents = (query.all(id) as { agent: AgentSession['agent'] }[]).map((row) => row.agent);
      if (agents.length > 0) result.set(id, agents);
    }
    return result;
  }

  /** The agents and models of a task's linked sessions. */
  taskAgentsAndModels(taskId: number): { agents: AgentSession['agent'][]; models: string[] } {
    const rows = this.db.prepare('SELECT s.agent, s.models FROM task_agent_sessions l JOIN agent_sessions s ON s.session_id = l.session_id WHERE l.task_id = ?').all(taskId) as {
      agent: AgentSession['agent'];
      models: string;
    }[];
    return {
      agents: [...new Set(rows.map((row) => row.agent))].sort(),
      models: [...new Set(rows.flatMap((row) => (row.models === '' ? [] : row.models.split(','))))].sort(),
    };
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
