import type { Journal } from '../journal.ts';
import type { SyncEngine } from './syncEngine.ts';
import { isSyncEnabledQuery } from './syncSwitch.ts';
import type { SyncStatus } from './syncTypes.ts';

const OFF: SyncStatus = {
  enabled: false,
  deviceId: null,
  deviceName: null,
  folder: null,
  encrypted: false,
  lastSyncAt: null,
  lastError: null,
  lastErrorAt: null,
  pendingChanges: 0,
  conflicts: 0,
  ownBytes: null,
  peers: [],
  lastReport: null,
};

/**
 * The sync channels. The engine (Automerge, libsodium) is imported on first use: asking the status of
 * a journal with sync off loads none of it. One engine per journal, so its documents stay in memory
 * between syncs; `engineFor` is shared with main's background sync.
 */
const engines = new WeakMap<Journal, Promise<SyncEngine>>();
export function engineFor(journal: Journal): Promise<SyncEngine> {
  let engine = engines.get(journal);
  if (!engine) {
    engine = import('./syncEngine.ts').then(({ SyncEngine }) => new SyncEngine(journal.db));
    engines.set(journal, engine);
  }
  return engine;
}

export function syncHandlers(journal: Journal) {
  return {
    syncStatus: async (): Promise<SyncStatus> => (isSyncEnabledQuery(journal.db) ? (await engineFor(journal)).status() : { ...OFF }),
    syncSetup: async ({ folder, deviceName, passphrase }: { folder: string; deviceName: string; passphrase?: string | undefined }) =>
      (await engineFor(journal)).init({ folder, deviceName, passphrase }),
    syncNow: async () => (await engineFor(journal)).syncNow(),
    syncConflicts: async () => (isSyncEnabledQuery(journal.db) ? (await engineFor(journal)).conflicts() : []),
    syncResolve: async ({ table, key, field, keep }: { table: 'task' | 'day' | 'setting'; key: string; field: string; keep: string | number | boolean | null }) => {
      const engine = await engineFor(journal);
      engine.resolve(table, key, field, keep);
      return engine.syncNow();
    },
  };
}
