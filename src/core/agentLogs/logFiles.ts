import fs from 'node:fs';
import path from 'node:path';

/** A session log or subagent log found under `<root>/projects/`. */
export interface LogFile {
  path: string;
  /** The encoded project folder name (e.g. "-home-me-src-app"). */
  projectDir: string;
  /**
   * The session the file belongs to, from its place: `<project>/<session>.jsonl` or anything under
   * `<project>/<session>/` (subagents). Null for legacy `<project>/agent-*.jsonl` files beside the
   * sessions, whose session is read from their own `sessionId` field.
   */
  sessionId: string | null;
  isSubagent: boolean;
}

function walk(folder: string, found: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return; // A folder that vanished or cannot be read holds nothing for us.
  }
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) walk(full, found);
    else if (entry.isFile() && entry.name.endsWith('.jsonl')) found.push(full);
  }
}

export function listLogFiles(root: string): LogFile[] {
  const projects = path.join(root, 'projects');
  const found: string[] = [];
  walk(projects, found);
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
