import { resolve } from 'node:path';
import { scanAgentLogs } from '../../../src/core/agentLogs/scanLogs.ts';
import { inThreadPostReader } from '../../../src/core/import/readInWorker.ts';
import { createCoreHandlers } from '../../../src/core/ipc/coreHandlers.ts';
import type { HandlerTable } from '../../../src/core/ipc/invokeHandler.ts';
import { Journal } from '../../../src/core/journal.ts';
import { totalChangesReader } from '../../../src/main/ipc/changeEvents.ts';
import { handleIpcCall } from '../../../src/main/ipc/registerIpc.ts';
import { CHANNELS, type Channel } from '../../../src/shared/ipc/contract.ts';
import { mainEvents } from '../support/mainEvents.ts';

/** The fixture Claude Code corpus: two roots, four sessions (one with a subagent, one with corrupt lines). */
export const CLAUDE_ROOTS = ['root-a', 'root-b'].map((root) => resolve(import.meta.dirname, '../../fixtures/claude', root));

/**
 * window.api bound to the real core handlers over an in-memory journal, so the dialogs see real
 * import reports and stored sessions; `shell` stands in for main's dialog channels. Calls are logged.
 */
export function installRealJournal(options: { sessions?: boolean; shell?: Partial<HandlerTable> } = {}) {
  const journal = Journal.open(':memory:');
  if (options.sessions) scanAgentLogs(journal.db, CLAUDE_ROOTS);
  // Posts are read on this thread: the component tests check the dialog, the node suites the worker.
  const handlers = { ...createCoreHandlers(journal, { readPosts: inThreadPostReader }), scanAgentSessions: () => scanAgentLogs(journal.db, CLAUDE_ROOTS), ...options.shell } as HandlerTable;
  const calls: Array<{ channel: string; input: unknown }> = [];
  const events = mainEvents();
  // main's own IPC wrapper: a call that wrote announces dataChanged before it answers.
  const ipc = { handlers, isTrustedSender: () => true, countWrites: totalChangesReader(journal.db), onWrite: () => events.announceWrite() };
  const api: Record<string, unknown> = { on: events.on };
  for (const channel of CHANNELS) {
    api[channel] = (input?: unknown) => {
      calls.push({ channel, input });
      return handleIpcCall(ipc, channel as Channel, { senderFrame: null as never }, input);
    };
  }
  Object.defineProperty(window, 'api', { value: api, configurable: true });
  events.follow();
  return { journal, calls };
}
