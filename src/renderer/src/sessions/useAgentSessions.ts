import { useState } from 'react';
import { call } from '../api/client.ts';
import { plural } from '../lib/mutations.ts';
import { useChannel } from '../lib/useChannel.ts';
import { toast } from '../stores/toastStore.ts';
import type { AgentSession } from './sessionFigures.ts';

export interface AgentSessionsState {
  sessions: AgentSession[] | undefined;
  loading: boolean;
  scanning: boolean;
  /** Reads new log bytes, stores the derived figures, and refreshes the list. */
  scan: () => Promise<void>;
}

const ALL = {};

/** The stored sessions (newest first) and a "Scan now" that reads Claude Code's logs. */
export function useAgentSessions(): AgentSessionsState {
  const { value, loading } = useChannel('listAgentSessions', ALL);
  const [scanning, setScanning] = useState(false);

  async function scan() {
    setScanning(true);
    try {
      const result = await call('scanAgentSessions');
      if (!result) return;
      if (result.roots.length === 0) {
        toast('info', 'No Claude Code log folder found (looked for ~/.claude/projects and ~/.config/claude/projects).');
      } else {
        const bad = result.badLines > 0 ? `; skipped ${plural(result.badLines, 'unreadable line')}` : '';
        toast('success', `Scanned ${plural(result.filesSeen, 'log file')}: ${plural(result.sessionsUpdated, 'session')} updated${bad}`);
      }
    } finally {
      setScanning(false);
    }
  }

  return { sessions: value, loading, scanning, scan };
}
