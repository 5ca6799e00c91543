import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitImport, existingDaysOf } from '../../../src/core/import/commitImport.ts';
import { planImport } from '../../../src/core/import/planImport.ts';
import { JournalError } from '../../../src/core/errors.ts';
import type { Journal } from '../../../src/core/journal.ts';
import { leverage } from '../cli/runCli.ts';
import { tempFolder, tempJournal } from '../helpers/tempJournal.ts';
import { IMPORT_FIXTURES, importFixture, POSTS, seedPost } from './fixtures.ts';

function snapshot(journal: Journal) {
  return journal.db.prepare('SELECT * FROM tasks ORDER BY id').all().concat(journal.db.prepare('SELECT * FROM days ORDER BY work_date').all());
}

describe('committing an import', () => {
  it('writes the tasks and the day prose; the journal then shows the published figures', () => {
    const journal = tempJournal();
    const outcome = commitImport(journal, seedPost('2026-03-01'), { fileName: 'march-1.txt' });
    expect(outcome.days).toEqual([{ date: '2026-03-01', action: 'created', tasksAdded: 12, tasksRemoved: 0 }]);
    const day = journal.metrics.day('2026-03-01');
    expect([day.taskCount, day.humanSeconds / 3600, day.agentSeconds / 60, day.tokens]).toEqual([12, 204, 503, 2_620_000]);
    expect(journal.days.get('2026-03-01').intro).toMatch(/^Twelve tasks today/);
    expect(journal.days.get('2026-03-01').analysis).toMatch(/^The desktop application dominated/);
  });

  it('importing the same post twice changes nothing', () => {
    const journal = tempJournal();
    commitImport(journal, seedPost('2026-02-28'), { fileName: 'a.txt' });
    const before = snapshot(journal);
    expect(planImport(seedPost('2026-02-28'), existingDaysOf(journal)).days[0]?.status).toBe('duplicate');
    const again = commitImport(journal, seedPost('2026-02-28'), { fileName: 'a.txt' });
    expect(again.days).toEqual([{ date: '2026-02-28', action: 'unchanged', tasksAdded: 0, tasksRemoved: 0 }]);
    expect(snapshot(journal)).toEqual(before);
  });

  it('a day that already holds other tasks needs merge or replace; without one nothing is written', () => {
    const journal = tempJournal();
    const mine = journal.tasks.create({ workDate: '2026-03-01', title: 'My own task', humanSeconds: 3600, agentSeconds: 600 });
    expect(planImport(seedPost('2026-03-01'), existingDaysOf(journal)).days[0]).toMatchObject({ status: 'conflict', existingTaskCount: 1 });
    expect(() => commitImport(journal, seedPost('2026-03-01'))).toThrow(/2026-03-01 \(1 other task\(s\)\) already hold other tasks; choose merge or replace/);
    expect(journal.tasks.listByDate('2026-03-01')).toHaveLength(1);

    const skipped = commitImport(journal, seedPost('2026-03-01'), { mode: 'skip' });
    expect(skipped.days[0]?.action).toBe('skipped');
    expect(journal.tasks.listByDate('2026-03-01')).toHaveLength(1);

    const merged = commitImport(journal, seedPost('2026-03-01'), { mode: 'merge' });
    expect(merged.days[0]).toMatchObject({ action: 'merged', tasksAdded: 12 });
    expect(journal.tasks.listByDate('2026-03-01')).toHaveLength(13);
    // Merging again adds nothing: rows the day already holds are recognised.
    expect(commitImport(journal, seedPost('2026-03-01'), { mode: 'merge' }).days[0]?.tasksAdded).toBe(0);

    const replaced = commitImport(journal, seedPost('2026-03-01').replace('40h 25min 400k 96x', '40h 20min 400k 120x'), { mode: 'replace' });
    expect(replaced.days[0]).toMatchObject({ action: 'replaced', tasksAdded: 12, tasksRemoved: 13 });
    expect(journal.tasks.listByDate('2026-03-01').map((task) => task.title)).not.toContain('My own task');
    expect(journal.tasks.restore([mine.id])).toEqual([mine.id]);
  });

  it('garbage input: a clear error and nothing written', () => {
    const journal = tempJournal();
    const before = snapshot(journal);
    expect(() => commitImport(journal, importFixture('garbage.txt'), { fileName: 'garbage.txt' })).toThrow(JournalError);
    expect(() => commitImport(journal, importFixture('garbage.txt'), { fileName: 'garbage.txt' })).toThrow(/Nothing imported: garbage.txt holds no Leverage Record task table/);
    expect(snapshot(journal)).toEqual(before);
  });

  it('a file with one good post and one that is not dated writes neither', () => {
    const journal = tempJournal();
    const bad = importFixture('two-posts.md').split('# Leverage Record: March 12, 2026')[1];
    const text = `${importFixture('two-posts.md')}\n# Leverage Record: March 32, 2026${bad}`;
    expect(() => commitImport(journal, text, { fileName: 'mixed.md' })).toThrow(/Nothing imported/);
    expect(snapshot(journal)).toEqual([]);
  });

  it('a day-level token total is kept on the day and used in its figures', () => {
    const journal = tempJournal();
    commitImport(journal, importFixture('day-total-tokens.txt'), { fileName: 'day-total-tokens.txt' });
    expect(journal.days.get('2026-03-08').dayTokens).toBe(867_500);
    const day = journal.metrics.day('2026-03-08');
    expect([day.tokens, day.tokensFromDayTotal]).toEqual([867_500, true]);
  });

  it('a row whose stated factor disagrees is imported with its own numbers', () => {
    const journal = tempJournal();
    commitImport(journal, importFixture('factor-mismatch.md'), { fileName: 'factor-mismatch.md' });
    const [task] = journal.tasks.listByDate('2026-03-09');
    expect([task?.humanSeconds, task?.agentSeconds]).toEqual([36_000, 1200]);
  });
});

describe('leverage import', () => {
  it('--dry-run --json prints the specified shape and writes nothing', async () => {
    const db = path.join(tempFolder(), 'j.db');
    const run = await leverage(db, 'import', path.join(POSTS, 'leverage-record-2026-03-01.txt'), path.join(IMPORT_FIXTURES, 'factor-mismatch.md'), '--dry-run', '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as { days: Record<string, unknown>[]; warnings: string[] };
    expect(Object.keys(output)).toEqual(['days', 'warnings']);
    const [march1] = output.days;
    expect(Object.keys(march1!)).toEqual(['date', 'tasks', 'stats', 'stated']);
    expect(Object.keys(march1!.stats as object)).toEqual(['taskCount', 'humanHours', 'agentMinutes', 'supervisionMinutes', 'tokens', 'tasksWithoutTokens', 'tasksWithoutAgentTime', 'leverage', 'supervisoryLeverage', 'meanLeverage', 'medianLeverage']);
    expect((march1!.tasks as unknown[])[0]).toEqual({
      title: 'Desktop application Phase 1 implementation (Electron scaffolding, engine client, SQLite, IPC, React UI shell, Library and Settings screens)',
      humanHours: 40,
      agentMinutes: 25,
      supervisionMinutes: null,
      tokens: 400_000,
      statedFactor: 96,
      statedSupervisoryFactor: null,
    });
    expect(march1!.stated).toMatchObject({ taskCount: 12, humanHours: 204, agentMinutes: 503, tokens: 2_620_000, leverage: 24.3 });
    expect(output.warnings).toEqual(['2026-03-09: line 5: "Rebuild the dashboard" states 50x but its numbers give 30.0x']);
    const list = await leverage(db, 'list', '--from', '2026-01-01', '--json');
    expect(JSON.parse(list.stdout)).toEqual([]);
  });

  it('imports, recognises a second import, and needs --date for a pasted copy', async () => {
    const db = path.join(tempFolder(), 'j.db');
    const file = path.join(POSTS, 'leverage-record-2026-02-28.txt');
    expect((await leverage(db, 'import', file)).stdout).toBe('2026-02-28: created, 18 task(s) added\n');
    expect((await leverage(db, 'import', file)).stdout).toBe('2026-02-28: unchanged, 0 task(s) added\n');
    const pasted = path.join(IMPORT_FIXTURES, 'pasted-no-title.txt');
    const undated = await leverage(db, 'import', pasted);
    expect(undated.code).toBe(1);
    expect(undated.stderr).toMatch(/give its date \(--date YYYY-MM-DD\)/);
    expect((await leverage(db, 'import', pasted, '--date', '2026-02-27')).stdout).toBe('2026-02-27: created, 2 task(s) added\n');
    const stats = JSON.parse((await leverage(db, 'stats', '--date', '2026-02-28', '--json')).stdout) as { taskCount: number; tasksWithoutTokens: number };
    expect([stats.taskCount, stats.tasksWithoutTokens]).toEqual([18, 2]);
  });
});
