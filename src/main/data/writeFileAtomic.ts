import fs from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomicSync } from '../../core/files/atomicWrite.ts';

export interface FileToWrite {
  readonly target: string;
  readonly contents: string;
}

function temporaryFor(target: string, index: number): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.${index}.partial`);
}

/**
 * Writes every file under a temporary name beside its target first, and only when all of them
 * are complete renames each over its target: a failure (disk full, permissions) leaves the
 * targets as they were, and a crash never leaves a half-written file.
 */
export async function writeFilesAtomic(files: readonly FileToWrite[]): Promise<void> {
  const temporaries = files.map((file, index) => temporaryFor(file.target, index));
  try {
    for (const [index, file] of files.entries()) await fs.writeFile(temporaries[index] as string, file.contents, 'utf8');
    for (const [index, file] of files.entries()) await fs.rename(temporaries[index] as string, file.target);
  } catch (error) {
    await Promise.all(temporaries.map((temporary) => fs.rm(temporary, { force: true })));
    throw error;
  }
}

/**
 * One file: the core's atomic write (temporary file with the target's mode, fsync, rename; through
 * a symlink; the temporary file always removed), the same one the CLI's `--out` uses.
 */
export async function writeFileAtomic(target: string, contents: string): Promise<void> {
  writeFileAtomicSync(target, contents);
}
