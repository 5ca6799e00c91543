import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PRIVATE_FILE_MODE } from './privateFiles.ts';

/**
 * The file a write to `target` must replace: a symlink is written through (the file it points at
 * is replaced and the link kept, as dotfile managers set settings.json up), a dangling one too.
 */
export function writeTargetOf(target: string): string {
  try {
    return fs.realpathSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const link = fs.lstatSync(target, { throwIfNoEntry: false });
    return link?.isSymbolicLink() ? path.resolve(path.dirname(target), fs.readlinkSync(target)) : target;
  }
}

export interface AtomicWriteOptions {
  /** The new file's mode; default: the replaced file's mode, or 0600 for a new file. */
  readonly mode?: number;
}

/**
 * Writes `contents` to `target` so that the file is either the old one or the complete new one,
 * never truncated or half-written (a full disk leaves the previous file as it was):
 * a temporary file beside the target, created with the target's mode (a private settings file
 * stays private; a new file is 0600), written, fsynced, renamed over the target. The temporary
 * file is removed whatever fails.
 */
export function writeFileAtomicSync(target: string, contents: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const real = writeTargetOf(target);
  const existing = fs.statSync(real, { throwIfNoEntry: false });
  const mode = options.mode ?? (existing ? existing.mode & 0o7777 : PRIVATE_FILE_MODE);
  const temporary = path.join(path.dirname(real), `.${path.basename(real)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: number | null = null;
  try {
    handle = fs.openSync(temporary, 'wx', mode);
    fs.fchmodSync(handle, mode); // the umask may have taken bits off
    if (existing && process.getuid?.() === 0 && existing.uid !== 0) fs.fchownSync(handle, existing.uid, existing.gid);
    fs.writeFileSync(handle, contents);
    fs.fsyncSync(handle);
    fs.closeSync(handle);
    handle = null;
    fs.renameSync(temporary, real);
  } catch (error) {
    if (handle !== null) fs.closeSync(handle);
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  try {
    // Make the rename itself durable (POSIX); not possible on Windows, where the rename is enough.
    const folder = fs.openSync(path.dirname(real), 'r');
    try {
      fs.fsyncSync(folder);
    } finally {
      fs.closeSync(folder);
    }
  } catch {
    // best effort
  }
}
