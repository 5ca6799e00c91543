import type { LogEvent } from './logLine.ts';

/** The running figures of one log file, kept between scans so a re-scan continues where it stopped. */
export interface FileState {
  sessionId: string | null;
  lines: number;
  badLines: number;
  firstAt: number | null;
  lastAt: number | null;
  /** Σ turn_duration lines (newer Claude Code versions). */
  turnDurationMs: number;
  turnDurationCount: number;
  /** Turn reconstruction: closed turns, plus the open turn's start and last activity. */
  closedTurnsMs: number;
  turnStart: number | null;
  lastActivity: number | null;
  firstPrompt: string | null;
  summary: string | null;
  cwd: string | null;
  gitBranch: string | null;
}

export function emptyFileState(sessionId: string | null): FileState {
  return {
    sessionId,
    lines: 0,
    badLines: 0,
    firstAt: null,
    lastAt: null,
    turnDurationMs: 0,
    turnDurationCount: 0,
    closedTurnsMs: 0,
    turnStart: null,
    lastActivity: null,
    firstPrompt: null,
    summary: null,
    cwd: null,
    gitBranch: null,
  };
}

/** Agent time by turn reconstruction: each prompt → the last record before the next real prompt. */
export function reconstructedMs(state: FileState): number {
  const open = state.turnStart !== null && state.lastActivity !== null ? Math.max(0, state.lastActivity - state.turnStart) : 0;
  return state.closedTurnsMs + open;
}

const TITLE_LENGTH = 120;

/** Folds one event into the file's figures. Usage is stored separately (deduplicated across files). */
export function applyEvent(state: FileState, event: LogEvent): void {
  state.sessionId ??= event.meta.sessionId;
  if (event.meta.cwd) state.cwd ??= event.meta.cwd;
  if (event.meta.gitBranch) state.gitBranch = event.meta.gitBranch;
  if (event.kind === 'summary') {
    state.summary = event.text;
    return;
  }
  const at = event.at;
  if (at !== null) {
    state.firstAt = state.firstAt === null ? at : Math.min(state.firstAt, at);
    state.lastAt = state.lastAt === null ? at : Math.max(state.lastAt, at);
  }
  switch (event.kind) {
    case 'turnDuration':
      state.turnDurationMs += event.durationMs;
      state.turnDurationCount += 1;
      return;
    case 'prompt':
      state.closedTurnsMs = reconstructedMs(state);
      state.turnStart = at;
      state.lastActivity = null;
      state.firstPrompt ??= event.text.replace(/\s+/g, ' ').trim().slice(0, TITLE_LENGTH);
      return;
    case 'usage':
    case 'activity':
      if (at !== null && state.turnStart !== null && at >= state.turnStart) state.lastActivity = Math.max(state.lastActivity ?? at, at);
      return;
  }
}
