import fs from 'node:fs';
import { COMMAND_NAMES } from '../../cli/commands/registry.ts';

/**
 * The installed app doubles as the `leverage` CLI: started with a CLI command as its first argument
 * (`"Leverage Journal" stats --json`, what the PATH shim and the Stop hook run), it runs that command
 * headless — no window, no tray, no single-instance lock — prints, and exits with its code.
 * main/index.ts decides this before it asks for the single-instance lock, so a CLI run never hands
 * its arguments to a running app window instead of running.
 */

/** The CLI's top-level commands (its one command table) and the flags that start headless mode. */
export const CLI_COMMANDS: readonly string[] = [...COMMAND_NAMES, 'help'];
const CLI_FLAGS = new Set(['--help', '-h', '--db', '--version', '-V']);

/**
 * Chromium and the OS add their own arguments: `--no-sandbox`, `--enable-features=…`, `--inspect`,
 * the `-psn_0_…` process serial number older macOS passes from Finder. They are never CLI input.
 */
function isHostArgument(arg: string): boolean {
  return /^-psn_\d/.test(arg) || (arg.startsWith('--') && !CLI_FLAGS.has(arg.split('=')[0] ?? arg));
}

/**
 * The CLI arguments in `argv` (process.argv), or null when this is a normal app start.
 * `defaultApp` is process.defaultApp: true for `electron .` in development, where argv[1] is the
 * app folder; a packaged app's own arguments start at argv[1].
 */
export function cliArguments(argv: readonly string[], defaultApp: boolean): string[] | null {
  const args = argv.slice(defaultApp ? 2 : 1);
  const first = args.findIndex((arg) => !isHostArgument(arg));
  if (first === -1) return null;
  const head = args[first] as string;
  const isCli = CLI_COMMANDS.includes(head) || CLI_FLAGS.has(head.split('=')[0] ?? head);
  return isCli ? args.slice(first) : null;
}

export interface CliOutput {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Writes what was buffered (Windows launcher files) — call before exiting. */
  finish: () => void;
}

/**
 * Where a headless run prints. On Windows a GUI-subsystem binary has no console to write to and its
 * stdout cannot be captured (electron/electron#4552), so the `leverage.cmd` launcher the app installs
 * sets LEVERAGE_CLI_OUTPUT to a temporary path; the run writes `<path>.out` and `<path>.err`, and the
 * launcher prints them and returns the exit code. Everywhere else: the process's own stdout/stderr.
 */
export function cliOutput(env: NodeJS.ProcessEnv, streams: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream } = process): CliOutput {
  const base = env.LEVERAGE_CLI_OUTPUT?.trim();
  if (!base) {
    return { stdout: (text) => void streams.stdout.write(text), stderr: (text) => void streams.stderr.write(text), finish: () => {} };
  }
  let out = '';
  let err = '';
  return {
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    finish: () => {
      fs.writeFileSync(`${base}.out`, out);
      fs.writeFileSync(`${base}.err`, err);
    },
  };
}
