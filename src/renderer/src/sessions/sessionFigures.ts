import { format } from 'date-fns';
import type { ChannelOutput } from '../../../shared/ipc/contract.ts';

/** One Claude Code session as the journal stores it (derived figures, kept after the log is gone). */
export type AgentSession = ChannelOutput<'listAgentSessions'>[number];

export interface SessionSums {
  count: number;
  /** Σ agent time, whole seconds (what the task's agent time becomes). */
  agentSeconds: number;
  /** Σ fresh tokens (input + output + cache creation): what the task's tokens become. */
  freshTokens: number;
  /** Σ cache reads: shown apart, never added to the task (they re-read the same context). */
  cacheReadTokens: number;
  /**
   * Σ the person's measured time, whole seconds: the capped gaps between the agent's turns and the
   * person's next prompts. Offered as the task's supervision, never filled in unasked.
   */
  personSeconds: number;
}

/** The figures a task takes from its sessions; the same rule as the CLI's `add --session`. */
export function sumSessions(sessions: readonly AgentSession[]): SessionSums {
  return {
    count: sessions.length,
    agentSeconds: Math.round(sessions.reduce((sum, session) => sum + session.agentMinutes * 60, 0)),
    freshTokens: sessions.reduce((sum, session) => sum + session.freshTokens, 0),
    cacheReadTokens: sessions.reduce((sum, session) => sum + session.cacheReadTokens, 0),
    personSeconds: Math.round(sessions.reduce((sum, session) => sum + session.personMinutes * 60, 0)),
  };
}

/** Whole seconds as form text that parses back exactly: "4m 40s", "12m", "45s". */
export function agentTimeText(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return `${rest}s`;
  return rest === 0 ? `${minutes}m` : `${minutes}m ${rest}s`;
}

/** The local work day a session belongs to (the day it ended), or null when the log had no timestamps. */
export function sessionDate(session: Pick<AgentSession, 'firstAt' | 'lastAt'>): string | null {
  const stamp = session.lastAt ?? session.firstAt;
  return stamp ? format(new Date(stamp), 'yyyy-MM-dd') : null;
}

/** "Mar 1, 14:00" in the user's locale, for the list. */
export function sessionWhen(session: Pick<AgentSession, 'firstAt' | 'lastAt'>): string {
  const stamp = session.firstAt ?? session.lastAt;
  if (!stamp) return '—';
  return new Date(stamp).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** A title for a task made from sessions: the first suggestion, else the project. */
export function suggestedTitle(sessions: readonly AgentSession[]): string {
  return sessions.find((session) => session.title)?.title ?? sessions.find((session) => session.project)?.project ?? '';
}

/** The form fields picked sessions fill: agent time and fresh tokens (sums), and a title when none is typed. */
export function sessionDraftFill(sessions: readonly AgentSession[], currentTitle: string): { agent: string; tokens: string; title: string } {
  const sums = sumSessions(sessions);
  return {
    agent: agentTimeText(sums.agentSeconds),
    tokens: String(sums.freshTokens),
    title: currentTitle.trim() === '' ? suggestedTitle(sessions) : currentTitle,
  };
}
