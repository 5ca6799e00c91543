import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { claudeSettingsPath, describeChange, isLeverageHookCommand, planInstall, planUninstall } from '../../../src/core/hook/claudeSettings.ts';
import { applySettingsChange, defaultHookCommand, planHookInstall, planHookUninstall } from '../../../src/core/hook/hookInstaller.ts';

let folder = '';
afterEach(() => {
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
  folder = '';
});

const COMMAND = defaultHookCommand('/home/me/Leverage Journal/inbox', '/usr/bin/node', '/opt/app/src/core/hook/leverageStopHook.ts');

/** Settings files as people have them: other hooks, comments, tabs, CRLF, one-liners, odd spacing. */
const SAMPLES: Record<string, string> = {
  'other Stop hooks': `{
  "model": "opus",
  "hooks": {
    "PreToolUse": [
      { "matcher": "Bash", "hooks": [ { "type": "command", "command": "echo pre" } ] }
    ],
    "Stop": [
      { "hooks": [ { "type": "command", "command": "say done", "timeout": 5 } ] }
    ]
  }
}
`,
  'hooks without Stop, four-space indent': '{\n    "permissions": { "allow": ["Bash(npm test)"] },\n    "hooks": {\n        "Notification": [ { "hooks": [ { "type": "command", "command": "notify-send hi" } ] } ]\n    }\n}\n',
  'no hooks, tabs and CRLF': '{\r\n\t"model": "sonnet",\r\n\t"env": {"A": "1"}\r\n}\r\n',
  'one line': '{"model":"opus","includeCoAuthoredBy":false}',
  'comments and no final newline': '{\n  // my settings\n  "model": "opus" /* inline */,\n  "hooks": { "SessionStart": [] }\n}',
  'empty object': '{}',
};

describe('Claude Code settings: install and uninstall of our Stop hook', () => {
  for (const [name, original] of Object.entries(SAMPLES)) {
    it(`round-trips byte for byte: ${name}`, () => {
      const installed = planInstall(original, COMMAND);
      expect(installed.changed).toBe(true);
      const parsed = JSON.parse(installed.after.replace(/\/\/.*|\/\*.*?\*\//g, '')) as { hooks: { Stop: { hooks: { command: string }[] }[] } };
      expect(parsed.hooks.Stop.at(-1)?.hooks[0]?.command).toBe(COMMAND);
      // Everything before the insertion point and after it is untouched.
      expect(installed.after.length).toBeGreaterThan(original.length);
      expect(planInstall(installed.after, COMMAND).changed).toBe(false); // idempotent
      const removed = planUninstall(installed.after);
      expect(removed.changed).toBe(true);
      expect(removed.after).toBe(original);
    });
  }

  it('keeps other people\'s hooks, including one added after ours', () => {
    const installed = planInstall(SAMPLES['other Stop hooks'] as string, COMMAND).after;
    const withLater = installed.replace('"timeout": 10\n          }\n        ]\n      }', '"timeout": 10\n          }\n        ]\n      },\n      { "hooks": [ { "type": "command", "command": "later" } ] }');
    expect(withLater).not.toBe(installed);
    const removed = planUninstall(withLater).after;
    expect(removed).toContain('"command": "later"');
    expect(removed).toContain('say done');
    expect(removed).not.toContain('leverageStopHook');
  });

  it('an empty "hooks" object present before install is dropped on uninstall (the same settings)', () => {
    const original = '{\n  "model": "opus",\n  "hooks": {}\n}\n';
    const after = planUninstall(planInstall(original, COMMAND).after).after;
    expect(JSON.parse(after)).toEqual({ model: 'opus' });
  });

  it('creates a missing file and leaves unrelated files alone', () => {
    const created = planInstall(null, COMMAND);
    expect(JSON.parse(created.after)).toEqual({ hooks: { Stop: [{ hooks: [{ type: 'command', command: COMMAND, timeout: 10 }] }] } });
    expect(planUninstall(SAMPLES['one line'] as string).changed).toBe(false);
    expect(() => planInstall('{ "hooks": ', COMMAND)).toThrow(/not valid JSON/);
    expect(() => planInstall('{ "hooks": [] }', COMMAND)).toThrow(/"hooks" in settings.json is not an object/);
  });

  it('recognises only our command', () => {
    expect(isLeverageHookCommand(COMMAND)).toBe(true);
    expect(isLeverageHookCommand('leverage hook run')).toBe(true);
    expect(isLeverageHookCommand("'/x/node' /a/src/cli/leverage.ts hook run --inbox /i")).toBe(true);
    expect(isLeverageHookCommand('node /a/myleverageStopHook.ts')).toBe(false);
    expect(isLeverageHookCommand('npx my-leverage hook run')).toBe(false);
    expect(isLeverageHookCommand('leverage hook install')).toBe(false);
    expect(COMMAND).toBe("/usr/bin/node --no-warnings /opt/app/src/core/hook/leverageStopHook.ts --inbox '/home/me/Leverage Journal/inbox'");
  });

  it('shows the change as a diff', () => {
    const change = planInstall(SAMPLES['other Stop hooks'] as string, COMMAND);
    const diff = describeChange(change, 'settings.json');
    expect(diff).toContain(`+             "command": ${JSON.stringify(COMMAND)},`);
    // The only line that changes is the previous last group, which gains a comma.
    expect(diff.split('\n').filter((line) => line.startsWith('- '))).toEqual(['-       { "hooks": [ { "type": "command", "command": "say done", "timeout": 5 } ] }']);
  });

  it('applies changes to a file, finds the settings under CLAUDE_CONFIG_DIR, and refuses a file changed meanwhile', () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'leverage-hook-'));
    const file = claudeSettingsPath({ CLAUDE_CONFIG_DIR: folder });
    expect(file).toBe(path.join(folder, 'settings.json'));
    const original = SAMPLES['no hooks, tabs and CRLF'] as string;
    fs.writeFileSync(file, original);
    fs.chmodSync(file, 0o600);
    applySettingsChange(file, planHookInstall(file, COMMAND));
    expect(fs.readFileSync(file, 'utf8')).toContain('leverageStopHook.ts');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const stale = planHookUninstall(file);
    fs.appendFileSync(file, ' ');
    expect(() => applySettingsChange(file, stale)).toThrow(/changed while/);
    fs.writeFileSync(file, stale.before);
    applySettingsChange(file, planHookUninstall(file));
    expect(fs.readFileSync(file, 'utf8')).toBe(original);
  });
});
