import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../../src/core/journal.ts';
import { computeFacts } from '../../../src/core/publishing/facts.ts';
import { dayRevision, publishDay } from '../../../src/core/publishing/publishDay.ts';
import { openDatabase } from '../../../src/core/store/database.ts';
import { MIGRATIONS } from '../../../src/core/store/migrations.ts';
import { summarize, toStatsJson } from '../../../src/shared/metrics/summary.ts';
import { leverage } from '../cli/runCli.ts';
import { tempFolder, tempJournal } from '../helpers/tempJournal.ts';

const DATE = '2026-03-04';
const task = (id: number, hours: number, minutes: number, workstream: string | null = null) => ({
  id,
  title: `Task ${id}`,
  workstream,
  humanSeconds: hours * 3600,
  agentSeconds: minutes * 60,
  supervisionSeconds: null,
  tokens: null,
});

describe('weighted leverage leaves out tasks without agent time, on both sides', () => {
  it('a 6 h / 8 min task and a 2 h / 0 min task give 45x, not 60x; the task still counts', () => {
    const summary = summarize([task(1, 6, 8, 'a'), task(2, 2, 0, 'a')]);
    expect(summary.leverage).toBe(45);
    expect(summary).toMatchObject({ taskCount: 2, humanSeconds: 8 * 3600, agentSeconds: 8 * 60, tasksWithoutAgentTime: 1 });
    expect(summary.workstreams[0]).toMatchObject({ workstream: 'a', leverage: 45, humanShare: 1 });
    expect(toStatsJson(summary)).toMatchObject({ taskCount: 2, humanHours: 8, tasksWithoutAgentTime: 1, leverage: 45 });
    expect(summarize([task(1, 2, 0)]).leverage).toBeNull();
  });

  it('the per-day and per-week SQL totals follow the same rule through inserts, edits, deletes and restores', () => {
    const journal = tempJournal();
    const base = { workDate: DATE, title: 'x', notes: '' };
    const a = journal.tasks.create({ ...base, humanSeconds: 6 * 3600, agentSeconds: 8 * 60 });
    const b = journal.tasks.create({ ...base, humanSeconds: 2 * 3600, agentSeconds: 0 });
    const series = () => ({ day: journal.metrics.dailySeries({ from: DATE, to: DATE })[0], week: journal.metrics.weeklySeries()[0], all: journal.metrics.cumulative() });
    expect(series()).toMatchObject({ day: { leverage: 45, taskCount: 2, tasksWithoutAgentTime: 1 }, week: { leverage: 45, tasksWithoutAgentTime: 1 }, all: { leverage: 45, taskCount: 2 } });
    journal.tasks.update(b.id, { agentSeconds: 8 * 60 });
    expect(series()).toMatchObject({ day: { leverage: 30, tasksWithoutAgentTime: 0 }, week: { leverage: 30 }, all: { leverage: 30 } });
    journal.tasks.update(a.id, { agentSeconds: 0 });
    expect(series()).toMatchObject({ day: { leverage: 15, tasksWithoutAgentTime: 1 }, week: { leverage: 15 } });
    journal.tasks.delete([b.id]);
    expect(series()).toMatchObject({ day: { leverage: null, taskCount: 1, tasksWithoutAgentTime: 1 }, week: { leverage: null } });
    journal.tasks.restore([b.id]);
    expect(series()).toMatchObject({ day: { leverage: 15 }, week: { leverage: 15 }, all: { leverage: 15 } });
    // The SQL totals agree with the summary of the day's tasks.
    expect(journal.metrics.day(DATE).leverage).toBe(15);
  });

  it('migration 6 fills the new totals of a journal written before it', () => {
    const file = path.join(tempFolder(), 'leverage.db');
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, 5) }).db;
    const insert = old.prepare(
      `INSERT INTO tasks (work_date, title, human_seconds, agent_seconds, created_at, updated_at) VALUES (?, 'x', ?, ?, '2026-03-04T10:00:00Z', '2026-03-04T10:00:00Z')`,
    );
    insert.run(DATE, 6 * 3600, 8 * 60);
    insert.run(DATE, 2 * 3600, 0);
    insert.run('2026-03-05', 1 * 3600, 6 * 60);
    old.close();
    const journal = Journal.open(file);
    try {
      expect(journal.metrics.dailySeries({ from: DATE, to: DATE })[0]?.leverage).toBe(45);
      expect(journal.metrics.weeklySeries()[0]).toMatchObject({ leverage: (7 * 60) / 14, tasksWithoutAgentTime: 1 });
      expect(journal.metrics.cumulative().leverage).toBe((7 * 60) / 14);
    } finally {
      journal.close();
    }
  });

  it('the analysis facts name the tasks without agent time', () => {
    const facts = computeFacts({
      scope: 'day',
      label: DATE,
      tasks: [task(1, 6, 8), task(2, 2, 0)],
      agentLabel: 'Claude',
      factorFormat: 'series',
      previousDay: null,
      previousWeek: null,
      otherPeriods: [],
      largestOtherTask: null,
    });
    const fact = facts.find((entry) => entry.kind === 'without-agent-time');
    expect(fact).toMatchObject({ text: '1 task has no agent time; the leverage figures leave it out.', figures: { tasksWithoutAgentTime: 1, humanHoursWithoutAgentTime: 2 } });
    expect(facts.find((entry) => entry.kind === 'human-weeks')?.figures.leverage).toBe(45);
  });

  it('`add --agent 0` warns on stderr; stats --json counts the task', async () => {
    const db = path.join(tempFolder(), 'leverage.db');
    const first = await leverage(db, 'add', '--date', DATE, '--title', 'Long task', '--human', '6h', '--agent', '8m');
    expect(first.stderr).toBe('');
    const second = await leverage(db, 'add', '--date', DATE, '--title', 'Reading only', '--human', '2h', '--agent', '0');
    expect(second).toMatchObject({ code: 0 });
    expect(second.stderr).toMatch(/^leverage: warning: task \d+ has no agent time; it counts in the task count and human hours, not in the leverage figures\.\n$/);
    const stats = await leverage(db, 'stats', '--date', DATE, '--json');
    expect(JSON.parse(stats.stdout)).toMatchObject({ taskCount: 2, humanHours: 8, agentMinutes: 8, tasksWithoutAgentTime: 1, leverage: 45 });
    const text = await leverage(db, 'stats', '--date', DATE);
    expect(text.stdout).toContain('Weighted leverage:     45x (1 task has no agent time; left out)');
  });

  it('a published day whose figures change only by this rule is not a revision', () => {
    const journal = tempJournal();
    const base = { workDate: DATE, title: 'x', notes: '' };
    journal.tasks.create({ ...base, humanSeconds: 6 * 3600, agentSeconds: 8 * 60 });
    journal.tasks.create({ ...base, humanSeconds: 2 * 3600, agentSeconds: 0 });
    publishDay(journal, DATE);
    // A snapshot published under the old rule (its post said 60x) holds the same tasks: no change.
    journal.db.prepare("UPDATE published_snapshots SET markdown = replace(markdown, '45x', '60x')").run();
    expect(dayRevision(journal, DATE)).toMatchObject({ published: true, changed: false, figures: [] });
  });
});
