import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { describeIssues } from '../../shared/domain/task.ts';
import { pendingHookSessionSchema } from '../../shared/ipc/contract.ts';
import { createPrivateFile, ensurePrivateFolder } from '../files/privateFiles.ts';

/**
 * The inbox: a folder beside the database where the Claude Code Stop hook drops one small JSON
 * file per session, so the app can ask "Log this session?" — also on its next start when it was
 * not running. Stop fires after every turn, so a session's file is rewritten (latest turn, count)
 * rather than duplicated; once the user has answered, later turns of that session stay quiet.
 */
export const INBOX_FOLDER = 'inbox';
const HANDLED_FOLDER = 'handled';

export function inboxFolderFor(databasePath: string): string {
  return path.join(path.dirname(databasePath), INBOX_FOLDER);
}

/** What Claude Code sends a Stop hook on stdin (other fields are ignored). */
export const stopHookInputSchema = z.object({
  session_id: z.string().trim().min(1).max(200),
  transcript_path: z.string().max(4096).optional(),
  cwd: z.string().max(4096).optional(),
  hook_event_name: z.string().max(100).optional(),
});
export type StopHookInput = z.infer<typeof stopHookInputSchema>;

// One schema for the file the hook writes and for what the IPC channel returns.
const pendingSessionSchema = pendingHookSessionSchema;
export type PendingSession = z.infer<typeof pendingSessionSchema>;

/**
 * One file per session id, and never one file for two ids: a plain lower-case id (Claude Code's
 * UUIDs) is its own name; any other id gets a readable prefix and a hash of the exact id, so
 * `a/b` and `a_b` (and `ABC` and `abc` on a case-insensitive disk) stay apart.
 */
export function inboxFileName(sessionId: string): string {
  if (/^[a-z0-9][a-z0-9-]{0,127}$/.test(sessionId)) return `${sessionId}.json`;
  const readable = sessionId.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 60);
  return `${readable}~${createHash('sha256').update(sessionId).digest('hex').slice(0, 32)}.json`;
}

/** The name earlier versions gave a session's file (not injective); still read and moved. */
function legacyFileName(sessionId: string): string {
  return `${sessionId.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 200)}.json`;
}

/** A pending file is a few hundred bytes; anything bigger is not ours. */
const MAX_PENDING_BYTES = 64 * 1024;
const NO_WAIT = (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOFOLLOW ?? 0);

/**
 * Reads a pending file without ever blocking: a FIFO or device named `*.json` would make a plain
 * read wait forever (hanging `hook pending` and the app's poll), and a symlink could point anywhere.
 * Opened non-blocking and without following links, then only a regular file of plausible size is read.
 */
function readPending(file: string): PendingSession | null {
  let handle: number;
  try {
    handle = fs.openSync(file, fs.constants.O_RDONLY | NO_WAIT);
  } catch {
    return null;
  }
  try {
    const stat = fs.fstatSync(handle);
    if (!stat.isFile() || stat.size > MAX_PENDING_BYTES) return null;
    const buffer = Buffer.alloc(stat.size);
    const read = fs.readSync(handle, buffer, 0, stat.size, 0);
    const parsed = pendingSessionSchema.safeParse(JSON.parse(buffer.subarray(0, read).toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  } finally {
    fs.closeSync(handle);
  }
}

/** The session's pending file: its own name, or the legacy name when that file holds this very session. */
function pendingFileOf(inbox: string, sessionId: string): string | null {
  for (const name of [inboxFileName(sessionId), legacyFileName(sessionId)]) {
    const file = path.join(inbox, name);
    if (readPending(file)?.sessionId === sessionId) return file;
  }
  return null;
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

/** Records a finished turn of a session (what `leverage hook run` does with the hook's stdin). */
export function dropSession(inbox: string, input: StopHookInput, now: Date = new Date()): DropResult {
  const name = inboxFileName(input.session_id);
  const handled = path.join(inbox, HANDLED_FOLDER);
  if (fs.existsSync(path.join(handled, name)) || readPending(path.join(handled, legacyFileName(input.session_id)))?.sessionId === input.session_id) {
    return 'already-handled';
  }
  ensurePrivateFolder(inbox);
  const file = path.join(inbox, name);
  const existing = pendingFileOf(inbox, input.session_id);
  const previous = existing ? readPending(existing) : null;
  const at = now.toISOString();
  const session: PendingSession = {
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

/** Sessions waiting for "Log this session?", most recent first. Unreadable files are skipped. */
export function pendingSessions(inbox: string): PendingSession[] {
  let names: string[];
  try {
    names = fs
      .readdirSync(inbox, { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
      .map((entry) => entry.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .map((name) => readPending(path.join(inbox, name)))
    .filter((session): session is PendingSession => session !== null)
    .sort((a, b) => b.lastStopAt.localeCompare(a.lastStopAt));
}

/** Moves the session out of the pending list (logged or dismissed); false when it was not pending. */
export function markSessionHandled(inbox: string, sessionId: string): boolean {
  const source = pendingFileOf(inbox, sessionId);
  if (!source) return false;
  ensurePrivateFolder(path.join(inbox, HANDLED_FOLDER));
  fs.renameSync(source, path.join(inbox, HANDLED_FOLDER, inboxFileName(sessionId)));
  return true;
}

/** Parses the Stop hook's stdin and drops the session; throws one clear sentence on bad input. */
export function acceptHookPayload(inbox: string, text: string, now: Date = new Date()): DropResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`The hook input is not JSON: ${(error as Error).message}`, { cause: error });
  }
  const parsed = stopHookInputSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`The hook input is not a Claude Code hook payload: ${describeIssues(parsed.error)}`);
  return dropSession(inbox, parsed.data, now);
}
