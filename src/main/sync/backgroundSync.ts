import fs from 'node:fs';
import path from 'node:path';
import type { Journal } from '../../core/journal.ts';
import { engineFor } from '../../core/sync/syncHandlers.ts';
import { isSyncEnabledQuery } from '../../core/sync/syncSwitch.ts';

export interface BackgroundSyncOptions {
  journal(): Journal;
  /** A merge changed the journal: windows refetch, the tray re-reads. */
  onApplied(): void;
  /** null when the last sync went well, else what went wrong (the tray shows it). */
  onProblem(problem: string | null): void;
  /** After a write, wait this long for more before syncing. */
  writeDebounceMs?: number;
  /** Also sync this often (a share or a folder whose changes the OS does not report). */
  pollMs?: number;
}

/**
 * The app's sync: merges on start (after the first window, the engine loaded only now and only when
 * sync is on), when another device's files in the folder change, and a few seconds after each write.
 * One sync at a time; a request during a sync runs once more after it.
 */
export function createBackgroundSync(options: BackgroundSyncOptions) {
  const writeDebounceMs = options.writeDebounceMs ?? 3000;
  const pollMs = options.pollMs ?? 5 * 60_000;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let watcher: fs.FSWatcher | null = null;
  let watchedFolder: string | null = null;
  let poll: NodeJS.Timeout | null = null;
  let stopped = false;

  const enabled = () => {
    try {
      return isSyncEnabledQuery(options.journal().db);
    } catch {
      return false;
    }
  };

  const watchFolder = (folder: string, ownDeviceId: string) => {
    if (watchedFolder === folder) return;
    watcher?.close();
    watcher = null;
    watchedFolder = folder;
    try {
      // Only other devices' files matter: this device's own writes must not start another sync.
      const own = path.join('devices', ownDeviceId);
      watcher = fs.watch(folder, { recursive: true }, (_event, name) => {
        const file = name ? String(name) : '';
        if (file.startsWith(own) || path.basename(file).startsWith('.')) return;
        schedule(1000);
      });
      watcher.on('error', () => {
        watcher?.close();
        watcher = null;
        watchedFolder = null;
      });
    } catch {
      // A folder the OS cannot watch (some network shares): the poll still syncs.
      watcher = null;
    }
  };

  const run = async (): Promise<void> => {
    if (stopped || !enabled()) return;
    const journal = options.journal();
    try {
      const engine = await engineFor(journal);
      const report = await engine.syncNow();
      const config = engine.config();
      if (config) watchFolder(config.folder, config.deviceId);
      if (report.inserted + report.updated > 0) options.onApplied();
      options.onProblem(report.skipped.length > 0 ? `Skipped ${report.skipped.length} file(s): ${report.skipped[0]?.reason ?? ''}` : null);
    } catch (error) {
      options.onProblem(error instanceof Error ? error.message : String(error));
    }
  };

  const trigger = (): void => {
    timer = null;
    if (running) {
      again = true;
      return;
    }
    running = run().finally(() => {
      running = null;
      if (again && !stopped) {
        again = false;
        trigger();
      }
    });
  };

  function schedule(delayMs: number): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(trigger, delayMs);
    timer.unref?.();
  }

  return {
    /** At start (after the first window): merge now if sync is on. */
    start(): void {
      if (!enabled()) return;
      schedule(0);
      poll = setInterval(() => schedule(0), pollMs);
      poll.unref?.();
    },
    /** After a write here or by another process (the CLI, the hook). */
    afterWrite(): void {
      if (enabled()) schedule(writeDebounceMs);
    },
    /** Sync was just turned on or its folder changed. */
    restart(): void {
      watchedFolder = null;
      if (!poll && enabled()) {
        poll = setInterval(() => schedule(0), pollMs);
        poll.unref?.();
      }
      schedule(0);
    },
    /** Waits for a running sync (tests, quit). */
    async idle(): Promise<void> {
      while (running || timer) {
        if (timer && !running) trigger();
        await running;
      }
    },
    stop(): void {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (poll) clearInterval(poll);
      watcher?.close();
    },
  };
}
export type BackgroundSync = ReturnType<typeof createBackgroundSync>;
