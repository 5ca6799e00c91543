import type { ChannelOutput } from '../../../shared/ipc/contract.ts';
import { formatMinutes } from '../../../shared/units/duration.ts';
import { emptyDraft, type TaskDraft } from '../lib/taskDraft.ts';

export type PendingHookSession = ChannelOutput<'pendingHookSessions'>[number];
export type AgentSession = ChannelOutput<'listAgentSessions'>[number];

/** The last folder of a path ("/home/ada/src/scoring" → "scoring"), as a project name. */
export function folderName(path: string | null): string {
  if (!path) return '';
  const parts = path.split(/[\\/]+/).filter((part) => part !== '');
  return parts.at(-1) ?? '';
}

/**
 * A task draft filled from a finished session: the title Claude Code gave it (or its project),
 * the agent minutes and fresh tokens read from its log, its project as the workstream. The human
 * estimate stays empty: only the person can say what the work would have taken them.
 */
export function draftFromSession(pending: PendingHookSession, session: AgentSession | undefined, date: string): TaskDraft {
  const project = session?.project ?? folderName(pending.cwd);
  return {
    ...emptyDraft(date),
    title: session?.title?.trim() || (project ? `Work on ${project}` : ''),
    workstream: project,
    agent: session ? formatMinutes(Math.round(session.agentMinutes * 60)) : '',
    tokens: session && session.freshTokens > 0 ? String(session.freshTokens) : '',
    model: session?.models[0] ?? '',
  };
}
