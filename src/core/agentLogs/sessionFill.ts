import type { Task, TaskPatch } from '../../shared/domain/task.ts';
import { JournalError } from '../errors.ts';
import type { Journal } from '../journal.ts';
import type { AgentSession } from './agentSession.ts';

/**
 * What a task takes from its sessions: agent minutes (Σ, whole seconds) and fresh tokens
 * (input + output + cache creation; cache reads re-read the same context and are not new work).
 */
export function sessionFigures(sessions: readonly AgentSession[]): { agentSeconds: number; tokens: number } {
  return {
    agentSeconds: Math.round(sessions.reduce((sum, session) => sum + session.agentMinutes * 60, 0)),
    tokens: sessions.reduce((sum, session) => sum + session.freshTokens, 0),
  };
}

/** The sessions' models, as a task's model field holds them ("gpt-5-codex, gemini-2.5-pro"), within its length limit. */
export function sessionModels(sessions: readonly AgentSession[]): string {
  const models = [...new Set(sessions.flatMap((session) => session.models))].sort();
  let text = '';
  for (const model of models) {
    const next = text === '' ? model : `${text}, ${model}`;
    if (next.length > 200) break;
    text = next;
  }
  return text;
}

/**
 * Creates a task whose agent time and tokens come from the sessions (unless given explicitly) and
 * links it to them, in one transaction.
 */
export function createTaskFromSessions(journal: Journal, task: TaskPatch, sessionIds: readonly string[]): { task: Task; sessions: AgentSession[] } {
  const store = journal.agentSessions;
  return store.transaction(() => {
    const sessions = sessionIds.map((id) => store.requireSession(id));
    const figures = sessionFigures(sessions);
    const created = journal.tasks.create({
      ...task,
      agentSeconds: task.agentSeconds ?? figures.agentSeconds,
      tokens: task.tokens ?? figures.tokens,
      // The task remembers which model(s) did it (its agents are those of its linked sessions).
      model: task.model ?? (sessionModels(sessions) || null),
    });
    store.linkSessions(created.id, sessions.map((session) => session.sessionId));
    return { task: created, sessions };
  });
}

/** Links sessions to an existing task; returns the task's linked session ids. */
export function linkSessionsToTask(journal: Journal, taskId: number, sessionIds: readonly string[]): string[] {
  journal.tasks.require(taskId);
  if (sessionIds.length === 0) throw new JournalError('INVALID_INPUT', 'Give at least one session to link.');
  return journal.agentSessions.linkSessions(taskId, sessionIds);
}
