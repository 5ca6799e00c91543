import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './processes.ts';

/**
 * Real faults for the tests: a tiny filesystem that fills up, and a second (unprivileged) user for
 * whom permissions bite — CI runs as root, where chmod alone denies nothing.
 */

export interface TinyDisk {
  readonly folder: string;
  /** Writes filler until the disk answers ENOSPC; returns the filler's path. */
  fill(): string;
  unmount(): void;
}

/** A real tmpfs of `kilobytes` (needs root with CAP_SYS_ADMIN); null where it cannot be mounted. */
export function mountTinyDisk(kilobytes: number): TinyDisk | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'leverage-tinydisk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kilobytes}k,mode=0755`, 'tmpfs', folder], { stdio: 'ignore' });
  } catch {
    fs.rmdirSync(folder);
    return null;
  }
  return {
    folder,
    fill() {
      const filler = path.join(folder, 'filler');
      const handle = fs.openSync(filler, 'a');
      const chunk = Buffer.alloc(4096, 1);
      try {
        for (;;) fs.writeSync(handle, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        fs.closeSync(handle);
      }
      return filler;
    },
    unmount() {
      execFileSync('umount', [folder], { stdio: 'ignore' });
      fs.rmdirSync(folder);
    },
  };
}

/** The uid/gid of an unprivileged user the root test process can run a child as. */
const NOBODY = { uid: 65534, gid: 65534 };

/** True when a child can be run as another user here (root with setpriv), so EACCES is real. */
export function canRunAsOtherUser(): boolean {
  if (process.getuid?.() !== 0) return false;
  return spawnSync('setpriv', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Runs `node script args…` as an unprivileged user (when root) and returns its output. */
export function runNodeAsOtherUser(script: string, args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const node = [process.execPath, '--no-warnings', script, ...args];
  const command = process.getuid?.() === 0 ? ['setpriv', `--reuid=${NOBODY.uid}`, `--regid=${NOBODY.gid}`, '--clear-groups', ...node] : node;
  // A compile cache the other user may write, so the child does not strip the sources from scratch each time.
  const cache = path.join(os.tmpdir(), 'leverage-test-compile-cache-shared');
  fs.mkdirSync(cache, { recursive: true });
  fs.chmodSync(cache, 0o1777);
  const env = { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), NODE_COMPILE_CACHE: cache };
  const result = spawnSync(command[0] as string, command.slice(1), { cwd: REPO_ROOT, encoding: 'utf8', env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Gives a folder (and what is in it) to the unprivileged user, so they can create files there. */
export function giveToOtherUser(target: string): void {
  if (process.getuid?.() === 0) execFileSync('chown', ['-R', `${NOBODY.uid}:${NOBODY.gid}`, target]);
}
