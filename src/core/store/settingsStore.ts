import {
  DEFAULT_SETTINGS,
  SETTING_KEYS,
  settingFields,
  settingsPatchSchema,
  type Settings,
  type SettingsPatch,
} from '../../shared/domain/settings.ts';
import { describeIssues } from '../../shared/domain/task.ts';
import { JournalError } from '../errors.ts';
import { writeTransaction, type SqliteDatabase } from './database.ts';

/** Settings live in the database (one JSON value per key); a missing or unreadable value reads as its default. */
export class SettingsStore {
  private readonly db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.db = db;
  }

  get(): Settings {
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    const stored = new Map(rows.map((row) => [row.key, row.value]));
    const result: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const key of SETTING_KEYS) {
      const raw = stored.get(key);
      if (raw === undefined) continue;
      try {
        const parsed = settingFields[key].safeParse(JSON.parse(raw));
        if (parsed.success) result[key] = parsed.data;
      } catch {
        // A hand-edited, unparsable value falls back to the default rather than breaking the app.
      }
    }
    return result as Settings;
  }

  update(patch: SettingsPatch): Settings {
    const parsed = settingsPatchSchema.safeParse(patch);
    if (!parsed.success) throw new JournalError('INVALID_INPUT', `Invalid settings: ${describeIssues(parsed.error)}`);
    const upsert = this.db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    writeTransaction(this.db, () => {
      for (const [key, value] of Object.entries(parsed.data)) {
        if (value !== undefined) upsert.run(key, JSON.stringify(value));
      }
    });
    return this.get();
  }
}
