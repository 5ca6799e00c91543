import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Journal } from '../../../src/core/journal.ts';
import { sendEvent, watchExternalWrites } from '../../../src/main/ipc/changeEvents.ts';
import { eventChannelName } from '../../../src/shared/ipc/contract.ts';
import { tempFolder } from '../helpers/tempJournal.ts';
import { TASK } from './fakes.ts';

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('change events', () => {
  it('notices a write by another connection (the CLI) but not its own', async () => {
    const file = path.join(tempFolder(), 'leverage.db');
    const app = Journal.open(file);
    const cli = Journal.open(file);
    const onExternal = vi.fn();
    const stop = watchExternalWrites(() => app.dataVersion(), onExternal, 20);
    try {
      app.tasks.create({ ...TASK });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(onExternal).not.toHaveBeenCalled();
      cli.tasks.create({ ...TASK, title: 'From the CLI' });
      await waitFor(() => onExternal.mock.calls.length === 1);
    } finally {
      stop();
      cli.close();
      app.close();
    }
  });

  it('sends events to live windows only', () => {
    const live = { isDestroyed: () => false, webContents: { isDestroyed: () => false, send: vi.fn() } };
    const closed = { isDestroyed: () => true, webContents: { isDestroyed: () => true, send: vi.fn() } };
    sendEvent([live, closed], 'dataChanged', { source: 'external' });
    expect(live.webContents.send).toHaveBeenCalledWith(eventChannelName('dataChanged'), { source: 'external' });
    expect(closed.webContents.send).not.toHaveBeenCalled();
  });
});
