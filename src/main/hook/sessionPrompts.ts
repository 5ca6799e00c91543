import path from 'node:path';
import type { AgentSession } from '../../core/agentLogs/agentSession.ts';
import { scanAgentLogs } from '../../core/agentLogs/scanLogs.ts';
import { inboxFolderFor, markSessionHandled, type PendingSession } from '../../core/hook/inbox.ts';
import type { Journal } from '../../core/journal.ts';
import { formatMinutes } from '../../shared/units/duration.ts';
import { formatTokens } from '../../shared/units/tokens.ts';

export interface SessionPrompt {
  readonly sessionId: string;
  readonly title: string;
  readonly body: string;
}

/** `<root>/projects/<project>/<session>.jsonl` → `<root>`, the folder the agent-log scanner reads; null for any other layout. */
export function logRootOf(transcriptPath: string): string | null {
  const projects = path.dirname(path.dirname(transcriptPath));
  return path.basename(projects) === 'projects' && transcriptPath.endsWith('.jsonl') ? path.dirname(projects) : null;
}

function storedSession(journal: Journal, sessionId: string): AgentSession | null {
  try {
    const session = journal.agentSessions.requireSession(sessionId);
    return session.sessionId === sessionId ? session : null;
  } catch {
    return null;
  }
}

const MAX_TITLE = 90;
const clip = (text: string) => (text.length > MAX_TITLE ? `${text.slice(0, MAX_TITLE - 1).trimEnd()}…` : text);

/**
 * The notification for a finished session: its suggested title, agent minutes and fresh tokens.
 * A session not yet in agent_sessions is read first (an incremental scan of its log root), so
 * the figures, and the quick-add form it opens, have something to show.
 */
export function describePendingSession(journal: Journal, pending: PendingSession, scan: typeof scanAgentLogs = scanAgentLogs): SessionPrompt & { scanned: boolean } {
  let session = storedSession(journal, pending.sessionId);
  let scanned = false;
  const root = pending.transcriptPath ? logRootOf(pending.transcriptPath) : null;
  if (!session && root) {
    scan(journal.db, [root]);
    scanned = true;
    session = storedSession(journal, pending.sessionId);
  }
  const project = session?.project ?? (pending.cwd ? path.basename(pending.cwd) : null);
  const suggestion = clip(session?.title?.trim() || (project ? `Claude Code session in ${project}` : 'Claude Code session'));
  const figures = session ? `${formatMinutes(Math.round(session.agentMinutes * 60))} agent time · ${formatTokens(session.freshTokens) || '0'} tokens` : 'Figures not read yet';
  const where = session?.title && project ? ` (${project})` : '';
  return { sessionId: pending.sessionId, title: 'Log this session?', body: `${suggestion}${where}\n${figures}`, scanned };
}

/** Marks sessions a task was saved with as handled, so they are not offered again. */
export function markSessionsLogged(journal: Journal, sessionIds: readonly string[]): number {
  const inbox = inboxFolderFor(journal.path);
  return sessionIds.filter((sessionId) => markSessionHandled(inbox, sessionId)).length;
}

export interface ShownNotification {
  close(): void;
}

export interface SessionPrompterOptions {
  /** The inbox's pending sessions, newest first. */
  pending(): PendingSession[];
  describe(session: PendingSession): SessionPrompt;
  /** Shows a notification; `onClick` runs when the user clicks it. Null when notifications are unsupported. */
  notify(prompt: SessionPrompt, onClick: () => void): ShownNotification | null;
  /** The user accepted: open quick add filled from the session. */
  accept(sessionId: string): void;
  /** More sessions arrived at once than are worth a notification each; clicking opens the app. */
  notifyMore(count: number): ShownNotification | null;
  onError(error: unknown): void;
}

/** At most this many notifications at once (a night of sessions while the app was closed is one summary beyond them). */
export const MAX_PROMPTS_AT_ONCE = 5;

/**
 * Asks "Log this session?" once per pending session per run of the app. A session stays pending
 * (and is asked again on the next start) until a task is saved with it or it is dismissed in the
 * app; when that happens (here or in another process) its notification is taken down.
 */
export function createSessionPrompter(options: SessionPrompterOptions) {
  const shown = new Map<string, ShownNotification | null>();

  function check(): void {
    let pending: PendingSession[];
    try {
      pending = options.pending();
    } catch (error) {
      options.onError(error);
      return;
    }
    const waiting = new Set(pending.map((session) => session.sessionId));
    for (const [sessionId, notification] of shown) {
      if (waiting.has(sessionId)) continue;
      notification?.close();
      shown.delete(sessionId);
    }
    const fresh = pending.filter((session) => !shown.has(session.sessionId));
    for (const [index, session] of fresh.entries()) {
      if (index >= MAX_PROMPTS_AT_ONCE) {
        shown.set(session.sessionId, null);
        continue;
      }
      try {
        const prompt = options.describe(session);
        shown.set(session.sessionId, options.notify(prompt, () => options.accept(session.sessionId)));
      } catch (error) {
        shown.set(session.sessionId, null);
        options.onError(error);
      }
    }
    if (fresh.length > MAX_PROMPTS_AT_ONCE) options.notifyMore(fresh.length - MAX_PROMPTS_AT_ONCE);
  }

  /** Checks now and every `intervalMs` (the hook writes files, not the database); returns a stop function. */
  function watch(intervalMs = 1000): () => void {
    check();
    const timer = setInterval(check, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  return { check, watch, shownCount: () => shown.size };
}
