import { create } from 'zustand';
import type { AgentSession } from './sessionFigures.ts';

interface SessionPrefillState {
  /** Sessions the Sessions screen asked the entry form to start from ("Add as task"). */
  pending: AgentSession[] | null;
  /** Bumped on every request, so the same sessions can be sent twice. */
  token: number;
  request: (sessions: AgentSession[]) => void;
  /** The form takes the sessions once; later renders see null. */
  take: () => AgentSession[] | null;
}

export const useSessionPrefill = create<SessionPrefillState>((set, get) => ({
  pending: null,
  token: 0,
  request: (sessions) => set({ pending: sessions, token: get().token + 1 }),
  take: () => {
    const pending = get().pending;
    if (pending) set({ pending: null });
    return pending;
  },
}));
