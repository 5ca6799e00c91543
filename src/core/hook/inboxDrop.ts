import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createPrivateFile, ensurePrivateFolder } from '../files/privateFiles.ts';

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

/**
 * One file per session id, and never one file for two ids: a plain lower-case id (Claude Code's
 * UUIDs) is its own name; any other id gets a readable prefix and a hash of the exact id, so
 * `a/b` and `a_b` (and `ABC` and `abc` on a case-insensitive disk) stay apart.
 */
export function sessionFileName(sessionId: string): string {
  if (/^[a-z0-9][a-z0-9-]{0,127}$/.test(sessionId)) return `${sessionId}.json`;
  const readable = sessionId.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 60);
  return `${readable}~${createHash('sha256').update(sessionId).digest('hex').slice(0, 32)}.json`;
}

/** The name earlier versions gave a session's file (not injective: `a/b` and `a_b` shared it); still read and moved. */
export function legacySessionFileName(sessionId: string): string {
  return `${sessionId.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 200)}.json`;
}

/** A pending file is a few hundred bytes; anything bigger is not ours. */
const MAX_SESSION_FILE_BYTES = 64 * 1024;
const NO_WAIT = (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOFOLLOW ?? 0);

/**
 * A session file's text, read without ever blocking: a FIFO or device named `*.json` would make a
 * plain read wait forever (hanging `hook pending`, the hook and the app's poll), and a symlink could
 * point anywhere. Opened non-blocking without following links; only a regular file of plausible size
 * is read. Null for anything else.
 */
export function readSessionFileText(file: string): string | null {
  let handle: number;
  try {
    handle = fs.openSync(file, fs.constants.O_RDONLY | NO_WAIT);
  } catch {
    return null;
  }
  try {
    const stat = fs.fstatSync(handle);
    if (!stat.isFile() || stat.size > MAX_SESSION_FILE_BYTES) return null;
    const buffer = Buffer.alloc(stat.size);
    const read = fs.readSync(handle, buffer, 0, stat.size, 0);
    return buffer.subarray(0, read).toString('utf8');
  } catch {
    return null;
  } finally {
    fs.closeSync(handle);
  }
}

function sessionIdIn(file: string): string | null {
  try {
    const value = JSON.parse(readSessionFileText(file) ?? 'null') as { sessionId?: unknown } | null;
    return typeof value?.sessionId === 'string' ? value.sessionId : null;
  } catch {
    return null;
  }
}

/** The session's file in `folder`: its own name, or the legacy name when that file holds this very session. */
export function sessionFileIn(folder: string, sessionId: string): string | null {
  for (const name of [sessionFileName(sessionId), legacySessionFileName(sessionId)]) {
    const file = path.join(folder, name);
    if (sessionIdIn(file) === sessionId) return file;
  }
  return null;
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
    const value = JSON.parse(readSessionFileText(file) ?? 'null') as Record<string, unknown>;
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

/**
 * Writes via a private temporary file (0600: the inbox names clients' folders) and a rename, so
 * the app never reads half a file; the temporary file is removed whatever fails.
 */
function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    createPrivateFile(temporary);
    fs.writeFileSync(temporary, text);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

export type DropResult = 'added' | 'updated' | 'already-handled';

/** Records a finished turn of a session (Stop fires after every turn: the session's file is rewritten, not duplicated). */
export function dropSession(inbox: string, input: StopHookInput, now: Date = new Date()): DropResult {
  if (sessionFileIn(path.join(inbox, HANDLED_FOLDER), input.session_id)) return 'already-handled';
  ensurePrivateFolder(inbox);
  const file = path.join(inbox, sessionFileName(input.session_id));
  const existing = sessionFileIn(inbox, input.session_id);
  const previous = existing ? readPrevious(existing) : null;
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
  if (existing && existing !== file) fs.rmSync(existing, { force: true }); // moved off its legacy name
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
