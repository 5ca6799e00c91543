import type { NewTask, Task, TaskPatch } from '../../shared/domain/task.ts';
import { taskInputSchema, taskPatchSchema, describeIssues } from '../../shared/domain/task.ts';
import { JournalError } from '../errors.ts';
import { writeTransaction, type SqliteDatabase } from './database.ts';

interface TaskRow {
  id: number;
  work_date: string;
  title: string;
  workstream: string | null;
  human_seconds: number;
  agent_seconds: number;
  supervision_seconds: number | null;
  tokens: number | null;
  model: string | null;
  notes: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS =
  'id, work_date, title, workstream, human_seconds, agent_seconds, supervision_seconds, tokens, model, notes, created_at, updated_at';

function toTask(row: TaskRow): Task {
  return {
    id: row.id,
    workDate: row.work_date,
    title: row.title,
    workstream: row.workstream,
    humanSeconds: row.human_seconds,
    agentSeconds: row.agent_seconds,
    supervisionSeconds: row.supervision_seconds,
    tokens: row.tokens,
    model: row.model,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const TASK_SORT_COLUMNS = {
  workDate: 'work_date',
  title: 'title COLLATE NOCASE',
  workstream: 'workstream COLLATE NOCASE',
  humanSeconds: 'human_seconds',
  agentSeconds: 'agent_seconds',
  supervisionSeconds: 'supervision_seconds',
  tokens: 'tokens',
  leverage: 'CASE WHEN agent_seconds > 0 THEN CAST(human_seconds AS REAL) / agent_seconds END',
  model: 'model COLLATE NOCASE',
} as const;
export type TaskSortColumn = keyof typeof TASK_SORT_COLUMNS;

/** Which tasks: a date range, a workstream, and a case-insensitive substring of title, notes or workstream. */
export interface TaskFilter {
  from?: string | undefined;
  to?: string | undefined;
  workstream?: string | undefined;
  text?: string | undefined;
}

export interface TaskQuery {
  from?: string | undefined;
  to?: string | undefined;
  workstream?: string | undefined;
  /** Case-insensitive substring of title, notes or workstream. */
  text?: string | undefined;
  sort?: TaskSortColumn | undefined;
  direction?: 'asc' | 'desc' | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
}

export interface TaskPage {
  rows: Task[];
  total: number;
}

function parseInput(input: unknown): NewTask {
  const parsed = taskInputSchema.safeParse(input);
  if (!parsed.success) throw new JournalError('INVALID_INPUT', `Invalid task: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (match) => `\\${match}`);
}

/** Tasks in the store. Deletion is soft (deleted_at) so that it can be undone with restore. */
export class TaskStore {
  private readonly db: SqliteDatabase;
  private readonly insertStatement;
  private readonly bulkInsertStatement;
  private readonly getStatement;
  private readonly byDateStatement;

  constructor(db: SqliteDatabase) {
    this.db = db;
    this.insertStatement = db.prepare(
      `INSERT INTO tasks (work_date, title, workstream, human_seconds, agent_seconds, supervision_seconds, tokens, model, notes, created_at, updated_at)
       VALUES (@workDate, @title, @workstream, @humanSeconds, @agentSeconds, @supervisionSeconds, @tokens, @model, @notes, @now, @now)
       RETURNING ${COLUMNS}`,
    );
    this.bulkInsertStatement = db.prepare(
      `INSERT INTO tasks (work_date, title, workstream, human_seconds, agent_seconds, supervision_seconds, tokens, model, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.getStatement = db.prepare(`SELECT ${COLUMNS} FROM tasks WHERE id = ? AND deleted_at IS NULL`);
    this.byDateStatement = db.prepare(
      `SELECT ${COLUMNS} FROM tasks WHERE work_date = ? AND deleted_at IS NULL ORDER BY id`,
    );
  }

  create(input: unknown): Task {
    const task = parseInput(input);
    return toTask(this.insertStatement.get({ ...task, now: new Date().toISOString() }) as TaskRow);
  }

  /** Validates every input first, then writes them all in one transaction (all or nothing). */
  createMany(inputs: readonly unknown[]): Task[] {
    const tasks = inputs.map((input, index) => {
      try {
        return parseInput(input);
      } catch (error) {
        throw new JournalError('INVALID_INPUT', `Task ${index + 1}: ${(error as Error).message}`);
      }
    });
    return this.insertValidated(tasks);
  }

  /**
   * Inserts tasks that a boundary has already validated (the IPC contract, the CLI, an importer
   * parse them with taskInputSchema), in one transaction, without parsing them a second time.
   */
  insertValidated(tasks: readonly NewTask[]): Task[] {
    const now = new Date().toISOString();
    const statement = this.bulkInsertStatement;
    return writeTransaction(this.db, () =>
      tasks.map((task): Task => {
        const { lastInsertRowid } = statement.run(
          task.workDate,
          task.title,
          task.workstream,
          task.humanSeconds,
          task.agentSeconds,
          task.supervisionSeconds,
          task.tokens,
          task.model,
          task.notes,
          now,
          now,
        );
        return { id: Number(lastInsertRowid), ...task, createdAt: now, updatedAt: now };
      }),
    );
  }

  get(id: number): Task | null {
    const row = this.getStatement.get(id) as TaskRow | undefined;
    return row ? toTask(row) : null;
  }

  require(id: number): Task {
    const task = this.get(id);
    if (!task) throw new JournalError('NOT_FOUND', `There is no task ${id}.`);
    return task;
  }

  update(id: number, patch: TaskPatch): Task {
    const parsed = taskPatchSchema.safeParse(patch);
    if (!parsed.success) throw new JournalError('INVALID_INPUT', `Invalid change: ${describeIssues(parsed.error)}`);
    return writeTransaction(this.db, () => {
      const merged = parseInput({ ...stripMeta(this.require(id)), ...parsed.data });
      const row = this.db
        .prepare(
          `UPDATE tasks SET work_date = @workDate, title = @title, workstream = @workstream, human_seconds = @humanSeconds,
             agent_seconds = @agentSeconds, supervision_seconds = @supervisionSeconds, tokens = @tokens, model = @model,
             notes = @notes, updated_at = @now
           WHERE id = @id AND deleted_at IS NULL RETURNING ${COLUMNS}`,
        )
        .get({ ...merged, id, now: new Date().toISOString() }) as TaskRow;
      return toTask(row);
    });
  }

  /** Soft-deletes the tasks; returns the ids that were live. Undo with restore(ids). */
  delete(ids: readonly number[]): number[] {
    const statement = this.db.prepare(
      'UPDATE tasks SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL RETURNING id',
    );
    const now = new Date().toISOString();
    return writeTransaction(this.db, () =>
      ids.flatMap((id) => (statement.get(now, id) as { id: number } | undefined)?.id ?? []),
    );
  }

  /** Brings back soft-deleted tasks; returns the ids restored. */
  restore(ids: readonly number[]): number[] {
    const statement = this.db.prepare(
      'UPDATE tasks SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL RETURNING id',
    );
    return writeTransaction(this.db, () =>
      ids.flatMap((id) => (statement.get(id) as { id: number } | undefined)?.id ?? []),
    );
  }

  listByDate(workDate: string): Task[] {
    return (this.byDateStatement.all(workDate) as TaskRow[]).map(toTask);
  }

  listRange(from: string, to: string): Task[] {
    return (
      this.db
        .prepare(`SELECT ${COLUMNS} FROM tasks WHERE work_date BETWEEN ? AND ? AND deleted_at IS NULL ORDER BY work_date, id`)
        .all(from, to) as TaskRow[]
    ).map(toTask);
  }

  /** The SQL condition and parameters selecting the live tasks a filter names. */
  private filterSql(filter: TaskFilter): { whereSql: string; params: Record<string, string> } {
    const where = ['deleted_at IS NULL'];
    const params: Record<string, string> = {};
    if (filter.from) {
      where.push('work_date >= @from');
      params.from = filter.from;
    }
    if (filter.to) {
      where.push('work_date <= @to');
      params.to = filter.to;
    }
    if (filter.workstream) {
      where.push('workstream = @workstream');
      params.workstream = filter.workstream;
    }
    if (filter.text && filter.text.trim() !== '') {
      where.push(
        "(title LIKE @text ESCAPE '\\' OR notes LIKE @text ESCAPE '\\' OR coalesce(workstream, '') LIKE @text ESCAPE '\\')",
      );
      params.text = `%${escapeLike(filter.text.trim())}%`;
    }
    return { whereSql: where.join(' AND '), params };
  }

  /** A sorted, filtered window of tasks plus the total matching count (for the virtualized grid). */
  query(query: TaskQuery = {}): TaskPage {
    const { whereSql, params } = this.filterSql(query);
    const order = TASK_SORT_COLUMNS[query.sort ?? 'workDate'];
    const direction = query.direction === 'asc' ? 'ASC' : 'DESC';
    const limit = Math.min(Math.max(query.limit ?? 200, 0), 5000);
    const offset = Math.max(query.offset ?? 0, 0);
    const rows = this.db
      .prepare(
        `SELECT ${COLUMNS} FROM tasks WHERE ${whereSql} ORDER BY ${order} ${direction} NULLS LAST, id ${direction} LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit, offset }) as TaskRow[];
    const total = (this.db.prepare(`SELECT count(*) AS n FROM tasks WHERE ${whereSql}`).get(params) as { n: number }).n;
    return { rows: rows.map(toTask), total };
  }

  /** Every task a filter selects, in date order (for exporting what the grid shows). */
  listMatching(filter: TaskFilter): Task[] {
    const { whereSql, params } = this.filterSql(filter);
    return (this.db.prepare(`SELECT ${COLUMNS} FROM tasks WHERE ${whereSql} ORDER BY work_date, id`).all(params) as TaskRow[]).map(toTask);
  }

  workstreams(): string[] {
    return (
      this.db
        .prepare(
          'SELECT DISTINCT workstream FROM tasks WHERE workstream IS NOT NULL AND deleted_at IS NULL ORDER BY workstream COLLATE NOCASE',
        )
        .all() as { workstream: string }[]
    ).map((row) => row.workstream);
  }
}

function stripMeta(task: Task): NewTask {
  const { id: _id, createdAt: _created, updatedAt: _updated, ...rest } = task;
  return rest;
}
