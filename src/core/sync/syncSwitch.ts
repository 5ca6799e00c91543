import type { SqliteDatabase } from '../store/database.ts';

/**
 * Whether sync is on for this journal: one read of sync_config. This file imports nothing of the sync
 * engine, so the app and the CLI can ask without loading Automerge or libsodium (with sync off, no
 * sync code loads).
 */
export function isSyncEnabledQuery(db: SqliteDatabase): boolean {
  return (db.prepare("SELECT value FROM sync_config WHERE key = 'enabled'").get() as { value: string } | undefined)?.value === '1';
}
