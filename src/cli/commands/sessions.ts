import { Option, type Command } from 'commander';
import type { AgentSession } from '../../core/agentLogs/agentSession.ts';
import type { Journal } from '../../core/journal.ts';
import type { SqliteDatabase } from '../../core/store/database.ts';
import type { Task, TaskPatch } from '../../shared/domain/task.ts';
import { formatMinutes } from '../../shared/units/duration.ts';
import { formatTokens } from '../../shared/units/tokens.ts';
import { parseDateOption } from '../options.ts';
import { visible } from '../terminalText.ts';
import { withoutJournal } from '../journalFree.ts';
import type { CommandModule } from './context.ts';
import { json } from '../format.ts';

const SOURCE_NOTE = { turn_duration: '', reconstructed: ' (reconstructed)', mixed: ' (partly reconstructed)' } as const;

function sessionLine(session: AgentSession): string {
  const when = session.firstAt ? session.firstAt.slice(0, 16).replace('T', ' ') : '—';
  const tokens = `${formatTokens(session.freshTokens) || '0'} fresh + ${formatTokens(session.cacheReadTokens) || '0'} cache read`;
  const linked = session.linkedTaskIds.length > 0 ? `  linked: ${session.linkedTaskIds.map((id) => `#${id}`).join(' ')}` : '';
  const where = `${session.project ?? '?'}${session.gitBranch ? `@${session.gitBranch}` : ''}`;
  const time =
    `${formatMinutes(session.agentMinutes * 60)} agent${SOURCE_NOTE[session.agentTimeSource]}, ` +
    `${formatMinutes(session.agentHours * 3600)} agent-hours, ${formatMinutes(session.personMinutes * 60)} you (measured), ${formatMinutes(session.wallMinutes * 60)} wall`;
  return visible(`${session.sessionId}  ${when}  ${time}  ${tokens}  ${where}  "${session.title ?? ''}"${linked}`);
}

/** Reads the given roots (or Claude Code's default ones) into the journal. */
export async function scanRoots(db: SqliteDatabase, roots: readonly string[] | undefined, env: NodeJS.ProcessEnv) {
  const { claudeRoots } = await import('../../core/agentLogs/roots.ts');
  const { scanAgentLogs } = await import('../../core/agentLogs/scanLogs.ts');
  return scanAgentLogs(db, roots && roots.length > 0 ? roots : claudeRoots(env));
}

export const sessionsCommand: CommandModule = ({ program, database, stdout, env, resolvePath }) => {
  // Journal-free: the scan needs the database only, so `sessions` loads no schemas and no post code.
  withoutJournal(program.command('sessions'))
    .description("read Claude Code's local logs and list agent sessions (minutes, tokens, project, linked tasks)")
    .addOption(new Option('--since <date>', 'only sessions active on or after this date').argParser(parseDateOption))
    .addOption(new Option('--root <dir>', 'a Claude data folder holding projects/ (repeatable; default: $CLAUDE_CONFIG_DIR, ~/.config/claude, ~/.claude)').argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]))
    .option('--json', 'print JSON')
    .action(async (flags: { since?: string; root?: string[]; json?: boolean }) => {
      const db = await database();
      const scan = await scanRoots(db, flags.root?.map(resolvePath), env);
      const { AgentSessionStore } = await import('../../core/agentLogs/agentSessionStore.ts');
      const sessions = new AgentSessionStore(db).listSessions(flags.since);
      if (flags.json) {
        stdout(json({ scan, sessions }));
        return;
      }
      const skipped = [
        scan.badLines > 0 ? `${scan.badLines} unreadable line(s)` : '',
        scan.longLines > 0 ? `${scan.longLines} over-long line(s)` : '',
        scan.skippedFiles > 0 ? `${scan.skippedFiles} file(s) or folder(s) that could not be read (${scan.skipped.map((entry) => `${entry.path}: ${entry.reason}`).join('; ')}${scan.skippedFiles > scan.skipped.length ? '; …' : ''})` : '',
      ].filter((part) => part !== '');
      const header = visible(`Read ${scan.bytesRead} new bytes from ${scan.filesRead} of ${scan.filesSeen} log file(s) in ${scan.roots.length} folder(s)${skipped.length > 0 ? `; skipped ${skipped.join(', ')}` : ''}.`);
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
  await scanRoots(journal.db, undefined, env);
  const { createTaskFromSessions } = await import('../../core/agentLogs/sessionFill.ts');
  return createTaskFromSessions(journal, task, sessionIds).task;
}
