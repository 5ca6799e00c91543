import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import builderConfig from '../../../electron-builder.config.ts';
import { buildProgram } from '../../../src/cli/program.ts';
import { isLeverageHookCommand } from '../../../src/core/hook/claudeSettings.ts';
import { CLI_COMMANDS, cliArguments, cliOutput } from '../../../src/main/cli/cliMode.ts';
import { installShim, removeShim, shimContent, shimPlace, shimStatus, SHIM_MARKER } from '../../../src/main/cli/cliShim.ts';
import { createDesktopIntegration } from '../../../src/main/cli/desktopIntegration.ts';
import { applyLaunchAtLogin, autostartEntry, autostartFile, loginItemSupport } from '../../../src/main/platform/loginItem.ts';
import { activateForQuickAdd, APP_ID, applyEarlyPlatformRules, isWaylandSession } from '../../../src/main/platform/platformRules.ts';
import { tempFolder } from '../helpers/tempJournal.ts';

describe('headless CLI arguments', () => {
  it('recognises a CLI command after the binary (packaged) or after the app folder (electron .), skipping Chromium switches', () => {
    expect(cliArguments(['/opt/app/leverage-journal', 'stats', '--json'], false)).toEqual(['stats', '--json']);
    expect(cliArguments(['/x/electron', '.', 'hook', 'run', '--inbox', '/i'], true)).toEqual(['hook', 'run', '--inbox', '/i']);
    expect(cliArguments(['/opt/app/leverage-journal', '--no-sandbox', '--enable-features=X', '--db', '/d.db', 'list'], false)).toEqual(['--db', '/d.db', 'list']);
    expect(cliArguments(['C:\\LJ\\Leverage Journal.exe', '--help'], false)).toEqual(['--help']);
    // macOS Finder's process serial number, a plain start, a file someone opened with the app: the app.
    expect(cliArguments(['/Applications/Leverage Journal.app/Contents/MacOS/Leverage Journal', '-psn_0_12345'], false)).toBeNull();
    expect(cliArguments(['/opt/app/leverage-journal'], false)).toBeNull();
    expect(cliArguments(['/opt/app/leverage-journal', '/home/me/post.md'], false)).toBeNull();
    expect(cliArguments(['/x/electron', '.'], true)).toBeNull();
  });

  it('knows every command the CLI program has', async () => {
    const { program } = await buildProgram({ stdout: () => {}, stderr: () => {}, env: {}, cwd: '/' });
    expect([...CLI_COMMANDS].filter((name) => name !== 'help').sort()).toEqual(program.commands.map((command) => command.name()).sort());
  });

  it('on Windows writes the output to the launcher\'s files, elsewhere to the streams', () => {
    const folder = tempFolder();
    const base = path.join(folder, 'run');
    const output = cliOutput({ LEVERAGE_CLI_OUTPUT: base });
    output.stdout('{"taskCount":1}\n');
    output.stderr('leverage: note\n');
    output.finish();
    expect(fs.readFileSync(`${base}.out`, 'utf8')).toBe('{"taskCount":1}\n');
    expect(fs.readFileSync(`${base}.err`, 'utf8')).toBe('leverage: note\n');
    const writes: string[] = [];
    const stream = { write: (text: string) => writes.push(text) } as unknown as NodeJS.WritableStream;
    cliOutput({}, { stdout: stream, stderr: stream }).stdout('plain');
    expect(writes).toEqual(['plain']);
  });
});

describe('platform rules', () => {
  it('sets the installer\'s AppUserModelID on Windows only, and the portal switch on Wayland only', () => {
    expect(APP_ID).toBe(builderConfig.appId);
    const fakeApp = () => ({ setAppUserModelId: vi.fn(), commandLine: { appendSwitch: vi.fn() }, focus: vi.fn() });
    const windows = fakeApp();
    expect(applyEarlyPlatformRules(windows, 'win32', {})).toEqual({ wayland: false });
    expect(windows.setAppUserModelId).toHaveBeenCalledWith('com.leveragejournal.app');
    const wayland = fakeApp();
    expect(applyEarlyPlatformRules(wayland, 'linux', { XDG_SESSION_TYPE: 'wayland' })).toEqual({ wayland: true });
    expect(wayland.commandLine.appendSwitch).toHaveBeenCalledWith('enable-features', 'GlobalShortcutsPortal');
    expect(wayland.setAppUserModelId).not.toHaveBeenCalled();
    const x11 = fakeApp();
    applyEarlyPlatformRules(x11, 'linux', { XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' });
    expect(x11.commandLine.appendSwitch).not.toHaveBeenCalled();
    expect(isWaylandSession('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(isWaylandSession('darwin', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(false);
  });

  it('takes focus from the frontmost app before quick add on macOS only', () => {
    const mac = { focus: vi.fn() };
    activateForQuickAdd(mac, 'darwin');
    expect(mac.focus).toHaveBeenCalledWith({ steal: true });
    const linux = { focus: vi.fn() };
    activateForQuickAdd(linux, 'linux');
    expect(linux.focus).not.toHaveBeenCalled();
  });

  it('launches at login on Linux through an XDG autostart entry (the AppImage file itself), elsewhere through the OS login item', () => {
    const home = tempFolder();
    const setLoginItemSettings = vi.fn();
    const linux = { platform: 'linux' as const, isPackaged: true, execPath: '/opt/Leverage Journal/leverage-journal', env: {}, setLoginItemSettings, homedir: home };
    const file = autostartFile({}, home);
    expect(file).toBe(path.join(home, '.config', 'autostart', 'leverage-journal.desktop'));
    applyLaunchAtLogin(true, linux);
    expect(fs.readFileSync(file, 'utf8')).toContain('Exec="/opt/Leverage Journal/leverage-journal"\n');
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^\[Desktop Entry\]\nType=Application\n/);
    applyLaunchAtLogin(false, linux);
    expect(fs.existsSync(file)).toBe(false);
    expect(setLoginItemSettings).not.toHaveBeenCalled();
    expect(autostartEntry('/tmp/.mount_x/leverage-journal', { APPIMAGE: '/home/me/Apps/Leverage Journal-0.1.0.AppImage' })).toContain('Exec="/home/me/Apps/Leverage Journal-0.1.0.AppImage"');
    expect(autostartEntry('/opt/a"b$c/app', {})).toContain('Exec="/opt/a\\"b\\$c/app"');
    expect(autostartFile({ XDG_CONFIG_HOME: '/cfg' }, home)).toBe('/cfg/autostart/leverage-journal.desktop');

    applyLaunchAtLogin(true, { ...linux, platform: 'darwin' });
    expect(setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true });
    // A development build would register the bare Electron binary: nothing happens, and Settings hides it.
    expect(loginItemSupport({ isPackaged: false }).available).toBe(false);
    applyLaunchAtLogin(true, { ...linux, isPackaged: false });
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('Settings → Command-line tool (the PATH shim)', () => {
  it('puts the shim where each OS finds it', () => {
    expect(shimPlace({ platform: 'linux', env: {}, home: '/home/me' })).toEqual({ file: '/home/me/.local/bin/leverage', elevated: false, pathFolder: null });
    expect(shimPlace({ platform: 'darwin', env: {}, home: '/Users/me', writable: () => false })).toMatchObject({ file: '/usr/local/bin/leverage', pathFolder: null });
    expect(shimPlace({ platform: 'win32', env: { LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local' }, home: 'C:\\Users\\me' })).toEqual({
      file: 'C:\\Users\\me\\AppData\\Local\\Leverage Journal\\bin\\leverage.cmd',
      elevated: false,
      pathFolder: 'C:\\Users\\me\\AppData\\Local\\Leverage Journal\\bin',
    });
  });

  it('installs a script that runs the app binary, finds it again, leaves a foreign `leverage` alone, and removes only its own', async () => {
    const folder = tempFolder();
    const place = { file: path.join(folder, 'bin', 'leverage'), elevated: false, pathFolder: null };
    const runner = { run: vi.fn(async () => '') };
    await installShim(place, 'linux', "/opt/Leverage Journal/it's", runner);
    const text = fs.readFileSync(place.file, 'utf8');
    expect(text).toBe(`#!/bin/sh\n# ${SHIM_MARKER}: runs the installed app's CLI. Remove it in the app (Settings → Command-line tool).\nexec '/opt/Leverage Journal/it'\\''s' "$@"\n`);
    expect(fs.statSync(place.file).mode & 0o111).not.toBe(0);
    expect(shimStatus(place, 'linux', { PATH: `/usr/bin:${path.join(folder, 'bin')}` })).toEqual({ file: place.file, installed: true, foreign: false, onPath: true });
    await removeShim(place, 'linux', runner);
    expect(fs.existsSync(place.file)).toBe(false);
    expect(runner.run).not.toHaveBeenCalled();

    fs.writeFileSync(place.file, '#!/bin/sh\necho another tool\n');
    await expect(installShim(place, 'linux', '/opt/app', runner)).rejects.toThrow(/not written by Leverage Journal/);
    await expect(removeShim(place, 'linux', runner)).rejects.toThrow(/left alone/);
    expect(fs.readFileSync(place.file, 'utf8')).toBe('#!/bin/sh\necho another tool\n');
  });

  it('asks for an administrator on macOS when /usr/local/bin is not writable, and adds the folder to the user PATH on Windows', async () => {
    const folder = tempFolder();
    const runner = { run: vi.fn(async () => '') };
    await installShim({ file: path.join(folder, 'leverage'), elevated: true, pathFolder: null }, 'darwin', '/Applications/Leverage Journal.app/Contents/MacOS/Leverage Journal', runner);
    const [program, args] = runner.run.mock.calls[0] as unknown as [string, string[]];
    expect(program).toBe('/usr/bin/osascript');
    expect(args[1]).toMatch(/^do shell script ".*cp .* && chmod 755 .*" with administrator privileges$/);

    const windows = { file: path.join(folder, 'win', 'leverage.cmd'), elevated: false, pathFolder: path.join(folder, 'win') };
    await installShim(windows, 'win32', 'C:\\Program Files\\Leverage Journal\\Leverage Journal.exe', runner);
    const cmd = fs.readFileSync(windows.file, 'utf8');
    expect(cmd).toContain('"C:\\Program Files\\Leverage Journal\\Leverage Journal.exe" %*\r\n');
    expect(cmd).toContain('set "LEVERAGE_CLI_OUTPUT=');
    expect(cmd).toContain('exit /b %LEVERAGE_CLI_CODE%');
    expect(shimContent('win32', 'x').split('\r\n')[0]).toBe('@echo off');
    const [shell, shellArgs, env] = runner.run.mock.calls[1] as unknown as [string, string[], NodeJS.ProcessEnv];
    expect(shell).toBe('powershell.exe');
    expect(shellArgs.at(-1)).toContain("SetEnvironmentVariable('Path'");
    expect(env).toEqual({ LEVERAGE_BIN: windows.pathFolder });
  });
});

describe('Settings → Claude Code (the Stop hook from the app)', () => {
  it('installs the hook as the installed app binary, replaces an older checkout entry, and removes it', () => {
    const home = tempFolder();
    const settingsFile = path.join(home, '.claude', 'settings.json');
    fs.mkdirSync(path.dirname(settingsFile));
    const original = '{\n  "model": "opus",\n  "hooks": {\n    "Stop": [\n      { "hooks": [ { "type": "command", "command": "/w/node_modules/node/bin/node --no-warnings /w/src/core/hook/leverageStopHook.ts --inbox /i" } ] }\n    ]\n  }\n}\n';
    fs.writeFileSync(settingsFile, original);
    const integration = createDesktopIntegration({
      platform: 'darwin',
      env: { HOME: home },
      isPackaged: true,
      executable: '/Applications/Leverage Journal.app/Contents/MacOS/Leverage Journal',
      databasePath: () => '/Users/me/Library/Application Support/Leverage Journal/leverage.db',
      place: { file: path.join(home, 'bin', 'leverage'), elevated: false, pathFolder: null },
    });
    const before = integration.status().claudeHook;
    expect(before).toMatchObject({ available: true, installed: true, current: false, settingsFile, note: expect.stringMatching(/older/) });
    const command = "'/Applications/Leverage Journal.app/Contents/MacOS/Leverage Journal' hook run --inbox '/Users/me/Library/Application Support/Leverage Journal/inbox' --leverage-journal-hook";
    expect(before.command).toBe(command);
    expect(isLeverageHookCommand(command)).toBe(true);
    const installed = integration.setClaudeHook(true).claudeHook;
    expect(installed).toMatchObject({ installed: true, current: true, installedCommands: [command] });
    expect(fs.readFileSync(settingsFile, 'utf8')).not.toContain('leverageStopHook');
    expect(integration.setClaudeHook(false).claudeHook).toMatchObject({ installed: false });
    // Everything else as it was; no entry of ours is left.
    expect(JSON.parse(fs.readFileSync(settingsFile, 'utf8'))).toEqual({ model: 'opus', hooks: {} });
  });

  it('a development build offers neither the hook nor the shim, and says why', async () => {
    const home = tempFolder();
    const integration = createDesktopIntegration({ platform: 'linux', env: { HOME: home }, isPackaged: false, executable: '/w/node_modules/electron/dist/electron', databasePath: () => '/d/leverage.db' });
    const status = integration.status();
    expect(status.claudeHook).toMatchObject({ available: false, command: null, note: expect.stringMatching(/development build/) });
    expect(status.cliTool).toMatchObject({ available: false, note: expect.stringMatching(/development build/) });
    expect(() => integration.setClaudeHook(true)).toThrow(/development build/);
    await expect(integration.setCliTool(true)).rejects.toThrow(/development build/);
    expect(fs.existsSync(path.join(home, '.claude', 'settings.json'))).toBe(false);
  });
});
