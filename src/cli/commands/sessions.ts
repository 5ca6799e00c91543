import { Option, type Command } from 'commander';
import type { AgentSession } from '../../core/agentLogs/agentSession.ts';
import type { Journal } from '../../core/journal.ts';
import type { Task, TaskPatch } from '../../shared/domain/task.ts';
import { formatMinutes } from '../../shared/units/duration.ts';
import { formatTokens } from '../../shared/units/tokens.ts';
import { parseDateOption } from '../options.ts';
import { visible } from '../terminalText.ts';
import type { CommandModule } from './context.ts';

function sessionLine(session: AgentSession): string {
  const when = session.firstAt ? session.firstAt.slice(0, 16).replace('T', ' ') : '—';
  const tokens = `${formatTokens(session.freshTokens) || '0'} fresh + ${formatTokens(session.cacheReadTokens) || '0'} cache read (${formatTokens(session.totalTokens) || '0'} total)`;
  const linked = session.linkedTaskIds.length > 0 ? `  linked: ${session.linkedTaskIds.map((id) => `#${id}`).join(' ')}` : '';
  const where = `${session.project ?? '?'}${session.gitBranch ? `@${session.gitBranch}` : ''}`;
  const time = `${formatMinutes(session.agentMinutes * 60)} agent${session.agentTimeSource === 'reconstructed' ? ' (reconstructed)' : ''}, ${formatMinutes(session.wallMinutes * 60)} wall`;
  return visible(`${session.sessionId}  ${when}  ${time}  ${tokens}  ${where}  "${session.title ?? ''}"${linked}`);
}

/** Reads the given roots (or Claude Code's default ones) into the journal. */
export async function scanRoots(journal: Journal, roots: readonly string[] | undefined, env: NodeJS.ProcessEnv) {
  const { claudeRoots } = await import('../../core/agentLogs/roots.ts');
  const { scanAgentLogs } = await import('../../core/agentLogs/scanLogs.ts');
  return scanAgentLogs(journal.db, roots && roots.length > 0 ? roots : claudeRoots(env));
}

export const sessionsCommand: CommandModule = ({ program, journal, stdout, env, resolvePath }) => {
  program
    .command('sessions')
    .description("read a coding agent's local logs and list its sessions (minutes, tokens, project, linked tasks); Claude Code unless --agent")
    .addOption(new Option('--agent <agent>', 'which agent: claude (default), codex, gemini or opencode').choices(['claude', 'codex', 'gemini', 'opencode']))
    .addOption(new Option('--since <date>', 'only sessions active on or after this date').argParser(parseDateOption))
    .addOption(
      new Option(
        '--root <dir>',
        "the agent's data folder, replacing its default ones (repeatable). claude: holds projects/ (default $CLAUDE_CONFIG_DIR, ~/.config/claude, ~/.claude); codex: $CODEX_HOME (~/.codex); gemini: the .gemini folder holding tmp/; opencode: its data folder (~/.local/share/opencode)",
      ).argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]),
    )
    .option('--json', 'print JSON')
    .action(async (flags: { agent?: 'claude' | 'codex' | 'gemini' | 'opencode'; since?: string; root?: string[]; json?: boolean }) => {
      const agent = flags.agent ?? 'claude';
      const roots = flags.root?.map(resolvePath);
      let scan: { roots: string[]; bytesRead: number; badLines: number; filesRead?: number; filesSeen?: number; sourcesRead?: number; sourcesSeen?: number };
      if (agent === 'claude') scan = await scanRoots(journal(), roots, env);
      else {
        const { scanAgent } = await import('../../core/agentLogs/readers/index.ts');
        scan = scanAgent(journal().db, agent, roots, env);
      }
      const sessions = journal().agentSessions.listSessions(flags.since, agent);
      if (flags.json) {
        stdout(`${JSON.stringify({ scan, sessions }, null, 2)}\n`);
        return;
      }
      const read = scan.filesRead ?? scan.sourcesRead ?? 0;
      const seen = scan.filesSeen ?? scan.sourcesSeen ?? 0;
      const header = `Read ${scan.bytesRead} new bytes from ${read} of ${seen} log source(s) in ${scan.roots.length} folder(s)${scan.badLines > 0 ? `; skipped ${scan.badLines} unreadable line(s)` : ''}.`;
      stdout(`${[header, ...(sessions.length === 0 ? ['No sessions.'] : sessions.map(sessionLine))].join('\n')}\n`);
    });
};

/**
 * `leverage add … --session ID`: agent time and tokens come from the sessions (after a scan of
 * the default log folders), so `--agent` is no longer mandatory when a session is given.
 */
export function addSessionOption(command: Command): Command {
  const agent = command.options.find((option) => option.long === '--agent');
  if (agent) agent.mandatory = false;
  return command.addOption(
    new Option('--session <id>', 'fill agent time and tokens from a Claude Code session and link it (repeatable; an id prefix is enough)').argParser(
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    ),
  );
}

export async function createTaskWithSessions(journal: Journal, task: TaskPatch, sessionIds: readonly string[] | undefined, env: NodeJS.ProcessEnv): Promise<Task> {
  if (!sessionIds || sessionIds.length === 0) {
    if (task.agentSeconds === undefined) throw new Error("required option '--agent <duration>' not specified (or give --session ID)");
    return journal.tasks.create(task);
  }
  await scanRoots(journal, undefined, env);
  const { createTaskFromSessions } = await import('../../core/agentLogs/sessionFill.ts');
  return createTaskFromSessions(journal, task, sessionIds).task;
}
