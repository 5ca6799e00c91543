import { describe, expect, it } from 'vitest';
import { planImport, type DayPlan } from '../../../src/core/import/planImport.ts';
import { readPosts } from '../../../src/core/import/readPosts.ts';
import { EMPTY, importFixture } from './fixtures.ts';

function onlyDay(name: string): DayPlan {
  const report = planImport(importFixture(name), EMPTY, { fileName: name });
  expect(report.errors).toEqual([]);
  expect(report.warnings).toEqual([]);
  expect(report.days).toHaveLength(1);
  return report.days[0]!;
}

const h = 3600;
const m = 60;

describe('column eras and unit styles', () => {
  it('markdown with a # column, Claude Time and Tokens: "120 hours", "~1,495,000", "1,800x", a blank token cell', () => {
    const day = onlyDay('era-tokens-indexed.md');
    expect(day.date).toBe('2026-03-03');
    expect(day.tasks.map((task) => [task.title, task.humanSeconds, task.agentSeconds, task.tokens, task.statedFactor?.value])).toEqual([
      ['Rewrite the billing service (3 modules, 40 tests)', 120 * h, 4 * m, 1_495_000, 1800],
      ['Fix the flaky upload test', 1.5 * h, 25 * m, 400_000, 3.6],
      ['Write the operator docs', 8 * h, 30 * m, null, 16],
    ]);
    expect(day.intro).toBe('Three tasks today: a billing rewrite that compressed dramatically, a flaky test, and documentation.');
    expect(day.analysis).toBe('The billing rewrite was almost pure generation.\n\nThe flaky test was the opposite: waiting on CI.');
  });

  it('copied text, Task | Human Est. | Claude | Leverage: "1.5 hours", "30m", "8.6m", "40 min", title "April 02, 2026"', () => {
    const day = onlyDay('era-plain.txt');
    expect(day.date).toBe('2026-04-02');
    expect(day.tasks.map((task) => [task.title, task.humanSeconds, task.agentSeconds, task.tokens])).toEqual([
      ['Migrate CI to the new runners', 1.5 * h, 30 * m, null],
      ['Tune database indexes', 2 * h, 516, null],
      ['Triage 14 support tickets', 6 * h, 40 * m, null],
    ]);
    expect(day.summary.agentSeconds / 60).toBeCloseTo(78.6, 10);
  });

  it('markdown Supv. | LF | SLF: "65.0h", "1440.0x", supervision and the supervisory factor', () => {
    const day = onlyDay('era-supervision.md');
    expect(day.tasks.map((task) => [task.humanSeconds, task.agentSeconds, task.supervisionSeconds, task.statedFactor, task.statedSupervisoryFactor])).toEqual([
      [65 * h, 10 * m, 5 * m, { value: 390, decimals: 1 }, { value: 780, decimals: 1 }],
      [24 * h, 1 * m, 2 * m, { value: 1440, decimals: 1 }, { value: 720, decimals: 1 }],
    ]);
    expect(day.summary.supervisionSeconds).toBe(7 * m);
    expect(day.stated.supervisoryLeverage).toEqual({ value: 762.9, decimals: 1 });
  });

  it('copied text with a # column and Sup. | Factor | Sup. Factor (a title containing a number)', () => {
    const day = onlyDay('era-sup-factor.txt');
    expect(day.tasks.map((task) => [task.title, task.humanSeconds, task.agentSeconds, task.supervisionSeconds, task.statedFactor?.value, task.statedSupervisoryFactor?.value])).toEqual([
      ['Add export to CSV', 4 * h, 12 * m, 3 * m, 20, 80],
      ['Refactor 3 modules', 16 * h, 20 * m, 10 * m, 48, 96],
    ]);
  });

  it('a Weeks column (human hours ÷ 40) in place of supervision', () => {
    const day = onlyDay('era-weeks.md');
    expect(day.tasks.map((task) => [task.humanSeconds, task.statedWeeks, task.supervisionSeconds])).toEqual([
      [80 * h, 2, null],
      [10 * h, 0.25, null],
    ]);
  });

  it('a day that gives tokens only as a day total keeps it, marked as a day-level total', () => {
    const day = onlyDay('day-total-tokens.txt');
    expect(day.dayTokens).toBe(867_500);
    expect(day.summary.tokens).toBe(867_500);
    expect(day.summary.tokensFromDayTotal).toBe(true);
  });

  it('several posts in one file', () => {
    const report = planImport(importFixture('two-posts.md'), EMPTY, { fileName: 'two-posts.md' });
    expect(report.days.map((day) => [day.date, day.tasks.length])).toEqual([
      ['2026-03-11', 1],
      ['2026-03-12', 2],
    ]);
    expect(report.warnings).toEqual([]);
  });

  it('the same post as markdown and as copied text reads to the same tasks', () => {
    const markdown = readPosts(importFixture('era-tokens-indexed.md'), { fileName: 'a.md' })[0]!;
    const flattened = [
      'Leverage Record: March 3, 2026',
      '# Task Human Est. Claude Time Tokens Leverage',
      '1 Rewrite the billing service (3 modules, 40 tests) 120 hours 4min ~1,495,000 1,800x',
      '2 Fix the flaky upload test 1.5h 25min 400k 3.6x',
      '3 Write the operator docs 8h 30min 16x',
    ].join('\n');
    const text = readPosts(flattened, { fileName: 'a.txt' })[0]!;
    const strip = (tasks: typeof text.tasks) => tasks.map(({ line: _line, ...task }) => task);
    expect(strip(text.tasks)).toEqual(strip(markdown.tasks));
  });
});

describe('problems are reported, never fixed', () => {
  it('a row whose stated factor disagrees with its numbers keeps its numbers and is listed', () => {
    const report = planImport(importFixture('factor-mismatch.md'), EMPTY, { fileName: 'factor-mismatch.md' });
    const day = report.days[0]!;
    expect(day.tasks[0]).toMatchObject({ humanSeconds: 10 * h, agentSeconds: 20 * m, statedFactor: { value: 50, decimals: 0 }, computedFactor: 30 });
    expect(day.mismatches).toEqual(['line 5: "Rebuild the dashboard" states 50x but its numbers give 30.0x']);
    expect(report.warnings).toEqual(['2026-03-09: line 5: "Rebuild the dashboard" states 50x but its numbers give 30.0x']);
  });

  it('a stated aggregate that disagrees is listed', () => {
    const text = importFixture('era-weeks.md').replace('| Total human-equivalent hours | 90h |', '| Total human-equivalent hours | 95h |');
    const report = planImport(text, EMPTY, { fileName: 'x.md' });
    expect(report.days[0]!.mismatches).toEqual(['human-equivalent hours: the post states 95h but its rows give 90h']);
  });

  it('a copy cut off mid-table imports the complete rows and lists the cut line', () => {
    const report = planImport(importFixture('cut-off.txt'), EMPTY, { fileName: 'cut-off.txt' });
    expect(report.errors).toEqual([]);
    const day = report.days[0]!;
    expect(day.tasks.map((task) => task.title)).toEqual(['Desktop application Phase 1 implementation', 'Design document for desktop application']);
    expect(day.unparsed).toEqual([{ line: 8, text: 'Compile institution and certification reference data with 6h 33', reason: expect.any(String) }]);
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toContain('line 8 not imported');
  });

  it('a markdown row cut off mid-row is unparsed, not imported with missing cells', () => {
    const text = `${importFixture('two-posts.md').trimEnd()}\n| Cut row | 4h | 10`;
    const day = planImport(text, EMPTY, { fileName: 'x.md' }).days[1]!;
    expect(day.tasks).toHaveLength(2);
    expect(day.unparsed.map((entry) => entry.text)).toEqual(['| Cut row | 4h | 10']);
  });

  it('a pasted copy without its title takes the date it is given, and asks for one otherwise', () => {
    const text = importFixture('pasted-no-title.txt');
    const undated = planImport(text, EMPTY, { fileName: 'pasted-no-title.txt' });
    expect(undated.days).toEqual([]);
    expect(undated.errors).toEqual(['pasted-no-title.txt: the post has no "Leverage Record: <date>" title; give its date (--date YYYY-MM-DD).']);
    const dated = planImport(text, EMPTY, { fileName: 'pasted-no-title.txt', date: '2026-03-02' });
    expect(dated.errors).toEqual([]);
    expect(dated.warnings).toEqual([]);
    expect(dated.days.map((day) => [day.date, day.tasks.length, day.summary.tokens])).toEqual([['2026-03-02', 2, 120_000]]);
  });

  it('garbage input is refused with a clear error', () => {
    expect(planImport(importFixture('garbage.txt'), EMPTY, { fileName: 'garbage.txt' }).errors).toEqual([
      'garbage.txt holds no Leverage Record task table (expected a header such as "Task | Human Est. | Claude Time | Tokens | Leverage").',
    ]);
    expect(planImport('  \n', EMPTY, { fileName: 'empty.md' }).errors).toEqual(['empty.md is empty.']);
    expect(planImport('# Leverage Record: March 32, 2026\n\n| Task | Human Est. | Claude | Leverage |\n|---|---|---|---|\n| A | 1h | 1min | 60x |', EMPTY, { fileName: 'x.md' }).errors).toEqual([
      'x.md: "Leverage Record: March 32, 2026" does not name a calendar date.',
    ]);
  });
});
