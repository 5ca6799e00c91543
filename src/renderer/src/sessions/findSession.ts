import { call } from '../api/client.ts';
import type { AgentSession } from './sessionFigures.ts';

/**
 * A stored session by id; when the log has not been read yet (the Stop hook fires as the session
 * ends) it scans once and looks again.
 */
export async function findSession(sessionId: string): Promise<AgentSession | undefined> {
  const stored = (await call('listAgentSessions', {}))?.find((session) => session.sessionId === sessionId);
  if (stored) return stored;
  if (!(await call('scanAgentSessions'))) return undefined;
  return (await call('listAgentSessions', {}))?.find((session) => session.sessionId === sessionId);
}
