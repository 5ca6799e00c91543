import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hookStatusOf, isLeverageHookCommand, planInstall, planUninstall } from '../../../src/core/hook/claudeSettings.ts';
import { cliHookRunner, hookCommandFor, simpleCommandWords } from '../../../src/core/hook/hookCommand.ts';
import { applySettingsChange, planHookInstall, planHookUninstall } from '../../../src/core/hook/hookInstaller.ts';
import { tempFolder } from '../helpers/tempJournal.ts';
import { mountTinyDisk } from '../reliability/support/faults.ts';

const COMMAND = hookCommandFor(cliHookRunner('/usr/lib/node_modules/leverage-journal/out/cli/leverage.js', '/usr/bin/node'), '/home/me/inbox');
const PRIVATE_SETTINGS = '{\n  "apiKeyHelper": "echo sk-secret-key",\n  "model": "opus"\n}\n';

afterEach(() => vi.restoreAllMocks());

type Settings = { hooks?: { Stop?: { hooks: { command: string }[] }[] } };
const stopCommands = (text: string) => ((JSON.parse(text) as Settings).hooks?.Stop ?? []).flatMap((group) => group.hooks.map((handler) => handler.command));

describe('a symlinked settings.json (dotfiles)', () => {
  it('is written through: the link stays a link, the file it points at gets the hook and keeps its mode', () => {
    const dotfiles = tempFolder();
    const real = path.join(dotfiles, 'claude-settings.json');
    fs.writeFileSync(real, PRIVATE_SETTINGS);
    fs.chmodSync(real, 0o600);
    const config = tempFolder();
    const link = path.join(config, 'settings.json');
    fs.symlinkSync(real, link);

    applySettingsChange(link, planHookInstall(link, COMMAND));
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(stopCommands(fs.readFileSync(real, 'utf8'))).toEqual([COMMAND]);
    expect(fs.statSync(real).mode & 0o777).toBe(0o600);
    applySettingsChange(link, planHookUninstall(link));
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, 'utf8')).toBe(PRIVATE_SETTINGS.replace('"opus"\n', '"opus",\n  "hooks": {}\n'));
    expect(fs.readdirSync(dotfiles)).toEqual(['claude-settings.json']);
    expect(fs.readdirSync(config)).toEqual(['settings.json']);
  });
});

describe("a user's own hooks that merely mention our command", () => {
  const THEIRS = [
    'echo leverage hook run >> /tmp/hook.log',
    'cd ~/work && leverage hook run',
    "sh -c 'leverage hook run --inbox /x'",
    'leverage hook run --inbox /x; notify-send done',
    'leverage hook run | tee /tmp/out',
    'my-leverage hook run',
    'node /home/me/bin/wrapper.js leverage hook run',
    'leverage hook run --inbox /x --verbose',
    'leverage hook run --inbox $(pwd)',
  ];

  it.each(THEIRS)('%s is not ours: install adds ours beside it, uninstall leaves it', (theirs) => {
    expect(isLeverageHookCommand(theirs)).toBe(false);
    const original = JSON.stringify({ hooks: { Stop: [{ hooks: [{ type: 'command', command: theirs }] }] } }, null, 2);
    const installed = planInstall(original, COMMAND).after;
    expect(stopCommands(installed)).toEqual([theirs, COMMAND]);
    expect(planUninstall(installed).after).toBe(original);
  });

  it('ours is marked, and what earlier versions wrote is still recognised, so a reinstall never adds a second hook', () => {
    expect(simpleCommandWords(COMMAND)?.at(-1)).toBe('--leverage-journal-hook');
    const earlier = [
      "/opt/app/node_modules/node/bin/node --no-warnings /opt/app/src/core/hook/leverageStopHook.ts --inbox '/home/me/Leverage Journal/inbox'",
      "'/home/me/My Apps/node' --no-warnings '/home/me/src/leverage journal/src/core/hook/leverageStopHook.ts' --inbox /i",
      '/usr/bin/node /usr/lib/node_modules/leverage-journal/out/cli/leverage.js hook run --inbox /i',
      "'/Applications/Leverage Journal.app/Contents/MacOS/Leverage Journal' hook run --inbox /i",
    ];
    for (const command of earlier) {
      expect(isLeverageHookCommand(command)).toBe(true);
      const old = JSON.stringify({ hooks: { Stop: [{ hooks: [{ type: 'command', command: 'say done' }] }, { hooks: [{ type: 'command', command, timeout: 10 }] }] } }, null, 2);
      const reinstalled = planInstall(old, COMMAND);
      expect(stopCommands(reinstalled.after)).toEqual(['say done', COMMAND]);
      expect(hookStatusOf(reinstalled.after, COMMAND)).toMatchObject({ installed: true, current: true });
      expect(planInstall(reinstalled.after, COMMAND).changed).toBe(false);
    }
  });
});

describe('duplicate "hooks" keys', () => {
  it('install writes into the last one (the one JSON.parse, and so Claude Code, reads); uninstall takes it out again', () => {
    const original = '{\n  "hooks": { "Stop": [] },\n  "model": "opus",\n  "hooks": { "Notification": [] }\n}\n';
    const installed = planInstall(original, COMMAND).after;
    expect(stopCommands(installed)).toEqual([COMMAND]);
    expect(hookStatusOf(installed, COMMAND).current).toBe(true);
    expect(planUninstall(installed).after).toBe(original);
  });
});

describe('the temporary copy of the settings file', () => {
  it('has the settings file\'s own mode from its first byte, and is removed when the write fails', () => {
    const folder = tempFolder();
    const file = path.join(folder, 'settings.json');
    fs.writeFileSync(file, PRIVATE_SETTINGS);
    fs.chmodSync(file, 0o600);
    const modes: number[] = [];
    const rename = fs.renameSync;
    vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      modes.push(fs.statSync(from).mode & 0o777);
      if (String(to) === file) throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
      rename(from, to);
    });
    const previous = process.umask(0o000);
    try {
      expect(() => applySettingsChange(file, planHookInstall(file, COMMAND))).toThrow(/EIO/);
    } finally {
      process.umask(previous);
    }
    expect(modes).toEqual([0o600]);
    expect(fs.readdirSync(folder)).toEqual(['settings.json']);
    expect(fs.readFileSync(file, 'utf8')).toBe(PRIVATE_SETTINGS);
  });

  it('on a full disk, the settings file stays as it was and no temporary file is left', () => {
    const disk = mountTinyDisk(256);
    const folder = disk?.folder ?? tempFolder();
    const file = path.join(folder, 'settings.json');
    try {
      fs.writeFileSync(file, PRIVATE_SETTINGS);
      fs.chmodSync(file, 0o600);
      const change = planHookInstall(file, COMMAND);
      if (disk) disk.fill();
      else {
        vi.spyOn(fs, 'writeFileSync').mockImplementation(() => {
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        });
      }
      expect(() => applySettingsChange(file, change)).toThrow(/ENOSPC/);
      expect(fs.readFileSync(file, 'utf8')).toBe(PRIVATE_SETTINGS);
      expect(fs.readdirSync(folder).filter((name) => name !== 'filler')).toEqual(['settings.json']);
    } finally {
      disk?.unmount();
    }
  });
});
