import type { Settings, SettingsPatch } from '../../shared/domain/settings.ts';
import { checkSetting, checkSettingsPatch, DEFAULT_SETTINGS, SETTING_KEYS } from '../../shared/domain/settingsCheck.ts';
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
        const checked = checkSetting(key, JSON.parse(raw));
        if (checked.ok) result[key] = checked.value;
      } catch {
        // A hand-edited, unparsable value falls back to the default rather than breaking the app.
      }
    }
    return result as Settings;
  }

  update(patch: SettingsPatch): Settings {
    const parsed = checkSettingsPatch(patch);
    if (!parsed.ok) throw new JournalError('INVALID_INPUT', `Invalid settings: ${parsed.problems}`);
    const upsert = this.db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    writeTransaction(this.db, () => {
      for (const [key, value] of Object.entries(parsed.value)) {
        if (value !== undefined) upsert.run(key, JSON.stringify(value));
      }
    });
    return this.get();
  }
}
