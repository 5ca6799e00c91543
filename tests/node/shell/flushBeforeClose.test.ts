import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eventChannelName } from '../../../src/shared/ipc/contract.ts';

// Electron is mocked: the flusher is plain Node, but nothing here may reach for the real module.
vi.mock('electron', () => ({}));
const { createEditFlusher } = await import('../../../src/main/windows/flushBeforeClose.ts');

/** A BrowserWindow as far as closing goes: 'close' can be prevented, close() runs the handlers again. */
class FakeWindow extends EventEmitter {
  destroyed = false;
  hidden = false;
  sent: Array<{ channel: string; payload: { requestId: number } }> = [];
  /** The page: answers each flushEdits request through `answer` (main's editsFlushed handler). */
  answer: ((requestId: number) => void) | null = null;
  webContents = {
    isDestroyed: () => this.destroyed,
    send: (channel: string, payload: { requestId: number }) => {
      this.sent.push({ channel, payload });
      const answer = this.answer;
      if (answer) setTimeout(() => answer(payload.requestId), 5);
    },
  };
  isDestroyed() {
    return this.destroyed;
  }
  close() {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.destroyed = true;
  }
}

class FakeApp extends EventEmitter {
  quits = 0;
  quitted = false;
  quit() {
    this.quits += 1;
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) this.quitted = true;
  }
}

describe('flush before close and quit', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('holds a close until the page answered flushEdits, then closes', async () => {
    const window = new FakeWindow();
    const flusher = createEditFlusher({ windows: () => [window] });
    window.answer = (id) => flusher.answered(id);
    flusher.guardClose(window);
    window.close();
    expect(window.destroyed).toBe(false);
    expect(window.sent).toEqual([{ channel: eventChannelName('flushEdits'), payload: { requestId: 1 } }]);
    await vi.advanceTimersByTimeAsync(5);
    expect(window.destroyed).toBe(true);
  });

  it('with hide-on-close, the hide happens after the flush, and the next close flushes again', async () => {
    const window = new FakeWindow();
    const flusher = createEditFlusher({ windows: () => [window] });
    window.answer = (id) => flusher.answered(id);
    flusher.guardClose(window);
    // Another close handler (the tray's hide on close) registered after the guard.
    window.on('close', (event: { preventDefault(): void }) => {
      event.preventDefault();
      window.hidden = true;
    });
    window.close();
    await vi.advanceTimersByTimeAsync(5);
    expect(window.sent).toHaveLength(1);
    expect(window.hidden).toBe(true);
    expect(window.destroyed).toBe(false);
    window.hidden = false;
    window.close();
    expect(window.sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(5);
    expect(window.hidden).toBe(true);
  });

  it('closes anyway when the page does not answer in time', async () => {
    const window = new FakeWindow();
    const flusher = createEditFlusher({ windows: () => [window], timeoutMs: 3000 });
    flusher.guardClose(window);
    window.close();
    await vi.advanceTimersByTimeAsync(2999);
    expect(window.destroyed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(window.destroyed).toBe(true);
  });

  it('a second close while flushing sends no second request', async () => {
    const window = new FakeWindow();
    const flusher = createEditFlusher({ windows: () => [window] });
    flusher.guardClose(window);
    window.close();
    window.close();
    expect(window.sent).toHaveLength(1);
    flusher.answered(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(window.destroyed).toBe(true);
  });

  it('holds a quit until every window flushed, then quits, and the windows then close without asking again', async () => {
    const windows = [new FakeWindow(), new FakeWindow()];
    const app = new FakeApp();
    const flusher = createEditFlusher({ windows: () => windows });
    for (const window of windows) {
      window.answer = (id) => flusher.answered(id);
      flusher.guardClose(window);
    }
    flusher.guardQuit(app);
    // Electron closes the windows once before-quit went through.
    app.on('before-quit', () => {
      if (flusher.isQuitting()) for (const window of windows) window.close();
    });
    app.quit();
    expect(app.quitted).toBe(false);
    expect(windows.map((window) => window.sent.length)).toEqual([1, 1]);
    await vi.advanceTimersByTimeAsync(5);
    expect(app.quits).toBe(2);
    expect(app.quitted).toBe(true);
    expect(windows.every((window) => window.destroyed)).toBe(true);
    expect(windows.map((window) => window.sent.length)).toEqual([1, 1]);
  });

  it('a destroyed window is not asked', async () => {
    const window = new FakeWindow();
    window.destroyed = true;
    const flusher = createEditFlusher({ windows: () => [window] });
    await expect(flusher.flush(window)).resolves.toBe('gone');
    expect(window.sent).toEqual([]);
  });
});
