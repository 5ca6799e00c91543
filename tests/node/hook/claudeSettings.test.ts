import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { claudeSettingsPath, describeChange, hookStatusOf, isLeverageHookCommand, planInstall, planUninstall } from '../../../src/core/hook/claudeSettings.ts';
import { cliHookRunner, hookCommandFor } from '../../../src/core/hook/hookCommand.ts';
import { applySettingsChange, planHookInstall, planHookUninstall } from '../../../src/core/hook/hookInstaller.ts';

let folder = '';
afterEach(() => {
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
  folder = '';
});

const INBOX = '/home/me/Leverage Journal/inbox';
const COMMAND = hookCommandFor(cliHookRunner('/usr/lib/node_modules/leverage-journal/out/cli/leverage.js', '/usr/bin/node'), INBOX);
/** What versions before the bundled CLI wrote from a checkout. */
const CHECKOUT_COMMAND = "/opt/app/node_modules/node/bin/node --no-warnings /opt/app/src/core/hook/leverageStopHook.ts --inbox '/home/me/Leverage Journal/inbox'";

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
      if (/"hooks"/.test(original)) {
        expect(removed.after).toBe(original);
      } else {
        // A "hooks" object is never removed (it may have been there, empty, before install): the
        // same settings with an empty "hooks" left behind, everything else byte for byte.
        expect(JSON.parse(removed.after)).toEqual({ ...JSON.parse(original), hooks: {} });
        expect(removed.after.replace(/,?\s*"hooks":\s*\{\}/, '')).toBe(original);
      }
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

  it('an empty "hooks" object present before install is kept on uninstall, byte for byte', () => {
    const original = '{\n  "model": "opus",\n  "hooks": {}\n}\n';
    const after = planUninstall(planInstall(original, COMMAND).after).after;
    expect(after).toBe(original);
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
    expect(isLeverageHookCommand(CHECKOUT_COMMAND)).toBe(true);
    expect(isLeverageHookCommand("'/Applications/Leverage Journal.app/Contents/MacOS/Leverage Journal' hook run --inbox /i")).toBe(true);
    expect(isLeverageHookCommand("'C:\\Program Files\\Leverage Journal\\Leverage Journal.exe' hook run --inbox /i")).toBe(true);
    expect(isLeverageHookCommand('/opt/Leverage\\ Journal/leverage-journal hook run --inbox /i')).toBe(true);
    expect(isLeverageHookCommand("'/Applications/Leverage Journal.app/Contents/MacOS/Leverage Journal' --help")).toBe(false);
    expect(COMMAND).toBe("/usr/bin/node /usr/lib/node_modules/leverage-journal/out/cli/leverage.js hook run --inbox '/home/me/Leverage Journal/inbox' --leverage-journal-hook");
  });

  it('builds the command that fits each install kind, and never one into a checkout', () => {
    expect(hookCommandFor({ kind: 'app', executable: '/Applications/Leverage Journal.app/Contents/MacOS/Leverage Journal' }, INBOX)).toBe(
      "'/Applications/Leverage Journal.app/Contents/MacOS/Leverage Journal' hook run --inbox '/home/me/Leverage Journal/inbox' --leverage-journal-hook",
    );
    expect(hookCommandFor({ kind: 'app', executable: '/opt/Leverage Journal/leverage-journal' }, '/i')).toBe("'/opt/Leverage Journal/leverage-journal' hook run --inbox /i --leverage-journal-hook");
    expect(hookCommandFor(cliHookRunner('/home/me/.npm-global/lib/node_modules/leverage-journal/out/cli/leverage.js', '/home/me/.nvm/versions/node/v24.1.0/bin/node'), '/i')).toBe(
      '/home/me/.nvm/versions/node/v24.1.0/bin/node /home/me/.npm-global/lib/node_modules/leverage-journal/out/cli/leverage.js hook run --inbox /i --leverage-journal-hook',
    );
    const source = cliHookRunner('/work/checkout/src/cli/leverage.ts', '/work/checkout/node_modules/node/bin/node');
    expect(source.kind).toBe('source');
    expect(() => hookCommandFor(source, '/i')).toThrow(/must not point into a checkout/);
    for (const kind of [COMMAND, hookCommandFor({ kind: 'app', executable: 'C:\\Users\\me\\AppData\\Local\\Programs\\Leverage Journal\\Leverage Journal.exe' }, '/i')]) {
      expect(isLeverageHookCommand(kind)).toBe(true);
    }
  });

  it('replaces an entry an earlier version wrote instead of adding a second hook, and reports the status', () => {
    const old = planInstall(SAMPLES['other Stop hooks'] as string, CHECKOUT_COMMAND).after;
    expect(hookStatusOf(old, COMMAND)).toEqual({ installed: true, commands: [CHECKOUT_COMMAND], current: false });
    const replaced = planInstall(old, COMMAND);
    expect(replaced.changed).toBe(true);
    expect(replaced.summary).toMatch(/replace the Leverage Journal Stop hook/);
    expect(hookStatusOf(replaced.after, COMMAND)).toEqual({ installed: true, commands: [COMMAND], current: true });
    expect(replaced.after).toContain('say done');
    expect(replaced.after).not.toContain('leverageStopHook');
    expect(planInstall(replaced.after, COMMAND).changed).toBe(false);
    expect(planUninstall(replaced.after).after).toBe(SAMPLES['other Stop hooks']);
    expect(hookStatusOf(null, COMMAND)).toEqual({ installed: false, commands: [], current: false });
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
    expect(fs.readFileSync(file, 'utf8')).toContain('out/cli/leverage.js hook run');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const stale = planHookUninstall(file);
    fs.appendFileSync(file, ' ');
    expect(() => applySettingsChange(file, stale)).toThrow(/changed while/);
    fs.writeFileSync(file, stale.before);
    applySettingsChange(file, planHookUninstall(file));
    expect(fs.readFileSync(file, 'utf8').replace(/,\s*"hooks": \{\}/, '')).toBe(original);
  });
});
