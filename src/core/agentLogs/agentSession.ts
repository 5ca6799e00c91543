/** A Claude Code session's figures, as stored (the logs themselves may be gone). */
export interface AgentSession {
  sessionId: string;
  project: string | null;
  cwd: string | null;
  gitBranch: string | null;
  /** Suggested task title: the session summary, else its first prompt. */
  title: string | null;
  firstAt: string | null;
  lastAt: string | null;
  /** Agent working time: Σ turn_duration where logged, else reconstructed turns. */
  agentMinutes: number;
  agentTimeSource: 'turn_duration' | 'reconstructed';
  /** First to last record, idle time included. */
  wallMinutes: number;
  inputTokens: number;
  outputTokens: number;
  cacheCreationTokens: number;
  cacheReadTokens: number;
  /** input + output + cache creation: what the session newly spent. */
  freshTokens: number;
  /** All four counts, as ccusage's totalTokens. */
  totalTokens: number;
  models: string[];
  badLines: number;
  linkedTaskIds: number[];
}
