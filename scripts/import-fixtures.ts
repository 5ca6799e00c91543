import fs from 'node:fs';
import path from 'node:path';
import { planImport } from '../src/core/import/planImport.ts';
import { detectForm, type PostForm } from '../src/core/import/readPosts.ts';

/**
 * Reads every post fixture (tests/fixtures/import and the seed posts) with the importer and
 * compares it with tests/fixtures/import/expected.json: the rows each must yield, and whether each
 * day's stated aggregates recompute exactly from its rows.
 * `npm run --silent import:fixtures` prints one line per fixture and a total.
 */

const ROOT = path.resolve(import.meta.dirname, '..');
export const FIXTURE_FOLDERS = [path.join(ROOT, 'tests/fixtures/import'), path.join(ROOT, 'tests/fixtures/posts')];
export const EXPECTED_FILE = path.join(ROOT, 'tests/fixtures/import/expected.json');

/** A task row as the expectations write it: title, human hours, agent minutes, supervision minutes, tokens. */
export type ExpectedRow = [string, number, number, number | null, number | null];
export interface ExpectedDay {
  date: string;
  rows: ExpectedRow[];
  /** Every stated aggregate figure agrees with the rows (and the post states at least one). */
  aggregatesExact: boolean;
}
export interface ExpectedFixture {
  /** The --date a copy without a title is given. */
  date?: string;
  form: PostForm;
  days: ExpectedDay[];
  /** Errors the dry run reports (a fixture that is no post). */
  errors?: number;
}

export interface FixtureResult {
  file: string;
  form: PostForm;
  days: ExpectedDay[];
  errors: string[];
  warnings: string[];
}

export function fixtureFiles(): string[] {
  return FIXTURE_FOLDERS.flatMap((folder) =>
    fs.readdirSync(folder).filter((name) => !name.endsWith('.json')).sort().map((name) => path.join(folder, name)),
  );
}

export function readExpected(): Record<string, ExpectedFixture> {
  return JSON.parse(fs.readFileSync(EXPECTED_FILE, 'utf8')) as Record<string, ExpectedFixture>;
}

export function runFixture(file: string, date: string | undefined): FixtureResult {
  const text = fs.readFileSync(file, 'utf8');
  const report = planImport(text, { tasksOn: () => [] }, { fileName: path.basename(file), date: date ?? null });
  return {
    file: path.basename(file),
    form: detectForm(text),
    errors: report.errors,
    warnings: report.warnings,
    days: report.days.map((day) => ({
      date: day.date,
      rows: day.tasks.map((task): ExpectedRow => [
        task.title,
        task.humanSeconds / 3600,
        task.agentSeconds / 60,
        task.supervisionSeconds === null ? null : task.supervisionSeconds / 60,
        task.tokens,
      ]),
      aggregatesExact: Object.keys(day.stated).length > 0 && day.mismatches.length === 0,
    })),
  };
}

/** One line per fixture: form, rows recovered of those expected, days whose aggregates recompute exactly. */
export function fixtureReport(): { lines: string[]; rowsRecovered: number; rowsExpected: number; exactDays: number; days: number; failures: string[] } {
  const expected = readExpected();
  const lines: string[] = [];
  const failures: string[] = [];
  let rowsRecovered = 0;
  let rowsExpected = 0;
  let exactDays = 0;
  let days = 0;
  for (const file of fixtureFiles()) {
    const name = path.basename(file);
    const want = expected[name];
    const got = runFixture(file, want?.date);
    const wantRows = (want?.days ?? []).flatMap((day) => day.rows.map((row) => JSON.stringify([day.date, ...row])));
    const gotRows = got.days.flatMap((day) => day.rows.map((row) => JSON.stringify([day.date, ...row])));
    const recovered = wantRows.filter((row) => gotRows.includes(row)).length;
    const exact = got.days.filter((day) => day.aggregatesExact).length;
    rowsRecovered += recovered;
    rowsExpected += wantRows.length;
    exactDays += exact;
    days += want?.days.length ?? 0;
    if (!want) failures.push(`${name}: no expectation in expected.json`);
    else if (JSON.stringify({ form: got.form, days: got.days }) !== JSON.stringify({ form: want.form, days: want.days }) || got.errors.length !== (want.errors ?? 0)) {
      failures.push(`${name}: read differs from expected.json`);
    }
    lines.push(`${name.padEnd(34)} ${got.form.padEnd(8)} rows ${recovered}/${wantRows.length}  days with exact aggregates ${exact}/${got.days.length}${got.errors.length > 0 ? `  (${got.errors.length} error(s))` : ''}`);
  }
  lines.push(`total: ${rowsRecovered}/${rowsExpected} rows recovered; ${exactDays} of ${days} days recompute their stated aggregates exactly`);
  return { lines, rowsRecovered, rowsExpected, exactDays, days, failures };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  if (process.argv[2] === '--write-expected') {
    // Used once per new fixture, after checking its rows by hand: records what the importer reads.
    const expected = readExpected();
    for (const file of fixtureFiles()) {
      const name = path.basename(file);
      const got = runFixture(file, expected[name]?.date ?? process.argv[3]);
      expected[name] = { ...(expected[name]?.date ?? process.argv[3] ? { date: expected[name]?.date ?? process.argv[3] } : {}), form: got.form, days: got.days, ...(got.errors.length > 0 ? { errors: got.errors.length } : {}) };
    }
    fs.writeFileSync(EXPECTED_FILE, `${JSON.stringify(expected, null, 1)}\n`);
  }
  const { lines, failures } = fixtureReport();
  process.stdout.write(`${lines.join('\n')}\n`);
  for (const failure of failures) process.stdout.write(`FAIL ${failure}\n`);
  process.exitCode = failures.length > 0 ? 1 : 0;
}
