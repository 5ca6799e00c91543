import type { DayTextField, EditConflict } from '../../shared/domain/editConflict.ts';
import type { DayRecord, DayRecordPatch } from '../../shared/domain/day.ts';
import { checkDayPatch, emptyDayRecord } from '../../shared/domain/dayCheck.ts';
import { isCalendarDate } from '../../shared/metrics/periods.ts';
import { JournalError } from '../errors.ts';
import { writeTransaction, type SqliteDatabase } from './database.ts';
import type { EditConflictStore } from './editConflictStore.ts';

interface DayRow {
  work_date: string;
  intro: string;
  analysis: string;
  publication_date: string | null;
  day_tokens: number | null;
}

function checkDate(workDate: string): string {
  if (typeof workDate !== 'string' || !isCalendarDate(workDate)) throw new JournalError('INVALID_INPUT', `Invalid date "${workDate}": use YYYY-MM-DD.`);
  return workDate;
}

/** The prose and publication date of each day's post. A day without a row reads as empty. */
export class DayStore {
  private readonly db: SqliteDatabase;
  private readonly conflicts: EditConflictStore;

  constructor(db: SqliteDatabase, conflicts: EditConflictStore) {
    this.db = db;
    this.conflicts = conflicts;
  }

  get(workDate: string): DayRecord {
    const row = this.db
      .prepare('SELECT work_date, intro, analysis, publication_date, day_tokens FROM days WHERE work_date = ?')
      .get(checkDate(workDate)) as DayRow | undefined;
    if (!row) return emptyDayRecord(workDate);
    return {
      workDate: row.work_date,
      intro: row.intro,
      analysis: row.analysis,
      publicationDate: row.publication_date,
      dayTokens: row.day_tokens,
    };
  }

  update(workDate: string, patch: DayRecordPatch): DayRecord {
    const parsed = checkDayPatch(patch);
    if (!parsed.ok) throw new JournalError('INVALID_INPUT', `Invalid day record: ${parsed.problems}`);
    return writeTransaction(this.db, () => {
      const merged = { ...this.get(workDate), ...parsed.value };
      this.db
        .prepare(
          `INSERT INTO days (work_date, intro, analysis, publication_date, day_tokens, updated_at)
           VALUES (@workDate, @intro, @analysis, @publicationDate, @dayTokens, @now)
           ON CONFLICT (work_date) DO UPDATE SET intro = excluded.intro, analysis = excluded.analysis,
             publication_date = excluded.publication_date, day_tokens = excluded.day_tokens, updated_at = excluded.updated_at`,
        )
        .run({ ...merged, now: new Date().toISOString() });
      return merged;
    });
  }

  /**
   * Saves one text field typed in a window. `base` is the stored text the window's edit started from.
   * When the stored text moved away from `base` meanwhile (the CLI or another window wrote it) and
   * differs from `value`, the field takes `value` (what the person sees) and a conflict record keeps
   * the other text and the base, so neither is lost. One transaction: both or neither are written.
   */
  saveText(workDate: string, field: DayTextField, value: string, base: string): { day: DayRecord; conflict: EditConflict | null } {
    return writeTransaction(this.db, () => {
      const stored = this.get(workDate)[field];
      const conflict = stored !== base && stored !== value ? this.conflicts.record({ entity: 'day', key: workDate, field, base, local: value, remote: stored }) : null;
      return { day: this.update(workDate, { [field]: value }), conflict };
    });
  }

  /** Settles a conflict on this day: keep the window's text (already stored) or take the other one. */
  resolveConflict(id: number, keep: 'local' | 'remote'): DayRecord {
    return writeTransaction(this.db, () => {
      const conflict = this.conflicts.get(id);
      if (conflict.entity !== 'day') throw new JournalError('INVALID_INPUT', `Conflict ${id} is not about a day's text.`);
      this.conflicts.markResolved(id);
      if (keep === 'local') return this.get(conflict.key);
      return this.update(conflict.key, { [conflict.field as DayTextField]: conflict.remote });
    });
  }
}
