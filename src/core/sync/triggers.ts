import type { SqliteDatabase } from '../store/database.ts';
import { DAY_COLUMNS, SYNCED_SETTING_KEYS, TASK_COLUMNS, type SyncedColumn } from './fields.ts';

/**
 * The triggers that put every local change into sync_outbox in the same transaction as the change,
 * whichever process writes (the app, the CLI, the Claude Code hook, an import). They are generated from
 * the synced field lists and installed when sync is turned on, so a journal with sync off pays nothing.
 * Bump TRIGGER_VERSION when the lists change: the engine reinstalls older triggers before each sync.
 */
export const TRIGGER_VERSION = 1;

const TRIGGER_NAMES = [
  'sync_tasks_insert',
  'sync_tasks_update',
  'sync_tasks_delete',
  'sync_days_insert',
  'sync_days_update',
  'sync_settings_upsert_insert',
  'sync_settings_upsert_update',
  'sync_snapshots_insert',
];

/** SQL giving "title,notes" for the columns whose value changed between OLD and NEW. */
function changedFields(columns: readonly SyncedColumn[]): string {
  const parts = columns.map((entry) => `CASE WHEN OLD.${entry.column} IS NOT NEW.${entry.column} THEN '${entry.field},' ELSE '' END`);
  return `rtrim(${parts.join(' || ')}, ',')`;
}

function anyChanged(columns: readonly SyncedColumn[]): string {
  return columns.map((entry) => `OLD.${entry.column} IS NOT NEW.${entry.column}`).join(' OR ');
}

const NEW_GID = "lower(hex(randomblob(16)))";

export function installSyncTriggers(db: SqliteDatabase): void {
  const settingKeys = SYNCED_SETTING_KEYS.map((key) => `'${key}'`).join(', ');
  db.exec(`
    ${TRIGGER_NAMES.map((name) => `DROP TRIGGER IF EXISTS ${name};`).join('\n')}
    CREATE TRIGGER sync_tasks_insert AFTER INSERT ON tasks BEGIN
      INSERT OR IGNORE INTO sync_ids (tbl, local_id, gid, partition) VALUES ('task', NEW.id, ${NEW_GID}, substr(NEW.work_date, 1, 7));
      INSERT INTO sync_outbox (tbl, key, fields) VALUES ('task', NEW.id, '*');
    END;
    CREATE TRIGGER sync_tasks_update AFTER UPDATE ON tasks WHEN ${anyChanged(TASK_COLUMNS)} BEGIN
      INSERT INTO sync_outbox (tbl, key, fields) VALUES ('task', NEW.id, ${changedFields(TASK_COLUMNS)});
    END;
    CREATE TRIGGER sync_tasks_delete AFTER DELETE ON tasks BEGIN
      INSERT INTO sync_outbox (tbl, key, fields) VALUES ('task', OLD.id, 'deletedAt');
    END;
    CREATE TRIGGER sync_days_insert AFTER INSERT ON days BEGIN
      INSERT INTO sync_outbox (tbl, key, fields) VALUES ('day', NEW.work_date, '*');
    END;
    CREATE TRIGGER sync_days_update AFTER UPDATE ON days WHEN ${anyChanged(DAY_COLUMNS)} BEGIN
      INSERT INTO sync_outbox (tbl, key, fields) VALUES ('day', NEW.work_date, ${changedFields(DAY_COLUMNS)});
    END;
    CREATE TRIGGER sync_settings_upsert_insert AFTER INSERT ON settings WHEN NEW.key IN (${settingKeys}) BEGIN
      INSERT INTO sync_outbox (tbl, key, fields) VALUES ('setting', NEW.key, 'value');
    END;
    CREATE TRIGGER sync_settings_upsert_update AFTER UPDATE ON settings WHEN NEW.key IN (${settingKeys}) AND OLD.value IS NOT NEW.value BEGIN
      INSERT INTO sync_outbox (tbl, key, fields) VALUES ('setting', NEW.key, 'value');
    END;
    CREATE TRIGGER sync_snapshots_insert AFTER INSERT ON published_snapshots BEGIN
      INSERT OR IGNORE INTO sync_ids (tbl, local_id, gid, partition) VALUES ('snapshot', NEW.id, ${NEW_GID}, substr(NEW.work_date, 1, 7));
      INSERT INTO sync_outbox (tbl, key, fields) VALUES ('snapshot', NEW.id, '*');
    END;
  `);
}

export function removeSyncTriggers(db: SqliteDatabase): void {
  db.exec(TRIGGER_NAMES.map((name) => `DROP TRIGGER IF EXISTS ${name};`).join('\n'));
}

/**
 * Gives every existing synced row a global id and queues it whole, so the first sync after turning
 * sync on carries the journal that was already there.
 */
export function queueExistingRows(db: SqliteDatabase): void {
  const settingKeys = SYNCED_SETTING_KEYS.map((key) => `'${key}'`).join(', ');
  db.exec(`
    INSERT OR IGNORE INTO sync_ids (tbl, local_id, gid, partition)
      SELECT 'task', id, ${NEW_GID}, substr(work_date, 1, 7) FROM tasks;
    INSERT OR IGNORE INTO sync_ids (tbl, local_id, gid, partition)
      SELECT 'snapshot', id, ${NEW_GID}, substr(work_date, 1, 7) FROM published_snapshots;
    INSERT INTO sync_outbox (tbl, key, fields) SELECT 'task', id, '*' FROM tasks;
    INSERT INTO sync_outbox (tbl, key, fields) SELECT 'day', work_date, '*' FROM days;
    INSERT INTO sync_outbox (tbl, key, fields) SELECT 'setting', key, 'value' FROM settings WHERE key IN (${settingKeys});
    INSERT INTO sync_outbox (tbl, key, fields) SELECT 'snapshot', id, '*' FROM published_snapshots;
  `);
}
