import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { describeChange, claudeSettingsPath } from '../../core/hook/claudeSettings.ts';
import { applySettingsChange, defaultHookCommand, planHookInstall, planHookUninstall } from '../../core/hook/hookInstaller.ts';
import { acceptHookPayload, inboxFolderFor, markSessionHandled, pendingSessions } from '../../core/hook/inbox.ts';
import { readAll } from '../../core/hook/readInput.ts';
import { resolveDatabasePath } from '../../core/paths.ts';
import { visible } from '../terminalText.ts';
import type { CommandContext, CommandModule } from './context.ts';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new Error('`hook run` reads the hook JSON from stdin (Claude Code sends it); nothing was piped in.');
  return readAll(process.stdin);
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await prompt.question(question)).trim());
  } finally {
    prompt.close();
  }
}

/** `leverage hook install | uninstall | run | pending | handled`: the Claude Code Stop hook and its inbox. */
export const hookCommand: CommandModule = (context: CommandContext) => {
  const hook = context.program.command('hook').description('the Claude Code Stop hook that offers to log each finished session');
  const inbox = (explicit?: string) =>
    explicit ? context.resolvePath(explicit) : inboxFolderFor(resolveDatabasePath(context.program.opts<{ db?: string }>().db, context.env));
  const settingsFile = (explicit?: string) => (explicit ? context.resolvePath(explicit) : claudeSettingsPath(context.env));

  const change = async (kind: 'install' | 'uninstall', flags: { settings?: string; yes?: boolean; command?: string; inbox?: string }) => {
    const file = settingsFile(flags.settings);
    const planned = kind === 'install' ? planHookInstall(file, flags.command ?? defaultHookCommand(inbox(flags.inbox))) : planHookUninstall(file);
    context.stdout(describeChange(planned, file));
    if (!planned.changed) return;
    if (!flags.yes && !(await confirm(`Apply this change to ${file}? [y/N] `))) {
      throw new Error(`Nothing was changed${process.stdin.isTTY ? '' : ' (no terminal to ask on): run again with --yes to apply'}.`);
    }
    applySettingsChange(file, planned);
    context.stdout(kind === 'install' ? `Installed. Finished Claude Code sessions will appear in ${path.join(inbox(flags.inbox))}.\n` : 'Uninstalled.\n');
  };

  hook
    .command('install')
    .description('add the Stop hook to your Claude Code settings (shows the change and asks first)')
    .option('--settings <file>', 'Claude Code settings file (default: $CLAUDE_CONFIG_DIR/settings.json or ~/.claude/settings.json)')
    .option('--inbox <dir>', 'where the hook drops sessions (default: inbox/ beside the database)')
    .option('--command <command>', 'the command the hook runs (default: this CLI with `hook run`)')
    .option('--yes', 'apply without asking')
    .action((flags: { settings?: string; yes?: boolean; command?: string; inbox?: string }) => change('install', flags));

  hook
    .command('uninstall')
    .description('remove our Stop hook (and nothing else) from your Claude Code settings')
    .option('--settings <file>', 'Claude Code settings file')
    .option('--yes', 'apply without asking')
    .action((flags: { settings?: string; yes?: boolean }) => change('uninstall', flags));

  hook
    .command('run')
    .description('what the hook runs: reads the Stop hook JSON on stdin and drops the session into the inbox')
    .option('--inbox <dir>', 'the inbox folder')
    .action(async (flags: { inbox?: string }) => {
      acceptHookPayload(inbox(flags.inbox), await readStdin());
      // Nothing on stdout: Claude Code would read it as hook output.
    });

  hook
    .command('pending')
    .description('sessions waiting for "Log this session?"')
    .option('--inbox <dir>', 'the inbox folder')
    .option('--json', 'print JSON')
    .action((flags: { inbox?: string; json?: boolean }) => {
      const sessions = pendingSessions(inbox(flags.inbox));
      if (flags.json) context.stdout(`${JSON.stringify(sessions, null, 2)}\n`);
      else if (sessions.length === 0) context.stdout('No pending sessions.\n');
      else context.stdout(`${sessions.map((session) => visible(`${session.lastStopAt}  ${session.sessionId}  ${session.cwd ?? ''}  (${session.stops} turn(s))`)).join('\n')}\n`);
    });

  hook
    .command('handled')
    .description('mark a pending session as handled (logged or dismissed)')
    .argument('<session-id>', 'the session id')
    .option('--inbox <dir>', 'the inbox folder')
    .action((sessionId: string, flags: { inbox?: string }) => {
      if (!markSessionHandled(inbox(flags.inbox), sessionId)) throw new Error(`Session ${sessionId} is not pending.`);
      context.stdout(`Handled ${sessionId}.\n`);
    });
};
