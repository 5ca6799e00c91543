import Papa from 'papaparse';
import { z } from 'zod';
import { dayRecordSchema, type DayRecord } from '../../shared/domain/day.ts';
import { describeIssues, taskInputSchema, type NewTask, type Task } from '../../shared/domain/task.ts';
import { JournalError } from '../errors.ts';
import type { Journal } from '../journal.ts';
import type { TaskFilter } from '../store/taskStore.ts';
import { writeTransaction } from '../store/database.ts';

import type { DataFormat } from './dataFormats.ts';

export { DATA_FORMATS, type DataFormat } from './dataFormats.ts';

/** CSV columns. The *_seconds columns are exact; hours, minutes and leverage are there for spreadsheets and ignored on import. */
export const CSV_COLUMNS = [
  'work_date',
  'title',
  'workstream',
  'human_seconds',
  'agent_seconds',
  'supervision_seconds',
  'tokens',
  'model',
  'notes',
  'human_hours',
  'agent_minutes',
  'leverage',
] as const;

const JSON_FORMAT_NAME = 'leverage-journal';
const JSON_FORMAT_VERSION = 1;

/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a cell that starts with = + - @, a tab, a
 * carriage return or a line feed (or their fullwidth forms, which some spreadsheets fold to ASCII)
 * is run as a formula. Such a cell, after any run of leading apostrophes, gets one more apostrophe
 * in front; import takes exactly one back off, so import is the exact inverse of export for every
 * text, including text that itself starts with an apostrophe. Applied to every cell of every column
 * (papaparse's escapeFormulae skipped cells it quoted for a line break, and import only undid it in
 * two columns).
 */
const FORMULA_TRIGGER = String.raw`[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]`;
const NEEDS_ESCAPE = new RegExp(`^'*${FORMULA_TRIGGER}`);
const ESCAPED = new RegExp(`^'+${FORMULA_TRIGGER}`);

export function escapeCsvCell(value: string): string {
  return NEEDS_ESCAPE.test(value) ? `'${value}` : value;
}

export function unescapeCsvCell(value: string): string {
  return ESCAPED.test(value) ? value.slice(1) : value;
}

export function tasksToCsv(tasks: readonly Task[]): string {
  const rows = tasks.map((task) => ({
    work_date: task.workDate,
    title: task.title,
    workstream: task.workstream ?? '',
    human_seconds: task.humanSeconds,
    agent_seconds: task.agentSeconds,
    supervision_seconds: task.supervisionSeconds ?? '',
    tokens: task.tokens ?? '',
    model: task.model ?? '',
    notes: task.notes,
    human_hours: task.humanSeconds / 3600,
    agent_minutes: task.agentSeconds / 60,
    leverage: task.agentSeconds > 0 ? task.humanSeconds / task.agentSeconds : '',
  }));
  const data = rows.map((row) => CSV_COLUMNS.map((column) => escapeCsvCell(String(row[column]))));
  return `${Papa.unparse({ fields: [...CSV_COLUMNS], data }, { newline: '\n', escapeFormulae: false })}\n`;
}

export function toJsonExport(tasks: readonly Task[], days: readonly DayRecord[]): string {
  const body = {
    format: JSON_FORMAT_NAME,
    version: JSON_FORMAT_VERSION,
    exportedAt: new Date().toISOString(),
    tasks: tasks.map(({ id: _id, createdAt: _created, updatedAt: _updated, ...task }) => task),
    days,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

export interface ParsedData {
  tasks: NewTask[];
  days: DayRecord[];
}

function optionalNumber(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null;
  return Number(value);
}

function optionalText(value: string | undefined): string | null {
  return value === undefined || value.trim() === '' ? null : value;
}

export function parseCsv(text: string): ParsedData {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  const missing = ['work_date', 'title', 'human_seconds', 'agent_seconds'].filter((column) => !parsed.meta.fields?.includes(column));
  if (missing.length > 0) throw new JournalError('IMPORT_FAILED', `CSV header is missing the column(s) ${missing.join(', ')} (line 1).`);
  // Short rows (optional trailing cells left off) are fine; anything else is reported with its row.
  const fatal = parsed.errors.find((error) => error.code !== 'TooFewFields' && error.code !== 'UndetectableDelimiter');
  if (fatal) {
    throw new JournalError('IMPORT_FAILED', `CSV row ${(fatal.row ?? 0) + 1} (line ${(fatal.row ?? 0) + 2}): ${fatal.message}`);
  }
  const tasks = parsed.data.map((raw, index) => {
    const row = Object.fromEntries(Object.entries(raw).map(([column, value]) => [column, typeof value === 'string' ? unescapeCsvCell(value) : value]));
    const candidate = {
      workDate: row.work_date ?? '',
      title: row.title ?? '',
      workstream: optionalText(row.workstream),
      humanSeconds: optionalNumber(row.human_seconds),
      agentSeconds: optionalNumber(row.agent_seconds),
      supervisionSeconds: optionalNumber(row.supervision_seconds),
      tokens: optionalNumber(row.tokens),
      model: optionalText(row.model),
      notes: row.notes ?? '',
    };
    const result = taskInputSchema.safeParse(candidate);
    if (!result.success) {
      throw new JournalError('IMPORT_FAILED', `CSV row ${index + 1} (line ${index + 2}): ${describeIssues(result.error)}`);
    }
    return result.data;
  });
  return { tasks, days: [] };
}

const jsonExportSchema = z.object({
  format: z.literal(JSON_FORMAT_NAME, { error: `is not "${JSON_FORMAT_NAME}"` }),
  version: z.literal(JSON_FORMAT_VERSION, { error: `must be ${JSON_FORMAT_VERSION}` }),
  tasks: z.array(z.unknown()),
  days: z.array(dayRecordSchema).default([]),
});

export function parseJson(text: string): ParsedData {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new JournalError('IMPORT_FAILED', `Not valid JSON: ${(error as Error).message}`);
  }
  const body = jsonExportSchema.safeParse(raw);
  if (!body.success) throw new JournalError('IMPORT_FAILED', `Not a Leverage Journal export: ${describeIssues(body.error)}`);
  const tasks = body.data.tasks.map((task, index) => {
    const result = taskInputSchema.safeParse(task);
    if (!result.success) throw new JournalError('IMPORT_FAILED', `tasks[${index}]: ${describeIssues(result.error)}`);
    return result.data;
  });
  return { tasks, days: body.data.days };
}

export function parseData(text: string, format: DataFormat): ParsedData {
  return format === 'csv' ? parseCsv(text) : parseJson(text);
}

export function detectFormat(fileName: string, text: string): DataFormat {
  if (fileName.toLowerCase().endsWith('.json')) return 'json';
  if (fileName.toLowerCase().endsWith('.csv')) return 'csv';
  return text.trimStart().startsWith('{') ? 'json' : 'csv';
}

/** Parses everything first, then writes it all in one transaction: a bad row writes nothing. */
export function importData(journal: Journal, text: string, format: DataFormat): { tasks: number; days: number } {
  const data = parseData(text, format);
  writeTransaction(journal.db, () => {
    journal.tasks.createMany(data.tasks);
    for (const day of data.days) {
      const { workDate, ...patch } = day;
      journal.days.update(workDate, patch);
    }
  });
  return { tasks: data.tasks.length, days: data.days.length };
}

/** The tasks a filter selects (all of them without one) in the app's own CSV or JSON format. */
export function exportData(journal: Journal, format: DataFormat, filter: TaskFilter = {}): string {
  const tasks = journal.tasks.listMatching(filter);
  if (format === 'csv') return tasksToCsv(tasks);
  const dates = [...new Set(tasks.map((task) => task.workDate))];
  const days = dates.map((date) => journal.days.get(date)).filter((day) => day.intro || day.analysis || day.publicationDate || day.dayTokens !== null);
  return toJsonExport(tasks, days);
}
