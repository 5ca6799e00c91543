import { dayRecordPatchSchema, emptyDayRecord, type DayRecord, type DayRecordPatch } from '../../shared/domain/day.ts';
import { describeIssues, workDateSchema } from '../../shared/domain/task.ts';
import { JournalError } from '../errors.ts';
import { writeTransaction, type SqliteDatabase } from './database.ts';

interface DayRow {
  work_date: string;
  intro: string;
  analysis: string;
  publication_date: string | null;
  day_tokens: number | null;
}

function checkDate(workDate: string): string {
  const parsed = workDateSchema.safeParse(workDate);
  if (!parsed.success) throw new JournalError('INVALID_INPUT', `Invalid date "${workDate}": use YYYY-MM-DD.`);
  return parsed.data;
}

/** The prose and publication date of each day's post. A day without a row reads as empty. */
export class DayStore {
  private readonly db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.db = db;
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
    const parsed = dayRecordPatchSchema.safeParse(patch);
    if (!parsed.success) throw new JournalError('INVALID_INPUT', `Invalid day record: ${describeIssues(parsed.error)}`);
    return writeTransaction(this.db, () => {
      const merged = { ...this.get(workDate), ...parsed.data };
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
}
