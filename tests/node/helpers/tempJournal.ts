import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { Journal } from '../../../src/core/journal.ts';

const folders: string[] = [];

/** A fresh temporary folder, removed after the test. */
export function tempFolder(prefix = 'leverage-test-'): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

/** A journal over a fresh file in a temporary folder (closed and removed after the test). */
export function tempJournal(): Journal {
  const journal = Journal.open(path.join(tempFolder(), 'leverage.db'));
  afterEach(() => journal.close());
  return journal;
}

afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});
