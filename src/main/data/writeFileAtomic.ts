import fs from 'node:fs/promises';
import path from 'node:path';

/** Writes next to the target and renames over it, so a crash never leaves a half-written file. */
export async function writeFileAtomic(target: string, contents: string): Promise<void> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.partial`);
  try {
    await fs.writeFile(temporary, contents, 'utf8');
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}
