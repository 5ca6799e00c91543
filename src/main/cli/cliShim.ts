import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * Settings → "Command-line tool": a `leverage` command on PATH that runs the installed app's binary
 * headless (see cliMode.ts). macOS: a script in /usr/local/bin (on PATH by default; the OS asks for
 * an administrator's password when the folder is not writable). Linux: a script in ~/.local/bin
 * (on PATH in the usual distributions' profiles). Windows: leverage.cmd in the user's app data,
 * whose folder is added to the user's PATH; the .cmd is also the console launcher that carries the
 * GUI binary's output to the terminal (LEVERAGE_CLI_OUTPUT, see cliOutput).
 */
export const SHIM_MARKER = 'Leverage Journal command-line tool';

export interface ShimPlace {
  file: string;
  /** The folder must be written with an administrator's rights. */
  elevated: boolean;
  /** Windows: the folder to add to the user's PATH. */
  pathFolder: string | null;
}

export interface ShimEnvironment {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home?: string;
  /** Whether the current user may write into `folder` (tests pass their own answer). */
  writable?: (folder: string) => boolean;
}

function canWrite(folder: string): boolean {
  try {
    fs.accessSync(folder, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export function shimPlace({ platform, env, home = os.homedir(), writable = canWrite }: ShimEnvironment): ShimPlace {
  if (platform === 'win32') {
    const base = env.LOCALAPPDATA ?? path.win32.join(home, 'AppData', 'Local');
    const folder = path.win32.join(base, 'Leverage Journal', 'bin');
    return { file: path.win32.join(folder, 'leverage.cmd'), elevated: false, pathFolder: folder };
  }
  if (platform === 'darwin') {
    const folder = '/usr/local/bin';
    return { file: path.posix.join(folder, 'leverage'), elevated: !(fs.existsSync(folder) && writable(folder)), pathFolder: null };
  }
  return { file: path.posix.join(home, '.local', 'bin', 'leverage'), elevated: false, pathFolder: null };
}

/** POSIX single-quoting. */
function quote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The shim's text: a shell script, or on Windows the console launcher. */
export function shimContent(platform: NodeJS.Platform, executable: string): string {
  if (platform !== 'win32') {
    return `#!/bin/sh\n# ${SHIM_MARKER}: runs the installed app's CLI. Remove it in the app (Settings → Command-line tool).\nexec ${quote(executable)} "$@"\n`;
  }
  // cmd waits for a GUI program a batch file starts; the app writes its output to the two files.
  return [
    '@echo off',
    `rem ${SHIM_MARKER}: runs the installed app's CLI. Remove it in the app (Settings, Command-line tool).`,
    'setlocal',
    'set "LEVERAGE_CLI_OUTPUT=%TEMP%\\leverage-cli-%RANDOM%%RANDOM%"',
    `"${executable}" %*`,
    'set "LEVERAGE_CLI_CODE=%ERRORLEVEL%"',
    'if exist "%LEVERAGE_CLI_OUTPUT%.out" type "%LEVERAGE_CLI_OUTPUT%.out"',
    'if exist "%LEVERAGE_CLI_OUTPUT%.err" type "%LEVERAGE_CLI_OUTPUT%.err" 1>&2',
    'del /q "%LEVERAGE_CLI_OUTPUT%.out" "%LEVERAGE_CLI_OUTPUT%.err" 2>nul',
    'exit /b %LEVERAGE_CLI_CODE%',
    '',
  ].join('\r\n');
}

export interface ShimStatus {
  file: string;
  installed: boolean;
  /** A `leverage` there that this app did not write (left alone). */
  foreign: boolean;
  /** The folder is on PATH (a new terminal finds the command). */
  onPath: boolean;
}

export function shimStatus(place: ShimPlace, platform: NodeJS.Platform, env: NodeJS.ProcessEnv): ShimStatus {
  let text: string | null;
  try {
    text = fs.readFileSync(place.file, 'utf8');
  } catch {
    text = null;
  }
  const delimiter = platform === 'win32' ? ';' : ':';
  const folder = platform === 'win32' ? path.win32.dirname(place.file) : path.posix.dirname(place.file);
  const onPath = (env.PATH ?? env.Path ?? '').split(delimiter).some((entry) => entry.replace(/[\\/]+$/, '').toLowerCase() === folder.toLowerCase());
  return { file: place.file, installed: text !== null && text.includes(SHIM_MARKER), foreign: text !== null && !text.includes(SHIM_MARKER), onPath };
}

export interface ShimRunner {
  /** Runs a program; rejects with its stderr on failure. */
  run(file: string, args: string[], env?: NodeJS.ProcessEnv): Promise<string>;
}

const execFileAsync = promisify(execFile);
export const systemRunner: ShimRunner = {
  run: async (file, args, env) => (await execFileAsync(file, args, { env: { ...process.env, ...env }, windowsHide: true })).stdout,
};

/** Adds (or removes) a folder on the user's PATH (HKCU\Environment), without setx's 1024-character cut. */
async function changeUserPath(runner: ShimRunner, folder: string, add: boolean): Promise<void> {
  const script = add
    ? "$p=[Environment]::GetEnvironmentVariable('Path','User'); $parts=@($p -split ';' | Where-Object { $_ -ne '' }); if ($parts -notcontains $env:LEVERAGE_BIN) { [Environment]::SetEnvironmentVariable('Path', (($parts + $env:LEVERAGE_BIN) -join ';'), 'User') }"
    : "$p=[Environment]::GetEnvironmentVariable('Path','User'); $parts=@($p -split ';' | Where-Object { $_ -ne '' -and $_ -ne $env:LEVERAGE_BIN }); [Environment]::SetEnvironmentVariable('Path', ($parts -join ';'), 'User')";
  await runner.run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', script], { LEVERAGE_BIN: folder });
}

/** Writes a file where only an administrator may, asking for the password (macOS). */
async function writeElevated(runner: ShimRunner, file: string, text: string, remove: boolean): Promise<void> {
  const staged = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'leverage-shim-')), 'leverage');
  fs.writeFileSync(staged, text, { mode: 0o755 });
  const shell = remove ? `rm -f ${quote(file)}` : `mkdir -p ${quote(path.dirname(file))} && cp ${quote(staged)} ${quote(file)} && chmod 755 ${quote(file)}`;
  try {
    await runner.run('/usr/bin/osascript', ['-e', `do shell script ${JSON.stringify(shell)} with administrator privileges`]);
  } finally {
    fs.rmSync(path.dirname(staged), { recursive: true, force: true });
  }
}

export async function installShim(place: ShimPlace, platform: NodeJS.Platform, executable: string, runner: ShimRunner = systemRunner): Promise<void> {
  const existing = shimStatus(place, platform, {});
  if (existing.foreign) throw new Error(`${place.file} exists and was not written by Leverage Journal; it was left alone. Remove it first.`);
  const text = shimContent(platform, executable);
  if (place.elevated) await writeElevated(runner, place.file, text, false);
  else {
    fs.mkdirSync(path.dirname(place.file), { recursive: true });
    const temporary = `${place.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, text, { mode: 0o755 });
    fs.renameSync(temporary, place.file);
  }
  if (place.pathFolder) await changeUserPath(runner, place.pathFolder, true);
}

export async function removeShim(place: ShimPlace, platform: NodeJS.Platform, runner: ShimRunner = systemRunner): Promise<void> {
  const existing = shimStatus(place, platform, {});
  if (existing.foreign) throw new Error(`${place.file} was not written by Leverage Journal; it was left alone.`);
  if (existing.installed) {
    if (place.elevated) await writeElevated(runner, place.file, '', true);
    else fs.rmSync(place.file, { force: true });
  }
  if (place.pathFolder) await changeUserPath(runner, place.pathFolder, false);
}
