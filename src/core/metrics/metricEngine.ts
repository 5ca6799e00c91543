import type { z } from 'zod';
import type { cumulativeSchema, seriesPointSchema } from '../../shared/ipc/schemas.ts';
import { ratio } from '../../shared/units/factor.ts';
import { summarize, type MetricTask, type Summary } from '../../shared/metrics/summary.ts';
import { isoWeekRange, type DateRange } from '../../shared/metrics/periods.ts';
import type { SqliteDatabase } from '../store/database.ts';

/** One point of a chart series (the IPC schema's type). */
export type SeriesPoint = z.infer<typeof seriesPointSchema>;

interface TotalsRow {
  period: string;
  task_count: number;
  human_seconds: number;
  agent_seconds: number;
  supervision_seconds: number;
  supervised_human_seconds: number;
  tokens: number;
  tokens_count: number;
  factor_sum: number;
  factor_count: number;
}

const SUMS = `sum(task_count) AS task_count, sum(human_seconds) AS human_seconds, sum(agent_seconds) AS agent_seconds,
  sum(supervision_seconds) AS supervision_seconds, sum(supervised_human_seconds) AS supervised_human_seconds,
  sum(tokens) AS tokens, sum(tokens_count) AS tokens_count, sum(factor_sum) AS factor_sum, sum(factor_count) AS factor_count`;

function toPoint(row: TotalsRow, label: string): SeriesPoint {
  return {
    period: row.period,
    label,
    taskCount: row.task_count,
    humanSeconds: row.human_seconds,
    agentSeconds: row.agent_seconds,
    supervisionSeconds: row.supervision_seconds,
    tokens: row.tokens,
    tasksWithTokens: row.tokens_count,
    leverage: ratio(row.human_seconds, row.agent_seconds),
    meanLeverage: row.factor_count > 0 ? row.factor_sum / row.factor_count : null,
    supervisoryLeverage: ratio(row.supervised_human_seconds, row.supervision_seconds),
  };
}

export type CumulativeFigures = z.infer<typeof cumulativeSchema>;

/**
 * The metric engine over the store. Summaries of a day or a range read that range's tasks
 * (through the work_date index); series and all-time figures read the per-day totals table,
 * so their cost grows with the number of days, not the number of tasks.
 */
export class MetricEngine {
  private readonly db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.db = db;
  }

  private tasksIn(range: DateRange): MetricTask[] {
    return this.db
      .prepare(
        `SELECT id, title, workstream, human_seconds AS humanSeconds, agent_seconds AS agentSeconds,
                supervision_seconds AS supervisionSeconds, tokens
         FROM tasks WHERE work_date BETWEEN ? AND ? AND deleted_at IS NULL ORDER BY work_date, id`,
      )
      .all(range.from, range.to) as MetricTask[];
  }

  private dayTokens(date: string): number | null {
    const row = this.db.prepare('SELECT day_tokens FROM days WHERE work_date = ?').get(date) as
      | { day_tokens: number | null }
      | undefined;
    return row?.day_tokens ?? null;
  }

  day(date: string, exclude?: ReadonlySet<number>): Summary {
    return summarize(this.tasksIn({ from: date, to: date }), { dayTokens: this.dayTokens(date), ...(exclude ? { exclude } : {}) });
  }

  week(week: string, exclude?: ReadonlySet<number>): Summary {
    return this.range(isoWeekRange(week), exclude);
  }

  range(range: DateRange, exclude?: ReadonlySet<number>): Summary {
    return summarize(this.tasksIn(range), exclude ? { exclude } : {});
  }

  dailySeries(range: DateRange): SeriesPoint[] {
    const rows = this.db
      .prepare(`SELECT work_date AS period, ${SUMS} FROM day_totals WHERE work_date BETWEEN ? AND ? GROUP BY work_date ORDER BY work_date`)
      .all(range.from, range.to) as TotalsRow[];
    return rows.map((row) => toPoint(row, row.period));
  }

  /**
   * ISO weeks (Monday start). Over all history it reads week_totals (one row a week); for a range it
   * groups that range's day_totals rows, so a week cut by the range counts only its days inside it.
   */
  weeklySeries(range?: DateRange): SeriesPoint[] {
    const rows = range
      ? this.db
          .prepare(
            `SELECT week_start AS period, strftime('%G-W%V', week_start) AS label, ${SUMS}
             FROM day_totals WHERE work_date BETWEEN @from AND @to GROUP BY week_start ORDER BY week_start`,
          )
          .all(range)
      : this.db
          .prepare(`SELECT week_start AS period, strftime('%G-W%V', week_start) AS label, * FROM week_totals ORDER BY week_start`)
          .all();
    return (rows as (TotalsRow & { label: string })[]).map((row) => toPoint(row, row.label));
  }

  cumulative(): CumulativeFigures {
    const row = this.db
      .prepare(`SELECT sum(day_count) AS days, min(week_start) AS first_week, ${SUMS} FROM week_totals`)
      .get() as TotalsRow & { days: number | null; first_week: string | null };
    const bounds = this.db
      .prepare('SELECT (SELECT min(work_date) FROM day_totals) AS first_date, (SELECT max(work_date) FROM day_totals) AS last_date')
      .get() as { first_date: string | null; last_date: string | null };
    return {
      days: row.days ?? 0,
      firstDate: bounds.first_date,
      lastDate: bounds.last_date,
      taskCount: row.task_count ?? 0,
      humanSeconds: row.human_seconds ?? 0,
      agentSeconds: row.agent_seconds ?? 0,
      tokens: row.tokens ?? 0,
      leverage: ratio(row.human_seconds ?? 0, row.agent_seconds ?? 0),
      meanLeverage: row.factor_count > 0 ? row.factor_sum / row.factor_count : null,
    };
  }

  /** Factors of every task in the range, for the distribution chart. */
  factorDistribution(range: DateRange | undefined, bucketEdges: readonly number[]): number[] {
    const counts = new Array<number>(bucketEdges.length + 1).fill(0);
    const filter = range ? 'AND work_date BETWEEN @from AND @to' : '';
    const iterate = this.db
      .prepare(
        `SELECT CAST(human_seconds AS REAL) / agent_seconds AS factor FROM tasks
         WHERE deleted_at IS NULL AND agent_seconds > 0 ${filter}`,
      )
      .pluck()
      .iterate(range ?? {}) as IterableIterator<number>;
    for (const factor of iterate) {
      let bucket = bucketEdges.findIndex((edge) => factor < edge);
      if (bucket === -1) bucket = bucketEdges.length;
      counts[bucket] = (counts[bucket] ?? 0) + 1;
    }
    return counts;
  }
}
