import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The Claude Code data folders to read: `CLAUDE_CONFIG_DIR` when set, else `~/.config/claude`
 * (newer versions) and `~/.claude`. Only folders that hold a `projects` folder are returned.
 *
 * Claude Code reads CLAUDE_CONFIG_DIR as one folder, whose name may contain a comma; ccusage
 * (the token oracle) reads it as a comma-separated list of folders. Both readings are taken: the
 * whole value as one folder, and each comma-separated part, keeping those that hold `projects/`.
 */
export function claudeRoots(env: NodeJS.ProcessEnv, home: string = os.homedir()): string[] {
  const configured = env.CLAUDE_CONFIG_DIR?.trim();
  const candidates = configured
    ? [configured, ...configured.split(',').map((entry) => entry.trim())].filter((entry) => entry !== '')
    : [path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'claude'), path.join(home, '.claude')];
  const unique = [...new Set(candidates.map((entry) => path.resolve(entry)))];
  return unique.filter((root) => fs.existsSync(path.join(root, 'projects')));
}
