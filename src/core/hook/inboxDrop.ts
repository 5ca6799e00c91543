import fs from 'node:fs';
import path from 'node:path';

/**
 * The write side of the hook inbox: what `leverage hook run` does after every agent turn. It loads
 * nothing but `fs` and `path` (no zod, no SQLite), so the Stop hook returns to Claude Code at once;
 * the app reads the files back through the zod schema of the IPC contract (`inbox.ts`), so a file
 * this side writes wrongly is skipped there, never trusted.
 */
export const INBOX_FOLDER = 'inbox';
export const HANDLED_FOLDER = 'handled';

export function inboxFolderFor(databasePath: string): string {
  return path.join(path.dirname(databasePath), INBOX_FOLDER);
}

/** What Claude Code sends a Stop hook on stdin (other fields are ignored). */
export interface StopHookInput {
  session_id: string;
  transcript_path?: string | undefined;
  cwd?: string | undefined;
  hook_event_name?: string | undefined;
}

/** The file the hook writes per session (the same shape as the contract's `pendingHookSessionSchema`). */
export interface DroppedSession {
  sessionId: string;
  transcriptPath: string | null;
  cwd: string | null;
  event: string;
  firstStopAt: string;
  lastStopAt: string;
  stops: number;
}

export function sessionFileName(sessionId: string): string {
  return `${sessionId.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 200)}.json`;
}

function optionalText(value: Record<string, unknown>, key: keyof StopHookInput, max: number, problems: string[]): string | undefined {
  const field = value[key];
  if (field === undefined || field === null) return undefined;
  if (typeof field !== 'string') problems.push(`${key} must be text`);
  else if (field.length > max) problems.push(`${key} is longer than ${max} characters`);
  else return field;
  return undefined;
}

/**
 * Checks the Stop hook's payload: a JSON object with a `session_id` (1–200 characters) and optional
 * `transcript_path`, `cwd`, `hook_event_name` strings. Hand-written rather than a zod schema so the
 * hook's start-up stays at Node's own; the messages name the field, as the schemas' do.
 */
export function parseStopHookInput(raw: unknown): StopHookInput {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('The hook input is not a Claude Code hook payload: it is not a JSON object.');
  const value = raw as Record<string, unknown>;
  const problems: string[] = [];
  const id = value.session_id;
  if (typeof id !== 'string' || id.trim() === '') problems.push('session_id is missing or empty');
  else if (id.trim().length > 200) problems.push('session_id is longer than 200 characters');
  const input: StopHookInput = {
    session_id: typeof id === 'string' ? id.trim() : '',
    transcript_path: optionalText(value, 'transcript_path', 4096, problems),
    cwd: optionalText(value, 'cwd', 4096, problems),
    hook_event_name: optionalText(value, 'hook_event_name', 100, problems),
  };
  if (problems.length > 0) throw new Error(`The hook input is not a Claude Code hook payload: ${problems.join('; ')}.`);
  return input;
}

/** A session file written earlier, read leniently: only to carry its first-stop time and count forward. */
function readPrevious(file: string): Partial<DroppedSession> | null {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    if (typeof value !== 'object' || value === null) return null;
    return {
      transcriptPath: typeof value.transcriptPath === 'string' ? value.transcriptPath : null,
      cwd: typeof value.cwd === 'string' ? value.cwd : null,
      firstStopAt: typeof value.firstStopAt === 'string' ? value.firstStopAt : undefined,
      stops: Number.isSafeInteger(value.stops) && (value.stops as number) > 0 ? (value.stops as number) : 0,
    };
  } catch {
    return null;
  }
}

/** Writes via a temporary file and a rename, so the app never reads half a file. */
function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, file);
}

export type DropResult = 'added' | 'updated' | 'already-handled';

/** Records a finished turn of a session (Stop fires after every turn: the session's file is rewritten, not duplicated). */
export function dropSession(inbox: string, input: StopHookInput, now: Date = new Date()): DropResult {
  const name = sessionFileName(input.session_id);
  if (fs.existsSync(path.join(inbox, HANDLED_FOLDER, name))) return 'already-handled';
  fs.mkdirSync(inbox, { recursive: true });
  const file = path.join(inbox, name);
  const previous = readPrevious(file);
  const at = now.toISOString();
  const session: DroppedSession = {
    sessionId: input.session_id,
    transcriptPath: input.transcript_path ?? previous?.transcriptPath ?? null,
    cwd: input.cwd ?? previous?.cwd ?? null,
    event: input.hook_event_name ?? 'Stop',
    firstStopAt: previous?.firstStopAt ?? at,
    lastStopAt: at,
    stops: (previous?.stops ?? 0) + 1,
  };
  writeAtomically(file, `${JSON.stringify(session, null, 2)}\n`);
  return previous ? 'updated' : 'added';
}

/** Parses the Stop hook's stdin and drops the session; throws one clear sentence on bad input. */
export function acceptHookPayload(inbox: string, text: string, now: Date = new Date()): DropResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`The hook input is not JSON: ${(error as Error).message}`, { cause: error });
  }
  return dropSession(inbox, parseStopHookInput(raw), now);
}
