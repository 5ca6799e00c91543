import { runDailyBackupIfDue, type DailyBackupResult } from '../../core/backup/backupService.ts';
import type { Journal } from '../../core/journal.ts';
import { backupFolderFor } from '../../core/paths.ts';

export interface DailyBackupOptions {
  /** The journal open now (it changes after a restore). */
  journal: () => Journal;
  now?: () => Date;
  onError: (error: unknown) => void;
}

/** How often a running app checks whether the day changed and a new automatic backup is due. */
export const DAILY_BACKUP_CHECK_MS = 60 * 60 * 1000;

/**
 * The automatic backups: one per local day, keeping settings.backupsToKeep of them. `run` is safe
 * to call at any time (the core skips a day that already has one); calls never overlap.
 */
export function createDailyBackup(options: DailyBackupOptions) {
  let running: Promise<DailyBackupResult | null> | null = null;

  async function backUp(): Promise<DailyBackupResult | null> {
    try {
      const journal = options.journal();
      return await runDailyBackupIfDue(journal.db, {
        folder: backupFolderFor(journal.path),
        keep: journal.settings.get().backupsToKeep,
        now: options.now?.(),
      });
    } catch (error) {
      options.onError(error);
      return null;
    }
  }

  function run(): Promise<DailyBackupResult | null> {
    if (!running) {
      const current = backUp();
      running = current;
      void current.then(() => {
        if (running === current) running = null;
      });
    }
    return running;
  }

  /** Runs now and then every `intervalMs` (an app left in the tray overnight backs up the next day too); returns a stop function. */
  function schedule(intervalMs = DAILY_BACKUP_CHECK_MS): () => void {
    void run();
    const timer = setInterval(() => void run(), intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  return { run, schedule };
}
