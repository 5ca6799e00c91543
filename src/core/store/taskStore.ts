import type { NewTask, Task, TaskPatch } from '../../shared/domain/task.ts';
import { checkTaskInput, checkTaskPatch } from '../../shared/domain/taskCheck.ts';
import { TASK_FIELD_NAMES, TASK_FIELDS, type SortableTaskField, type TaskSortKey } from '../../shared/domain/taskFields.ts';
import { JournalError } from '../errors.ts';
import { writeTransaction, type SqliteDatabase } from './database.ts';

/** A row of the tasks table: one column per task field (TASK_FIELDS), plus id and timestamps. */
type TaskRow = Record<string, unknown> & { id: number; created_at: string; updated_at: string };

const FIELD_COLUMNS = TASK_FIELD_NAMES.map((field) => TASK_FIELDS[field].column);
const COLUMNS = ['id', ...FIELD_COLUMNS, 'created_at', 'updated_at'].join(', ');
/** The INSERT's column list and its named and positional parameters, in TASK_FIELDS order. */
const INSERT_COLUMNS = `${FIELD_COLUMNS.join(', ')}, created_at, updated_at`;
const INSERT_NAMED = `${TASK_FIELD_NAMES.map((field) => `@${field}`).join(', ')}, @now, @now`;
const INSERT_POSITIONAL = [...FIELD_COLUMNS, 'created_at', 'updated_at'].map(() => '?').join(', ');
const UPDATE_SET = `${TASK_FIELD_NAMES.map((field) => `${TASK_FIELDS[field].column} = @${field}`).join(', ')}, updated_at = @now`;

const FIELD_PAIRS = TASK_FIELD_NAMES.map((field) => [field, TASK_FIELDS[field].column] as const);

function toTask(row: TaskRow): Task {
  const task: Record<string, unknown> = { id: row.id };
  for (const [field, column] of FIELD_PAIRS) task[field] = row[column];
  task.createdAt = row.created_at;
  task.updatedAt = row.updated_at;
  return task as Task;
}

/** ORDER BY expressions of the sort keys (TASK_SORT_KEYS): each sortable field's, and the computed leverage. */
export const TASK_SORT_COLUMNS: Record<TaskSortKey, string> = {
  ...(Object.fromEntries(TASK_FIELD_NAMES.flatMap((field) => (TASK_FIELDS[field].sort === null ? [] : [[field, TASK_FIELDS[field].sort]]))) as Record<SortableTaskField, string>),
  leverage: 'CASE WHEN agent_seconds > 0 THEN CAST(human_seconds AS REAL) / agent_seconds END',
};
export type TaskSortColumn = TaskSortKey;

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

/** Every write is checked as taskInputSchema would (taskCheck.ts: the same answers without loading zod). */
function parseInput(input: unknown): NewTask {
  const checked = checkTaskInput(input);
  if (!checked.ok) throw new JournalError('INVALID_INPUT', `Invalid task: ${checked.problems}`);
  return checked.value;
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
      `INSERT INTO tasks (${INSERT_COLUMNS}) VALUES (${INSERT_NAMED}) RETURNING ${COLUMNS}`,
    );
    this.bulkInsertStatement = db.prepare(
      `INSERT INTO tasks (${INSERT_COLUMNS}) VALUES (${INSERT_POSITIONAL})`,
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
        const { lastInsertRowid } = statement.run(...TASK_FIELD_NAMES.map((field) => task[field]), now, now);
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
    const checked = checkTaskPatch(patch);
    if (!checked.ok) throw new JournalError('INVALID_INPUT', `Invalid change: ${checked.problems}`);
    return writeTransaction(this.db, () => {
      const merged = parseInput({ ...stripMeta(this.require(id)), ...checked.value });
      const row = this.db
        .prepare(
          `UPDATE tasks SET ${UPDATE_SET} WHERE id = @id AND deleted_at IS NULL RETURNING ${COLUMNS}`,
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
