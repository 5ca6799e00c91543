import type { LogEvent } from './logEvents.ts';

/** A closed turn: [start, end] in epoch ms, and whether its length came from turn_duration (1) or reconstruction (0). */
export type Turn = [start: number, end: number, measured: 0 | 1];

/** The version of the state below; a stored state of another version is read again from the start. */
export const FILE_STATE_VERSION = 2;

/** How many recent record ids are kept to recognise a summary appended after its leaf record. */
const RECENT_UUIDS = 64;
/** How many summaries whose leaf has not been seen yet are kept (a resumed file starts with a few). */
const PENDING_SUMMARIES = 32;
const TITLE_LENGTH = 120;

/**
 * The running figures of one log file, kept between scans so that a re-scan continues where it
 * stopped (docs/agent-time.md describes each rule).
 */
export interface FileState {
  v: number;
  sessionId: string | null;
  lines: number;
  badLines: number;
  /** Lines over the length cap, skipped unread. */
  longLines: number;
  /** True while the scan is inside an over-long line: the bytes up to its newline are skipped. */
  skippingLine: boolean;
  /** First and last timestamped record (summaries excluded). */
  firstAt: number | null;
  lastAt: number | null;
  /** First and last prompt, agent record or turn_duration: no turn reaches outside them. */
  spanFirst: number | null;
  spanLast: number | null;
  /** Closed turns, oldest first. */
  turns: Turn[];
  /** The open turn: its start, its last agent record, and whether a person opened it. */
  openStart: number | null;
  openLastWork: number | null;
  openByPerson: boolean;
  /** The end of the last closed turn (or the person's last prompt), for the person's gap before the next prompt. */
  lastTurnEnd: number | null;
  /** Gaps (ms, uncapped) between a turn's end and the person's next prompt. */
  gaps: number[];
  turnDurationCount: number;
  /** The first prompt typed in this session (records of this session only), else its first command. */
  firstPrompt: string | null;
  firstCommand: string | null;
  /** The session's own summary: one whose leaf record belongs to this session. */
  summary: string | null;
  pendingSummaries: { leaf: string; text: string }[];
  recentUuids: string[];
  cwd: string | null;
  gitBranch: string | null;
}

export function emptyFileState(sessionId: string | null): FileState {
  return {
    v: FILE_STATE_VERSION,
    sessionId,
    lines: 0,
    badLines: 0,
    longLines: 0,
    skippingLine: false,
    firstAt: null,
    lastAt: null,
    spanFirst: null,
    spanLast: null,
    turns: [],
    openStart: null,
    openLastWork: null,
    openByPerson: false,
    lastTurnEnd: null,
    gaps: [],
    turnDurationCount: 0,
    firstPrompt: null,
    firstCommand: null,
    summary: null,
    pendingSummaries: [],
    recentUuids: [],
    cwd: null,
    gitBranch: null,
  };
}

/** The open turn as it stands (it ends at its last agent record), or null when nothing was done yet. */
export function openTurn(state: FileState): Turn | null {
  return state.openStart !== null && state.openLastWork !== null ? [state.openStart, state.openLastWork, 0] : null;
}

/** Every turn of the file, the open one included. */
export function fileTurns(state: FileState): Turn[] {
  const open = openTurn(state);
  return open ? [...state.turns, open] : state.turns;
}

function closeTurn(state: FileState, turn: Turn | null): void {
  if (turn && turn[1] >= turn[0]) {
    state.turns.push(turn);
    state.lastTurnEnd = turn[1];
  }
  state.openStart = null;
  state.openLastWork = null;
  state.openByPerson = false;
}

function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim().slice(0, TITLE_LENGTH);
}

function noteUuid(state: FileState, uuid: string): void {
  const pending = state.pendingSummaries.findIndex((entry) => entry.leaf === uuid);
  if (pending !== -1) {
    state.summary = state.pendingSummaries[pending]?.text ?? state.summary;
    state.pendingSummaries.splice(pending, 1);
  }
  state.recentUuids.push(uuid);
  if (state.recentUuids.length > RECENT_UUIDS) state.recentUuids.shift();
}

/** Folds one event into the file's figures. Usage is stored separately (deduplicated across files). */
export function applyEvent(state: FileState, event: LogEvent): void {
  const meta = event.meta;
  // Records copied from another conversation (a resumed session) carry that conversation's id.
  const ownRecord = meta.sessionId === null || state.sessionId === null || meta.sessionId === state.sessionId;
  state.sessionId ??= meta.sessionId;
  if (meta.cwd) state.cwd ??= meta.cwd;
  if (meta.gitBranch) state.gitBranch = meta.gitBranch;
  if (event.kind === 'summary') {
    if (event.leafUuid !== null && state.recentUuids.includes(event.leafUuid)) state.summary = event.text;
    else if (event.leafUuid !== null) {
      state.pendingSummaries.push({ leaf: event.leafUuid, text: event.text });
      if (state.pendingSummaries.length > PENDING_SUMMARIES) state.pendingSummaries.shift();
    }
    return;
  }
  if (meta.uuid !== null && ownRecord) noteUuid(state, meta.uuid);
  const at = event.at;
  if (at === null) return;
  state.firstAt = state.firstAt === null ? at : Math.min(state.firstAt, at);
  state.lastAt = state.lastAt === null ? at : Math.max(state.lastAt, at);
  if (event.kind !== 'other') {
    state.spanFirst = state.spanFirst === null ? at : Math.min(state.spanFirst, at);
    state.spanLast = state.spanLast === null ? at : Math.max(state.spanLast, at);
  }
  switch (event.kind) {
    case 'prompt': {
      closeTurn(state, openTurn(state));
      const byPerson = event.start === 'typed' || event.start === 'command';
      if (byPerson) {
        if (state.lastTurnEnd !== null && at > state.lastTurnEnd) state.gaps.push(at - state.lastTurnEnd);
        // The person acted: the next gap counts from here (a local command opens a turn with no work).
        state.lastTurnEnd = Math.max(state.lastTurnEnd ?? at, at);
      }
      state.openStart = at;
      state.openByPerson = byPerson;
      if (event.text !== null && ownRecord) {
        if (event.start === 'typed') state.firstPrompt ??= oneLine(event.text);
        else if (event.start === 'command') state.firstCommand ??= oneLine(event.text);
      }
      return;
    }
    case 'usage':
    case 'work':
      // Agent work with no open turn (a file that starts mid-turn): the turn starts with it.
      state.openStart ??= at;
      if (at >= state.openStart) state.openLastWork = Math.max(state.openLastWork ?? at, at);
      return;
    case 'turnDuration': {
      state.turnDurationCount += 1;
      // The record is written as the turn ends: the turn is the `durationMs` before it (never before its prompt).
      const start = Math.max(at - event.durationMs, state.openStart ?? Number.NEGATIVE_INFINITY);
      closeTurn(state, [start, at, 1]);
      return;
    }
    case 'other':
      return;
  }
}
