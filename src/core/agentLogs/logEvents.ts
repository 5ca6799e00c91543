/**
 * What the agent-time engine reads from any agent's logs: one event per log record, already
 * classified. A reader for another coding agent (Codex, Gemini, OpenCode, …) implements
 * `AgentLogFormat` and produces these events; the timing rules (docs/agent-time.md), the token
 * store and the scanner stay the same.
 */

/** Token counts of one API response. */
export interface Usage {
  input: number;
  output: number;
  cacheCreation: number;
  cacheRead: number;
}

/** Fields any record may carry about where the session ran. */
export interface LineMeta {
  sessionId: string | null;
  cwd: string | null;
  gitBranch: string | null;
  /** The record's own id (Claude Code `uuid`), used to tell a session's own summary from a foreign one. */
  uuid: string | null;
}

/**
 * How a turn starts:
 * - `typed`: text the person typed (or a message they queued while the agent worked);
 * - `command`: a slash command the person ran (it may expand into a prompt, or be a local command);
 * - `notification`: the agent woke itself (a background task finished); not the person's prompt;
 * - `delegated`: a subagent's prompt from its parent (the first record of a subagent file).
 */
export type TurnStart = 'typed' | 'command' | 'notification' | 'delegated';

export type LogEvent =
  /** An API response with its token counts: agent work. */
  | { kind: 'usage'; at: number | null; messageKey: string | null; model: string | null; usage: Usage; meta: LineMeta }
  /** A record the agent produced for the open turn (an assistant message, a tool result). */
  | { kind: 'work'; at: number | null; meta: LineMeta }
  /** A prompt that opens a turn. `text` is what a title can show (null when there is nothing to show). */
  | { kind: 'prompt'; at: number | null; start: TurnStart; text: string | null; meta: LineMeta }
  /** The agent's own measure of the open turn (Claude Code `system/turn_duration`). */
  | { kind: 'turnDuration'; at: number | null; durationMs: number; meta: LineMeta }
  /** A record that is not agent work (meta lines, queue operations, local commands, hooks, snapshots, progress, compaction). */
  | { kind: 'other'; at: number | null; meta: LineMeta }
  /** A conversation summary; `leafUuid` names the record it summarises up to. Summaries have no time. */
  | { kind: 'summary'; text: string; leafUuid: string | null; meta: LineMeta };

/** A log file found under a root. */
export interface LogFile {
  path: string;
  /** The project folder the file sits in (Claude Code: the encoded cwd, e.g. "-home-me-src-app"). */
  projectDir: string;
  /** The session the file belongs to, from its place; null when only its records can tell. */
  sessionId: string | null;
  /** A subagent's own transcript (its turns run beside or inside the parent's). */
  isSubagent: boolean;
}

/** One coding agent's log format. */
export interface AgentLogFormat {
  readonly name: string;
  /** Every log file under a root, in a stable order. Unreadable folders are skipped and pushed to `skipped`. */
  listFiles(root: string, skipped?: { path: string; reason: string }[]): LogFile[];
  /**
   * One line of a file: an event, null when the line carries nothing, 'bad' when it is not a
   * record of this format. `inSubagentFile` lets a format treat a subagent's first prompt as delegated.
   */
  readLine(line: string, inSubagentFile: boolean): LogEvent | 'bad' | null;
}
