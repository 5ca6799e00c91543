import { createCoreHandlers } from '../../../../src/core/ipc/coreHandlers.ts';
import { invokeHandler, type HandlerTable } from '../../../../src/core/ipc/invokeHandler.ts';
import { Journal } from '../../../../src/core/journal.ts';
import { CHANNELS, ipcContract, type Channel } from '../../../../src/shared/ipc/contract.ts';

/**
 * window.api over the real core handlers and an in-memory journal (the same table main registers),
 * with `shell` standing in for the channels main implements with dialogs and files. Every call is
 * logged; a shell channel the test did not provide fails like a missing handler would.
 */
export function installJournalApi(shell: Partial<HandlerTable> = {}) {
  const journal = Journal.open(':memory:');
  const handlers = { ...createCoreHandlers(journal), ...shell } as HandlerTable;
  const calls: Array<{ channel: string; input: unknown }> = [];
  const api: Record<string, unknown> = { on: () => () => undefined };
  for (const channel of CHANNELS) {
    api[channel] = (input?: unknown) => {
      calls.push({ channel, input });
      return invokeHandler(ipcContract, handlers, channel as Channel, input);
    };
  }
  Object.defineProperty(window, 'api', { value: api, configurable: true });
  return { journal, calls, close: () => journal.close() };
}
