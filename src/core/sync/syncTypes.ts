/** What sync reports: the types come from the IPC schemas (one source; the CLI prints the same shapes). */
export type { ConflictValue, SyncConflict, SyncPeer, SyncReport, SyncStatus } from '../../shared/ipc/syncSchemas.ts';
