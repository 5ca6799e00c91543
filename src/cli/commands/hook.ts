import type { HookRunner } from '../../core/hook/hookCommand.ts';
import { inboxFolderFor } from '../../core/hook/inboxDrop.ts';
import { resolveDatabasePath } from '../../core/paths.ts';
import { withoutJournal } from '../journalFree.ts';
import { visible } from '../terminalText.ts';
import type { CommandContext, CommandModule } from './context.ts';
import { json } from '../format.ts';

/** How long `hook run` waits for Claude Code to finish writing stdin before it gives up. */
const STDIN_DEADLINE_MS = 3000;

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new Error('`hook run` reads the hook JSON from stdin (Claude Code sends it); nothing was piped in.');
  const { readAll } = await import('../../core/hook/readInput.ts');
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no end of input on stdin within ${STDIN_DEADLINE_MS / 1000} s`)), STDIN_DEADLINE_MS);
  });
  try {
    return await Promise.race([readAll(process.stdin), deadline]);
  } finally {
    clearTimeout(timer);
    process.stdin.destroy();
  }
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const { createInterface } = await import('node:readline/promises');
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await prompt.question(question)).trim());
  } finally {
    prompt.close();
  }
}

interface ChangeFlags {
  settings?: string;
  yes?: boolean;
  command?: string;
  inbox?: string;
}

/** `leverage hook install | uninstall | status | run | pending | handled`: the Claude Code Stop hook and its inbox. */
export const hookCommand: CommandModule = (context: CommandContext) => {
  const hook = context.program.command('hook').description('the Claude Code Stop hook that offers to log each finished session');
  const inbox = (explicit?: string) =>
    explicit ? context.resolvePath(explicit) : inboxFolderFor(resolveDatabasePath(context.program.opts<{ db?: string }>().db, context.env));
  const settingsFile = async (explicit?: string) => {
    if (explicit) return context.resolvePath(explicit);
    const { claudeSettingsPath } = await import('../../core/hook/claudeSettings.ts');
    return claudeSettingsPath(context.env);
  };
  /** The command that fits how this CLI is installed (see HookRunner); never one into a checkout's sources. */
  const expectedCommand = async (flags: ChangeFlags, runner: HookRunner | null) => {
    if (flags.command) return flags.command;
    const { hookCommandFor } = await import('../../core/hook/hookCommand.ts');
    if (!runner) throw new Error('Cannot tell how this leverage is installed: give the command with --command.');
    return hookCommandFor(runner, inbox(flags.inbox));
  };

  const change = async (kind: 'install' | 'uninstall', flags: ChangeFlags) => {
    const { describeChange } = await import('../../core/hook/claudeSettings.ts');
    const { applySettingsChange, planHookInstall, planHookUninstall } = await import('../../core/hook/hookInstaller.ts');
    const file = await settingsFile(flags.settings);
    const planned = kind === 'install' ? planHookInstall(file, await expectedCommand(flags, context.hookRunner)) : planHookUninstall(file);
    context.stdout(describeChange(planned, file));
    if (!planned.changed) return;
    if (!flags.yes && !(await confirm(`Apply this change to ${file}? [y/N] `))) {
      throw new Error(`Nothing was changed${process.stdin.isTTY ? '' : ' (no terminal to ask on): run again with --yes to apply'}.`);
    }
    applySettingsChange(file, planned);
    context.stdout(kind === 'install' ? `Installed. Finished Claude Code sessions will appear in ${inbox(flags.inbox)}.\n` : 'Uninstalled.\n');
  };

  withoutJournal(
    hook
      .command('install')
      .description('add the Stop hook to your Claude Code settings, or replace an older one of ours (shows the change and asks first)')
      .option('--settings <file>', 'Claude Code settings file (default: $CLAUDE_CONFIG_DIR/settings.json or ~/.claude/settings.json)')
      .option('--inbox <dir>', 'where the hook drops sessions (default: inbox/ beside the database)')
      .option('--command <command>', 'the command the hook runs (default: this installed CLI or app with `hook run`)')
      .option('--yes', 'apply without asking')
      .action((flags: ChangeFlags) => change('install', flags)),
  );

  withoutJournal(
    hook
      .command('uninstall')
      .description('remove our Stop hook (and nothing else) from your Claude Code settings')
      .option('--settings <file>', 'Claude Code settings file')
      .option('--yes', 'apply without asking')
      .action((flags: ChangeFlags) => change('uninstall', flags)),
  );

  withoutJournal(
    hook
      .command('status')
      .description('whether the Stop hook is installed, and whether it is the one this install would write')
      .option('--settings <file>', 'Claude Code settings file')
      .option('--inbox <dir>', 'the inbox folder')
      .option('--json', 'print JSON')
      .action(async (flags: ChangeFlags & { json?: boolean }) => {
        const { readHookStatus } = await import('../../core/hook/hookInstaller.ts');
        const file = await settingsFile(flags.settings);
        let expected: string | null = null;
        let problem: string | null = null;
        try {
          expected = await expectedCommand(flags, context.hookRunner);
        } catch (error) {
          problem = (error as Error).message;
        }
        const status = readHookStatus(file, expected);
        if (flags.json) {
          context.stdout(json({ settingsFile: file, ...status, expected, problem }));
          return;
        }
        const state = !status.installed ? 'not installed' : status.current ? 'installed' : `installed with another command (run \`leverage hook install\` to replace it): ${status.commands.join('; ')}`;
        context.stdout(`${file}: ${state}\n`);
      }),
  );

  withoutJournal(
    hook
      .command('run')
      .description('what the hook runs: reads the Stop hook JSON on stdin and drops the session into the inbox')
      .option('--inbox <dir>', 'the inbox folder')
      .option('--leverage-journal-hook', 'marks the Claude Code settings entry as the one Leverage Journal installed (no effect when run)')
      .action(async (flags: { inbox?: string }) => {
        const { acceptHookPayload } = await import('../../core/hook/inboxDrop.ts');
        acceptHookPayload(inbox(flags.inbox), await readStdin());
        // Nothing on stdout: Claude Code would read it as hook output.
      }),
  );

  withoutJournal(
    hook
      .command('pending')
      .description('sessions waiting for "Log this session?"')
      .option('--inbox <dir>', 'the inbox folder')
      .option('--json', 'print JSON')
      .action(async (flags: { inbox?: string; json?: boolean }) => {
        const { pendingSessions } = await import('../../core/hook/inbox.ts');
        const sessions = pendingSessions(inbox(flags.inbox));
        if (flags.json) context.stdout(json(sessions));
        else if (sessions.length === 0) context.stdout('No pending sessions.\n');
        else context.stdout(`${sessions.map((session) => visible(`${session.lastStopAt}  ${session.sessionId}  ${session.cwd ?? ''}  (${session.stops} turn(s))`)).join('\n')}\n`);
      }),
  );

  withoutJournal(
    hook
      .command('handled')
      .description('mark a pending session as handled (logged or dismissed)')
      .argument('<session-id>', 'the session id')
      .option('--inbox <dir>', 'the inbox folder')
      .action(async (sessionId: string, flags: { inbox?: string }) => {
        const { markSessionHandled } = await import('../../core/hook/inbox.ts');
        if (!markSessionHandled(inbox(flags.inbox), sessionId)) throw new Error(`Session ${sessionId} is not pending.`);
        context.stdout(`Handled ${sessionId}.\n`);
      }),
  );
};
