import { eventChannelName, type EventName, type EventPayload } from '../../shared/ipc/contract.ts';

export interface EventTarget {
  isDestroyed(): boolean;
  webContents: { isDestroyed(): boolean; send(channel: string, payload: unknown): void };
}

/** Sends a typed event to every live window. */
export function sendEvent<E extends EventName>(windows: readonly EventTarget[], event: E, payload: EventPayload<E>): void {
  for (const window of windows) {
    if (window.isDestroyed() || window.webContents.isDestroyed()) continue;
    window.webContents.send(eventChannelName(event), payload);
  }
}

/**
 * Polls PRAGMA data_version, which changes only when another connection (the CLI in another
 * process) commits to the file; our own writes are reported by the IPC wrapper instead.
 * Returns a stop function.
 */
export function watchExternalWrites(readDataVersion: () => number, onExternalWrite: () => void, intervalMs = 1000): () => void {
  let last = readDataVersion();
  const timer = setInterval(() => {
    let current: number;
    try {
      current = readDataVersion();
    } catch {
      return; // the database is closing; the next tick (if any) tries again
    }
    if (current !== last) {
      last = current;
      onExternalWrite();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** SQLite's count of rows this connection has changed; compared around each IPC call. */
export function totalChangesReader(db: { prepare(sql: string): { pluck(): { get(): unknown } } }): () => number {
  const statement = db.prepare('SELECT total_changes()').pluck();
  return () => Number(statement.get());
}
