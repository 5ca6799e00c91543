import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claudeRoots } from '../../../src/core/agentLogs/roots.ts';
import { claudeSettingsPath } from '../../../src/core/hook/claudeSettings.ts';
import { tempFolder } from '../helpers/tempJournal.ts';

describe('CLAUDE_CONFIG_DIR with a comma in the folder name', () => {
  it('is one folder for the logs and the settings (as Claude Code reads it), and still a list where the parts exist (as ccusage reads it)', () => {
    const home = tempFolder();
    const withComma = path.join(home, 'claude,work');
    fs.mkdirSync(path.join(withComma, 'projects'), { recursive: true });
    expect(claudeRoots({ CLAUDE_CONFIG_DIR: withComma }, home)).toEqual([withComma]);
    expect(claudeSettingsPath({ CLAUDE_CONFIG_DIR: withComma })).toBe(path.join(withComma, 'settings.json'));

    const first = path.join(home, 'a');
    const second = path.join(home, 'b');
    for (const root of [first, second]) fs.mkdirSync(path.join(root, 'projects'), { recursive: true });
    expect(claudeRoots({ CLAUDE_CONFIG_DIR: `${first},${second}` }, home)).toEqual([first, second]);
  });
});
