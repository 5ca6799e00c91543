import fs from 'node:fs';
import path from 'node:path';
import { isJournalError, JournalError } from '../errors.ts';

/**
 * Why a database file could not be opened or read, from the error SQLite, Node or the module loader
 * gave. Only SQLite's own "corrupt" and "not a database" answers mean the file itself is damaged;
 * everything else (a full disk, an I/O error, permissions, a lock held by another program, a native
 * module that will not load) is about the machine, and the file must be left exactly where it is.
 */
export type OpenFailureKind = 'corrupt' | 'disk-full' | 'io' | 'permission' | 'locked' | 'native-module' | 'other';

interface ErrorShape {
  code?: unknown;
  message?: unknown;
}

function codeOf(error: unknown): string {
  const code = (error as ErrorShape | null)?.code;
  return typeof code === 'string' ? code : '';
}

function messageOf(error: unknown): string {
  const message = (error as ErrorShape | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

const NATIVE_MODULE_FAILURE =
  /Could not locate the bindings file|NODE_MODULE_VERSION|invalid ELF header|wrong ELF class|not a valid Win32 application|mach-o|incompatible architecture|cannot open shared object file|Cannot find module .*better[-_]sqlite3|better_sqlite3\.node/i;

/** True when the folder holding `file` has no free space left (statfs), so an I/O error there is a full disk. */
function diskIsFull(file: string): boolean {
  try {
    const stats = fs.statfsSync(path.dirname(path.resolve(file)));
    return stats.bavail === 0 || stats.bavail * stats.bsize < 64 * 1024;
  } catch {
    return false;
  }
}

export function classifyOpenFailure(error: unknown, file: string): OpenFailureKind {
  const code = codeOf(error);
  const message = messageOf(error);
  if (code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_') || code === 'SQLITE_NOTADB') return 'corrupt';
  if (code === 'ERR_DLOPEN_FAILED' || NATIVE_MODULE_FAILURE.test(message)) return 'native-module';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'disk-full';
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED' || code.startsWith('SQLITE_LOCKED_') || code === 'EBUSY') {
    return 'locked';
  }
  if (code === 'SQLITE_PERM' || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_AUTH' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return 'permission';
  }
  if (code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_CANTOPEN_')) {
    try {
      fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
    } catch (access) {
      if (codeOf(access) === 'EACCES' || codeOf(access) === 'EPERM' || codeOf(access) === 'EROFS') return 'permission';
    }
    return diskIsFull(file) ? 'disk-full' : 'io';
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO' || code === 'SQLITE_PROTOCOL') return diskIsFull(file) ? 'disk-full' : 'io';
  return 'other';
}

const EXPLANATION: Record<Exclude<OpenFailureKind, 'corrupt'>, string> = {
  'disk-full': 'the disk is full',
  io: 'the disk reported an input/output error (it may be full, removed or failing)',
  permission: 'permission was denied (the file or its folder cannot be read or written by this user)',
  locked: 'another program holds a lock on it',
  'native-module': "the app's SQLite module (better-sqlite3's native file) could not be loaded; reinstall the app",
  other: 'an unexpected error happened',
};

/**
 * The JournalError to report for a failure to open or read `file`: DATABASE_CORRUPT only for SQLite's
 * corrupt / not-a-database answers; otherwise IO_FAILED saying what failed and that the file was left
 * where it was. A JournalError passes through unchanged.
 */
export function openFailureError(error: unknown, file: string, doing = 'could not be opened'): JournalError {
  if (isJournalError(error)) return error;
  const kind = classifyOpenFailure(error, file);
  const detail = `${messageOf(error)}${codeOf(error) ? ` (${codeOf(error)})` : ''}`;
  if (kind === 'corrupt') {
    return new JournalError('DATABASE_CORRUPT', `${file} is not a Leverage Journal database, or it is damaged: ${detail}`, { cause: error });
  }
  return new JournalError('IO_FAILED', `${file} ${doing}: ${EXPLANATION[kind]} — ${detail}. The file was left where it was.`, { cause: error });
}
