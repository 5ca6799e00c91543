import { JournalError } from '../errors.ts';
import type { Journal } from '../journal.ts';
import { writeTransaction } from '../store/database.ts';
import type { ParsedPost } from './model.ts';
import { planPosts, taskKey, type DayPlan, type ImportReport } from './planImport.ts';
import { readPosts, type ReadPostsOptions } from './readPosts.ts';

/** What to do with a day that already holds other tasks. */
export const CONFLICT_MODES = ['merge', 'replace', 'skip'] as const;
export type ConflictMode = (typeof CONFLICT_MODES)[number];

export type DayAction = 'created' | 'unchanged' | 'merged' | 'replaced' | 'skipped';

export interface DayOutcome {
  date: string;
  action: DayAction;
  tasksAdded: number;
  tasksRemoved: number;
}

export interface ImportOutcome {
  report: ImportReport;
  days: DayOutcome[];
  tasksAdded: number;
}

/** The journal as an import sees it. */
export function existingDaysOf(journal: Journal) {
  return { tasksOn: (date: string) => journal.tasks.listByDate(date) };
}

function toTaskInput(date: string, task: DayPlan['tasks'][number]) {
  return {
    workDate: date,
    title: task.title,
    humanSeconds: task.humanSeconds,
    agentSeconds: task.agentSeconds,
    supervisionSeconds: task.supervisionSeconds,
    tokens: task.tokens,
  };
}

function writeDay(journal: Journal, day: DayPlan, mode: ConflictMode | undefined): DayOutcome {
  const none = { date: day.date, tasksAdded: 0, tasksRemoved: 0 };
  if (day.status === 'duplicate') return { ...none, action: 'unchanged' };
  if (day.status === 'conflict' && mode === 'skip') return { ...none, action: 'skipped' };
  const record = journal.days.get(day.date);
  let removed = 0;
  let tasks = day.tasks;
  if (day.status === 'conflict' && mode === 'replace') {
    removed = journal.tasks.delete(journal.tasks.listByDate(day.date).map((task) => task.id)).length;
  } else if (day.status === 'conflict') {
    // Merge: rows the day already holds (same title and figures) are not added twice.
    const remaining = journal.tasks.listByDate(day.date).map(taskKey);
    tasks = day.tasks.filter((task) => {
      const at = remaining.indexOf(taskKey(task));
      if (at === -1) return true;
      remaining.splice(at, 1);
      return false;
    });
  }
  journal.tasks.createMany(tasks.map((task) => toTaskInput(day.date, task)));
  const merging = day.status === 'conflict' && mode === 'merge';
  journal.days.update(day.date, {
    intro: merging && record.intro !== '' ? record.intro : day.intro,
    analysis: merging && record.analysis !== '' ? record.analysis : day.analysis,
    dayTokens: merging && record.dayTokens !== null ? record.dayTokens : day.dayTokens,
  });
  const action: DayAction = day.status === 'new' ? 'created' : mode === 'replace' ? 'replaced' : 'merged';
  return { date: day.date, action, tasksAdded: tasks.length, tasksRemoved: removed };
}

/**
 * Plans and writes posts already read, in one transaction: every day or none. Refuses while the
 * plan has errors, and while a day holds other tasks and no mode says what to do with it.
 */
export function commitPosts(journal: Journal, posts: readonly ParsedPost[], options: ReadPostsOptions & { mode?: ConflictMode | undefined } = {}): ImportOutcome {
  return writeTransaction(journal.db, () => {
    const report = planPosts(posts, existingDaysOf(journal), options);
    if (report.errors.length > 0) throw new JournalError('IMPORT_FAILED', `Nothing imported: ${report.errors.join(' ')}`);
    const conflicts = report.days.filter((day) => day.status === 'conflict');
    if (conflicts.length > 0 && options.mode === undefined) {
      const list = conflicts.map((day) => `${day.date} (${day.existingTaskCount} other task(s))`).join(', ');
      throw new JournalError('IMPORT_FAILED', `Nothing imported: ${list} already hold other tasks; choose merge or replace.`);
    }
    const days = report.days.map((day) => writeDay(journal, day, options.mode));
    return { report, days, tasksAdded: days.reduce((sum, day) => sum + day.tasksAdded, 0) };
  });
}

/**
 * Reads a file's posts (outside the transaction: parsing never holds the write lock), then writes
 * them with commitPosts.
 */
export function commitImport(journal: Journal, text: string, options: ReadPostsOptions & { mode?: ConflictMode | undefined } = {}): ImportOutcome {
  return commitPosts(journal, readPosts(text, options), options);
}
