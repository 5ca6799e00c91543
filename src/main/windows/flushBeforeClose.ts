import { sendEvent, type EventTarget } from '../ipc/changeEvents.ts';

/** What the close guard needs of a BrowserWindow (tests pass an EventEmitter). */
export interface ClosableWindow extends EventTarget {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  close(): void;
}

/** What the quit guard needs of Electron's `app`. */
export interface QuittingApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

export interface EditFlusherOptions {
  /** How long a window may take to save its text before the close goes ahead anyway. */
  timeoutMs?: number;
  windows: () => readonly EventTarget[];
}

export type FlushOutcome = 'flushed' | 'timeout' | 'gone';

/**
 * Before a window closes or hides, and before the app quits, main asks each page to save the text
 * still being typed (the renderer's autosave flush) and waits for its answer, `editsFlushed`, or a
 * timeout: nothing typed is lost to a close, a hide-on-close or a quit.
 */
export function createEditFlusher(options: EditFlusherOptions) {
  const timeoutMs = options.timeoutMs ?? 3000;
  const waiting = new Map<number, () => void>();
  let nextRequest = 1;
  // Set once every window has flushed for a quit: the closes that follow go straight through.
  let quitting = false;

  function flush(window: EventTarget): Promise<FlushOutcome> {
    if (window.isDestroyed() || window.webContents.isDestroyed()) return Promise.resolve('gone');
    const requestId = nextRequest++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        waiting.delete(requestId);
        resolve('timeout');
      }, timeoutMs);
      waiting.set(requestId, () => {
        clearTimeout(timer);
        resolve('flushed');
      });
      sendEvent([window], 'flushEdits', { requestId });
    });
  }

  /** The page's answer (the `editsFlushed` channel). */
  function answered(requestId: number): void {
    const done = waiting.get(requestId);
    waiting.delete(requestId);
    done?.();
  }

  /**
   * Holds the window's first close until its page has flushed, then closes it again; that second
   * close reaches the other close handlers (which may hide the window instead, or let it close).
   */
  function guardClose(window: ClosableWindow): void {
    let released = false;
    let pending = false;
    window.on('close', (event) => {
      if (quitting || released) {
        released = false;
        return;
      }
      event.preventDefault();
      if (pending) return;
      pending = true;
      void flush(window).then(() => {
        pending = false;
        if (window.isDestroyed()) return;
        released = true;
        window.close();
      });
    });
  }

  /** Holds a quit until every window has flushed, then quits for real. */
  function guardQuit(app: QuittingApp): void {
    let pending = false;
    app.on('before-quit', (event) => {
      if (quitting) return;
      event.preventDefault();
      if (pending) return;
      pending = true;
      void Promise.all(options.windows().map(flush)).then(() => {
        quitting = true;
        app.quit();
      });
    });
  }

  return { flush, answered, guardClose, guardQuit, isQuitting: () => quitting };
}
export type EditFlusher = ReturnType<typeof createEditFlusher>;
