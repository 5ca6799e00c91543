import { call } from '../api/client.ts';
import { plural } from '../lib/mutations.ts';
import { toast } from '../stores/toastStore.ts';
import type { AgentSession } from './sessionFigures.ts';

/** Links a just-saved task to the sessions its figures came from (the Sessions list then shows them as linked). */
export async function linkSessions(taskId: number, sessions: readonly AgentSession[]): Promise<boolean> {
  if (sessions.length === 0) return true;
  const linked = await call('linkSessionsToTask', { taskId, sessionIds: sessions.map((session) => session.sessionId) });
  if (!linked) return false;
  toast('info', `Linked ${plural(linked.sessionIds.length, 'session')} to the task`);
  return true;
}
