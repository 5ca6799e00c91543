/**
 * One reader per coding agent. Claude Code's reader (../scanLogs.ts) folds its transcripts
 * incrementally byte by byte; the other agents' readers implement `SourceReader`: they list the
 * agent's log sources under a root and turn one source into session parts, which the shared
 * scanner (./scanSources.ts) caches per source (size + mtime), combines per session and stores.
 * Adding an agent is one file here and its fixtures (docs/CONTRIBUTING.md).
 */

export const AGENT_IDS = ['claude', 'codex', 'gemini', 'opencode'] as const;
export type AgentId = (typeof AGENT_IDS)[number];

export const AGENT_NAMES: Record<AgentId, string> = {
  claude: 'Claude Code',
  codex: 'Codex CLI',
  gemini: 'Gemini CLI',
  opencode: 'OpenCode',
};

/**
 * Tokens in one shape for every agent; nothing is counted twice: `input` is fresh input (cache
 * reads taken out), `output` excludes reasoning, `reasoning` is the thinking output. `total` is
 * the agent's own total as ccusage 20.0.24 counts it (docs/agent-time.md, "Tokens per agent").
 */
export interface Tokens {
  input: number;
  cacheRead: number;
  cacheWrite: number;
  output: number;
  reasoning: number;
  total: number;
}

export const zeroTokens = (): Tokens => ({ input: 0, cacheRead: 0, cacheWrite: 0, output: 0, reasoning: 0, total: 0 });

export function addTokens(into: Tokens, add: Tokens): void {
  into.input += add.input;
  into.cacheRead += add.cacheRead;
  into.cacheWrite += add.cacheWrite;
  into.output += add.output;
  into.reasoning += add.reasoning;
  into.total += add.total;
}

/** A closed turn: [start, end] epoch ms, 1 when its length is the agent's own measure (duration_ms), else 0. */
export type Turn = [start: number, end: number, measured: 0 | 1];

/** What one source (a file, or one session of a database) tells about one session. */
export interface SessionPart {
  /** The session's key, as ccusage keys it for this agent. */
  sessionId: string;
  /** The parent session (OpenCode child sessions, forked Codex sessions); its tokens stay apart. */
  parentId: string | null;
  cwd: string | null;
  title: string | null;
  models: string[];
  tokens: Tokens;
  /** First and last timestamped record. */
  firstAt: number | null;
  lastAt: number | null;
  turns: Turn[];
  /** Gaps (ms, uncapped) between a turn's end and the person's next prompt. */
  gaps: number[];
  badLines: number;
  /** Where both an agent's database and its older files hold a session, the database's parts win (higher). */
  precedence?: number;
}

/** A log source under a root: a file, or a database. */
export interface Source {
  path: string;
  /** Extra files whose size and time also decide whether the source changed (a database's -wal, a folder's files). */
  companions?: string[];
  kind?: 'file' | 'database' | 'folder';
  /** OpenCode JSON storage: the session's own file (title, parent). */
  sessionFile?: string | null;
}

export interface SourceReader {
  readonly agent: Exclude<AgentId, 'claude'>;
  /** The folders read when the person names none. */
  defaultRoots(env: NodeJS.ProcessEnv, home: string): string[];
  /** Every source under a root, in a stable order; unreadable folders go to `skipped`. */
  listSources(root: string, skipped: { path: string; reason: string }[]): Source[];
  /** The session parts of one source. Throws only when the source cannot be read at all (it is then retried later). */
  readSource(source: Source): SessionPart[];
}

export function emptyPart(sessionId: string): SessionPart {
  return { sessionId, parentId: null, cwd: null, title: null, models: [], tokens: zeroTokens(), firstAt: null, lastAt: null, turns: [], gaps: [], badLines: 0 };
}

export function noteTime(part: SessionPart, at: number | null): void {
  if (at === null || !Number.isFinite(at)) return;
  part.firstAt = part.firstAt === null ? at : Math.min(part.firstAt, at);
  part.lastAt = part.lastAt === null ? at : Math.max(part.lastAt, at);
}

const TITLE_LENGTH = 120;
export function titleOf(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const line = text.replace(/\s+/g, ' ').trim().slice(0, TITLE_LENGTH);
  return line === '' ? null : line;
}

export function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

export function time(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

export function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

export function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}
