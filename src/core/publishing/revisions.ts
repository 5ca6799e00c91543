import type { Task } from '../../shared/domain/task.ts';
import { array, calendarDate, nullable, number, object, optional, run, string, type Check } from '../../shared/domain/lightCheck.ts';
import { isCalendarDate } from '../../shared/metrics/periods.ts';
import { PUBLISHED_TASK_FIELDS, type PublishedTaskField } from '../../shared/domain/taskFields.ts';
import { longDate } from '../../shared/metrics/longDate.ts';
import { summarize, type Summary } from '../../shared/metrics/summary.ts';
import { formatHours, formatMinutes } from '../../shared/units/duration.ts';
import { formatFactor } from '../../shared/units/factor.ts';
import { formatTokenTotal } from '../../shared/units/tokens.ts';
import { JournalError } from '../errors.ts';
import type { SqliteDatabase } from '../store/database.ts';
import { countNoun, listJoin } from './numberWords.ts';

/** What was published for a day (migration 4's published_snapshots). */
export interface PublishedSnapshot {
  id: number;
  workDate: string;
  publishedAt: string;
  tasks: Task[];
  intro: string;
  analysis: string;
  markdown: string;
  redactionProfile: string | null;
}

// The task fields a published post shows (a change to one of them is a revision) come from the task field definition.
export { PUBLISHED_TASK_FIELDS, type PublishedTaskField } from '../../shared/domain/taskFields.ts';

export interface FieldChange {
  field: PublishedTaskField;
  before: string | number | null;
  after: string | number | null;
}

export interface TaskDiff {
  added: Task[];
  removed: Task[];
  changed: { id: number; title: string; changes: FieldChange[] }[];
}

export interface FigureChange {
  figure: 'taskCount' | 'humanHours' | 'agentMinutes' | 'tokens' | 'leverage';
  before: number | null;
  after: number | null;
  beforeText: string;
  afterText: string;
}

export interface DayRevision {
  workDate: string;
  /** False when the day was never published: nothing to compare with. */
  published: boolean;
  snapshotId: number | null;
  publishedAt: string | null;
  /** True when anything the post shows differs from what was published. */
  changed: boolean;
  tasks: TaskDiff;
  /** Only the figures that differ. */
  figures: FigureChange[];
  introChanged: boolean;
  analysisChanged: boolean;
}

interface SnapshotRow {
  id: number;
  work_date: string;
  published_at: string;
  tasks_json: string;
  intro: string;
  analysis: string;
  markdown: string;
  redaction_profile: string | null;
}

/**
 * Snapshots are read with a version-tolerant schema: a snapshot written before a task field existed
 * lacks it, and reads as that field's empty value (keys a later version added are ignored), so a
 * new field, even a required one, never makes a published day unreadable.
 */
const EMPTY_TASK_FIELDS: Omit<Task, 'id' | 'workDate'> = {
  title: '',
  workstream: null,
  humanSeconds: 0,
  agentSeconds: 0,
  supervisionSeconds: null,
  tokens: null,
  model: null,
  notes: '',
  createdAt: '',
  updatedAt: '',
};
/**
 * A stored snapshot's task: every field but the id optional (a snapshot written before a field
 * existed still reads), each of the type taskSchema gives it. Checked without zod (lightCheck.ts).
 */
const int = number({ int: true });
const STORED_TASK_FIELDS: { readonly [Key in keyof Task]: Check } = {
  id: number({ int: true, min: 1, max: Number.MAX_SAFE_INTEGER }),
  workDate: optional(calendarDate(isCalendarDate, 'must be a calendar date')),
  title: optional(string()),
  workstream: optional(nullable(string())),
  humanSeconds: optional(int),
  agentSeconds: optional(int),
  supervisionSeconds: optional(nullable(int)),
  tokens: optional(nullable(int)),
  model: optional(nullable(string())),
  notes: optional(string()),
  createdAt: optional(string()),
  updatedAt: optional(string()),
};
const storedTasksCheck = array(object(STORED_TASK_FIELDS));

function toSnapshot(row: SnapshotRow): PublishedSnapshot {
  const parsed = run<(Partial<Task> & { id: number })[]>(storedTasksCheck, JSON.parse(row.tasks_json));
  if (!parsed.ok) throw new JournalError('DATABASE_CORRUPT', `Published snapshot ${row.id} of ${row.work_date} is unreadable.`);
  const tasks = parsed.value.map((task): Task => ({ workDate: row.work_date, ...EMPTY_TASK_FIELDS, ...definedOnly(task), id: task.id }));
  return {
    id: row.id,
    workDate: row.work_date,
    publishedAt: row.published_at,
    tasks,
    intro: row.intro,
    analysis: row.analysis,
    markdown: row.markdown,
    redactionProfile: row.redaction_profile,
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

export type NewSnapshot = Omit<PublishedSnapshot, 'id'>;

/** Snapshots of published days; appended on every publish, never changed. */
export class SnapshotStore {
  private readonly db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.db = db;
  }

  add(snapshot: NewSnapshot): number {
    const result = this.db
      .prepare(
        `INSERT INTO published_snapshots (work_date, published_at, tasks_json, intro, analysis, markdown, redaction_profile)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        snapshot.workDate,
        snapshot.publishedAt,
        JSON.stringify(snapshot.tasks),
        snapshot.intro,
        snapshot.analysis,
        snapshot.markdown,
        snapshot.redactionProfile,
      );
    return Number(result.lastInsertRowid);
  }

  latest(workDate: string): PublishedSnapshot | null {
    const row = this.db
      .prepare('SELECT * FROM published_snapshots WHERE work_date = ? ORDER BY id DESC LIMIT 1')
      .get(workDate) as SnapshotRow | undefined;
    return row ? toSnapshot(row) : null;
  }

  list(workDate: string): PublishedSnapshot[] {
    return (this.db.prepare('SELECT * FROM published_snapshots WHERE work_date = ? ORDER BY id').all(workDate) as SnapshotRow[]).map(toSnapshot);
  }
}

/** Tasks matched by id: added, removed, and changed in a field the post shows. */
export function diffTasks(before: readonly Task[], after: readonly Task[]): TaskDiff {
  const beforeById = new Map(before.map((task) => [task.id, task]));
  const afterIds = new Set(after.map((task) => task.id));
  const changed: TaskDiff['changed'] = [];
  for (const task of after) {
    const old = beforeById.get(task.id);
    if (!old) continue;
    const changes = PUBLISHED_TASK_FIELDS.filter((field) => old[field] !== task[field]).map((field) => ({ field, before: old[field], after: task[field] }));
    if (changes.length > 0) changed.push({ id: task.id, title: task.title, changes });
  }
  return {
    added: after.filter((task) => !beforeById.has(task.id)),
    removed: before.filter((task) => !afterIds.has(task.id)),
    changed,
  };
}

/** The day's figures that differ between two summaries, formatted as the post formats them. */
export function diffFigures(before: Summary, after: Summary): FigureChange[] {
  const figures: FigureChange[] = [
    { figure: 'taskCount', before: before.taskCount, after: after.taskCount, beforeText: String(before.taskCount), afterText: String(after.taskCount) },
    {
      figure: 'humanHours',
      before: before.humanSeconds / 3600,
      after: after.humanSeconds / 3600,
      beforeText: formatHours(before.humanSeconds),
      afterText: formatHours(after.humanSeconds),
    },
    {
      figure: 'agentMinutes',
      before: before.agentSeconds / 60,
      after: after.agentSeconds / 60,
      beforeText: formatMinutes(before.agentSeconds),
      afterText: formatMinutes(after.agentSeconds),
    },
    { figure: 'tokens', before: before.tokens, after: after.tokens, beforeText: formatTokenTotal(before.tokens), afterText: formatTokenTotal(after.tokens) },
    { figure: 'leverage', before: before.leverage, after: after.leverage, beforeText: formatFactor(before.leverage), afterText: formatFactor(after.leverage) },
  ];
  return figures.filter((entry) => entry.before !== entry.after);
}

export interface CurrentDay {
  workDate: string;
  tasks: readonly Task[];
  intro: string;
  analysis: string;
  dayTokens: number | null;
}

/** How the day now differs from its latest published snapshot. */
export function compareWithSnapshot(current: CurrentDay, snapshot: PublishedSnapshot | null): DayRevision {
  if (!snapshot) {
    return {
      workDate: current.workDate,
      published: false,
      snapshotId: null,
      publishedAt: null,
      changed: false,
      tasks: { added: [], removed: [], changed: [] },
      figures: [],
      introChanged: false,
      analysisChanged: false,
    };
  }
  const tasks = diffTasks(snapshot.tasks, current.tasks);
  const figures = diffFigures(summarize(snapshot.tasks, { dayTokens: current.dayTokens }), summarize(current.tasks, { dayTokens: current.dayTokens }));
  const introChanged = snapshot.intro !== current.intro;
  const analysisChanged = snapshot.analysis !== current.analysis;
  return {
    workDate: current.workDate,
    published: true,
    snapshotId: snapshot.id,
    publishedAt: snapshot.publishedAt,
    changed: tasks.added.length + tasks.removed.length + tasks.changed.length > 0 || figures.length > 0 || introChanged || analysisChanged,
    tasks,
    figures,
    introChanged,
    analysisChanged,
  };
}

/** "_Revised on March 3, 2026: one task added, one changed; weighted leverage 24.3x → 22.1x._" — no task titles, so it never needs redacting. */
export function revisionNote(revision: DayRevision, revisedOn: string): string | null {
  if (!revision.published || !revision.changed) return null;
  const parts: string[] = [];
  if (revision.tasks.added.length > 0) parts.push(`${countNoun(revision.tasks.added.length, 'task')} added`);
  if (revision.tasks.removed.length > 0) parts.push(`${countNoun(revision.tasks.removed.length, 'task')} removed`);
  if (revision.tasks.changed.length > 0) parts.push(`${countNoun(revision.tasks.changed.length, 'task')} corrected`);
  if (revision.introChanged || revision.analysisChanged) parts.push('text edited');
  const leverage = revision.figures.find((entry) => entry.figure === 'leverage');
  const figures = leverage ? `; weighted leverage ${leverage.beforeText} → ${leverage.afterText}` : '';
  return `_Revised on ${longDate(revisedOn)}: ${listJoin(parts)}${figures}._`;
}
