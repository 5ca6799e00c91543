import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { pendingHookSessionSchema } from '../../shared/ipc/contract.ts';
import { ensurePrivateFolder } from '../files/privateFiles.ts';
import { HANDLED_FOLDER, readSessionFileText, sessionFileIn, sessionFileName, type DroppedSession } from './inboxDrop.ts';

/**
 * The inbox: a folder beside the database where the Claude Code Stop hook drops one small JSON
 * file per session, so the app can ask "Log this session?" — also on its next start when it was
 * not running. The hook's side (writing) is `inboxDrop.ts`, which loads no zod; this side reads the
 * files back through the IPC contract's schema. Once the user has answered, later turns of that
 * session stay quiet.
 */
export {
  acceptHookPayload,
  dropSession,
  inboxFolderFor,
  INBOX_FOLDER,
  parseStopHookInput,
  sessionFileName,
  type DropResult,
  type StopHookInput,
} from './inboxDrop.ts';

// One schema for the file the hook writes and for what the IPC channel returns.
const pendingSessionSchema = pendingHookSessionSchema;
export type PendingSession = z.infer<typeof pendingSessionSchema>;

/** A pending file, read without blocking (a FIFO named *.json is skipped, see readSessionFileText). */
function readPending(file: string): PendingSession | null {
  const text = readSessionFileText(file);
  if (text === null) return null;
  try {
    const parsed = pendingSessionSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
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
  const source = sessionFileIn(inbox, sessionId);
  if (!source) return false;
  ensurePrivateFolder(path.join(inbox, HANDLED_FOLDER));
  fs.renameSync(source, path.join(inbox, HANDLED_FOLDER, sessionFileName(sessionId)));
  return true;
}

// The hook writes `DroppedSession`s; the app reads `PendingSession`s: the two shapes must stay one.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const dropAndReadAgree: Same<DroppedSession, PendingSession> = true;
void dropAndReadAgree;
