import fs from 'node:fs';
import path from 'node:path';

import type { LogFile } from './logEvents.ts';

export type { LogFile } from './logEvents.ts';

/** A folder or file the scan could not read, and why. */
export interface SkippedPath {
  path: string;
  reason: string;
}

function walk(folder: string, found: string[], skipped: SkippedPath[], top: boolean): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    // A folder that cannot be read is reported and skipped; one that vanished holds nothing.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && !top) skipped.push({ path: folder, reason: code ?? String(error) });
    return;
  }
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) walk(full, found, skipped, false);
    // Regular files only: a FIFO or a socket named *.jsonl would block or fail a read.
    else if (entry.isFile() && entry.name.endsWith('.jsonl')) found.push(full);
  }
}

/**
 * Claude Code's files under `<root>/projects/`: `<project>/<session>.jsonl`, anything under
 * `<project>/<session>/` (subagents, listed under that session even when its main transcript is
 * gone), and legacy `<project>/agent-*.jsonl` files beside the sessions, whose session is read from
 * their own `sessionId` field.
 */
export function listLogFiles(root: string, skipped: SkippedPath[] = []): LogFile[] {
  const projects = path.join(root, 'projects');
  const found: string[] = [];
  walk(projects, found, skipped, true);
  return found.sort().flatMap((file) => {
    const parts = path.relative(projects, file).split(path.sep);
    const [projectDir, first] = parts;
    if (!projectDir || !first || parts.length < 2) return [];
    if (parts.length === 2) {
      const stem = first.slice(0, -'.jsonl'.length);
      const legacyAgent = stem.startsWith('agent-');
      return [{ path: file, projectDir, sessionId: legacyAgent ? null : stem, isSubagent: legacyAgent }];
    }
    return [{ path: file, projectDir, sessionId: first, isSubagent: true }];
  });
}
