import fs from 'node:fs';

/**
 * The journal, its backups and the hook inbox hold client names and work history: they are readable
 * by their owner only (files 0600, folders 0700), whatever the umask. POSIX modes only; on Windows
 * chmod changes nothing but the read-only bit, and the per-user profile folder already keeps other
 * users out.
 */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_FOLDER_MODE = 0o700;

const ownUid = typeof process.getuid === 'function' ? process.getuid() : null;

function isOwn(stat: fs.Stats): boolean {
  return ownUid === null || stat.uid === ownUid;
}

/** Creates `file` empty with mode 0600 (kept when it already exists: another process made it first). */
export function createPrivateFile(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, 'wx', PRIVATE_FILE_MODE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  makePrivate(file);
}

/** Takes group and other permissions off a file or folder this user owns (the umask may have granted them). */
export function makePrivate(target: string): void {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat || !isOwn(stat) || (stat.mode & 0o077) === 0) return;
  fs.chmodSync(target, stat.mode & 0o700);
}

/**
 * Makes a folder of ours (backups, inbox; the app's data folder when we create it) with mode 0700.
 * An existing folder of ours is tightened too; folders above it that already existed are left alone.
 */
export function ensurePrivateFolder(folder: string): void {
  const created = fs.mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  if (created === undefined) makePrivate(folder);
  else fs.chmodSync(folder, PRIVATE_FOLDER_MODE); // mkdir's mode is masked by the umask
}
