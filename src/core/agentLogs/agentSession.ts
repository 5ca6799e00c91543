/** A Claude Code session's figures, as stored (the logs themselves may be gone). */
export interface AgentSession {
  sessionId: string;
  project: string | null;
  cwd: string | null;
  gitBranch: string | null;
  /** Suggested task title, from this session itself: its first typed prompt, else its own summary, else its first command. */
  title: string | null;
  firstAt: string | null;
  lastAt: string | null;
  /** Agent time: the union of the intervals in which the agent (main thread or any subagent) worked (docs/agent-time.md). */
  agentMinutes: number;
  /** Agent-hours: the sum over parallel threads (three subagents side by side for 10 minutes: 0.5). */
  agentHours: number;
  /** The person's measured time: gaps between a turn's end and their next prompt, each capped (a setting). */
  personMinutes: number;
  /** Where the turn lengths came from: every main-thread turn had `turn_duration`, none did, or some did. */
  agentTimeSource: 'turn_duration' | 'reconstructed' | 'mixed';
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
