import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { describeIssues } from '../../shared/domain/task.ts';
import { pendingHookSessionSchema } from '../../shared/ipc/contract.ts';

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

function fileName(sessionId: string): string {
  return `${sessionId.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 200)}.json`;
}

function readPending(file: string): PendingSession | null {
  try {
    const parsed = pendingSessionSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
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

/** Records a finished turn of a session (what `leverage hook run` does with the hook's stdin). */
export function dropSession(inbox: string, input: StopHookInput, now: Date = new Date()): DropResult {
  const name = fileName(input.session_id);
  if (fs.existsSync(path.join(inbox, HANDLED_FOLDER, name))) return 'already-handled';
  fs.mkdirSync(inbox, { recursive: true });
  const file = path.join(inbox, name);
  const previous = readPending(file);
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
  return previous ? 'updated' : 'added';
}

/** Sessions waiting for "Log this session?", most recent first. Unreadable files are skipped. */
export function pendingSessions(inbox: string): PendingSession[] {
  let names: string[];
  try {
    names = fs.readdirSync(inbox).filter((name) => name.endsWith('.json'));
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
  const name = fileName(sessionId);
  const source = path.join(inbox, name);
  if (!fs.existsSync(source)) return false;
  fs.mkdirSync(path.join(inbox, HANDLED_FOLDER), { recursive: true });
  fs.renameSync(source, path.join(inbox, HANDLED_FOLDER, name));
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
