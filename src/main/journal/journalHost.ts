import { restoreBackup } from '../../core/backup/restoreBackup.ts';
import type { HandlerTable } from '../../core/ipc/invokeHandler.ts';
import type { Journal } from '../../core/journal.ts';
import { CHANNELS, type Channel } from '../../shared/ipc/contract.ts';
import { totalChangesReader } from '../ipc/changeEvents.ts';

export interface RestoredJournal {
  readonly restoredFrom: string;
  /** The copy of the journal taken just before it was replaced (null when there was nothing readable to copy). */
  readonly safetyBackup: string | null;
}

/**
 * Holds the open journal. Restoring a backup closes it and opens the restored file, so everything
 * in main reaches the journal through `current()` rather than keeping the first one.
 */
export function createJournalHost(initial: Journal, open: (file: string) => Journal) {
  let journal = initial;
  const listeners = new Set<(journal: Journal) => void>();
  return {
    current: (): Journal => journal,
    /** Runs after the journal was replaced (restored). */
    onReplaced(listener: (journal: Journal) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /**
     * Closes the journal, restores `backupFile` over its file (restoreBackup checks the backup and
     * takes a safety backup first) and opens it again, also when the restore failed (then nothing
     * was changed and the same data reopens).
     */
    async restore(backupFile: string, now?: Date): Promise<RestoredJournal> {
      const file = journal.path;
      journal.close();
      try {
        const result = await restoreBackup(file, backupFile, { now });
        return { restoredFrom: backupFile, safetyBackup: result.safetyBackup?.path ?? null };
      } finally {
        journal = open(file);
        for (const listener of listeners) listener(journal);
      }
    },
    close(): void {
      journal.close();
    },
  };
}
export type JournalHost = ReturnType<typeof createJournalHost>;

/**
 * A handler table that always answers from the current journal: IPC registers it once, and the
 * channel tables are rebuilt (once) after a restore reopened the journal.
 */
export function hostedHandlers(host: Pick<JournalHost, 'current'>, build: (journal: Journal) => HandlerTable): HandlerTable {
  let builtFor: Journal | null = null;
  let table: HandlerTable | null = null;
  const current = (): HandlerTable => {
    const journal = host.current();
    if (journal !== builtFor || !table) {
      table = build(journal);
      builtFor = journal;
    }
    return table;
  };
  const delegate = (channel: Channel) => (input: never) => (current()[channel] as (input: never) => unknown)(input);
  return Object.fromEntries(CHANNELS.map((channel) => [channel, delegate(channel)])) as unknown as HandlerTable;
}

/** total_changes() of the current connection; -1 while the journal is closed (a restore in progress). */
export function hostedChangesReader(host: Pick<JournalHost, 'current'>): () => number {
  let readFor: Journal | null = null;
  let read: () => number = () => -1;
  return () => {
    try {
      const journal = host.current();
      if (journal !== readFor) {
        read = totalChangesReader(journal.db);
        readFor = journal;
      }
      return read();
    } catch {
      return -1;
    }
  };
}
