import { describe, expect, it } from 'vitest';
import { summarize } from '../../../src/shared/metrics/summary.ts';
import { tempJournal } from '../helpers/tempJournal.ts';

const base = { workDate: '2026-03-01', title: 'Write the store', humanSeconds: 8 * 3600, agentSeconds: 12 * 60 };

describe('TaskStore', () => {
  it('creates a task with defaults and reads it back exactly', () => {
    const journal = tempJournal();
    const created = journal.tasks.create({ ...base, humanSeconds: 569_700, agentSeconds: 516, tokens: 400_000, workstream: '  scoring  ' });
    expect(created).toMatchObject({ humanSeconds: 569_700, agentSeconds: 516, tokens: 400_000, workstream: 'scoring', supervisionSeconds: null, notes: '' });
    expect(journal.tasks.get(created.id)).toEqual(created);
  });

  it('rejects bad input with a specific message and writes nothing', () => {
    const journal = tempJournal();
    expect(() => journal.tasks.create({ ...base, title: '  ' })).toThrow(/title is required/);
    expect(() => journal.tasks.create({ ...base, humanSeconds: -1 })).toThrow(/humanSeconds cannot be negative/);
    expect(() => journal.tasks.create({ ...base, workDate: '2026-02-30' })).toThrow(/workDate must be a calendar date/);
    expect(() => journal.tasks.create({ ...base, agentSeconds: 1.5 })).toThrow(/agentSeconds must be whole seconds/);
    expect(() => journal.tasks.create({ ...base, extra: 1 })).toThrow(/Unrecognized key/);
    expect(() => journal.tasks.createMany([base, { ...base, tokens: -5 }])).toThrow(/Task 2: .*tokens cannot be negative/);
    expect(journal.tasks.listByDate('2026-03-01')).toEqual([]);
  });

  it('updates only the fields given', () => {
    const journal = tempJournal();
    const created = journal.tasks.create({ ...base, tokens: 1000, notes: 'keep me' });
    const updated = journal.tasks.update(created.id, { title: 'Renamed' });
    expect(updated).toMatchObject({ title: 'Renamed', tokens: 1000, notes: 'keep me', humanSeconds: base.humanSeconds });
    expect(() => journal.tasks.update(created.id, {})).toThrow(/nothing to change/);
    expect(() => journal.tasks.update(9999, { title: 'x' })).toThrow(/There is no task 9999/);
  });

  it('deletes softly and restores', () => {
    const journal = tempJournal();
    const a = journal.tasks.create(base);
    const b = journal.tasks.create({ ...base, title: 'other' });
    expect(journal.tasks.delete([a.id, 424242])).toEqual([a.id]);
    expect(journal.tasks.listByDate(base.workDate).map((task) => task.id)).toEqual([b.id]);
    expect(journal.metrics.day(base.workDate).taskCount).toBe(1);
    expect(journal.tasks.restore([a.id])).toEqual([a.id]);
    expect(journal.tasks.restore([a.id])).toEqual([]);
    expect(journal.tasks.listByDate(base.workDate).map((task) => task.id)).toEqual([a.id, b.id]);
  });

  it('queries a sorted, filtered window with the total count', () => {
    const journal = tempJournal();
    for (let day = 1; day <= 9; day += 1) {
      journal.tasks.create({ ...base, workDate: `2026-03-0${day}`, title: `Task ${day} 100%_done`, agentSeconds: day * 60, workstream: day % 2 ? 'odd' : 'even' });
    }
    const page = journal.tasks.query({ sort: 'agentSeconds', direction: 'asc', offset: 2, limit: 3 });
    expect(page.total).toBe(9);
    expect(page.rows.map((task) => task.agentSeconds)).toEqual([180, 240, 300]);
    expect(journal.tasks.query({ workstream: 'even' }).total).toBe(4);
    expect(journal.tasks.query({ from: '2026-03-03', to: '2026-03-05' }).total).toBe(3);
    expect(journal.tasks.query({ text: 'task 7' }).rows.map((task) => task.title)).toEqual(['Task 7 100%_done']);
    expect(journal.tasks.query({ text: '%_' }).total).toBe(9);
    expect(journal.tasks.query({ text: '_x' }).total).toBe(0);
    expect(journal.tasks.query({ sort: 'leverage', direction: 'desc', limit: 1 }).rows[0]?.agentSeconds).toBe(60);
  });

  it('lists every task a filter selects, in date order, for exports', () => {
    const journal = tempJournal();
    journal.tasks.create({ ...base, workDate: '2026-03-02', title: 'Scoring CLI', workstream: 'scoring' });
    journal.tasks.create({ ...base, title: 'Scoring docs', workstream: 'docs' });
    journal.tasks.create({ ...base, title: 'Other', workstream: 'scoring' });
    const titles = (filter: Parameters<typeof journal.tasks.listMatching>[0]) => journal.tasks.listMatching(filter).map((task) => task.title);
    expect(titles({})).toEqual(['Scoring docs', 'Other', 'Scoring CLI']);
    expect(titles({ workstream: 'scoring', text: 'scoring' })).toEqual(['Other', 'Scoring CLI']);
    expect(titles({ text: 'cli', from: '2026-03-02' })).toEqual(['Scoring CLI']);
    expect(titles({ to: '2026-03-01', workstream: 'docs' })).toEqual(['Scoring docs']);
  });

  it('keeps per-day totals equal to a recompute from the tasks through inserts, edits, deletes and restores', () => {
    const journal = tempJournal();
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const dates = ['2026-03-01', '2026-03-02', '2026-03-09'];
    const ids: number[] = [];
    for (let step = 0; step < 300; step += 1) {
      const roll = random();
      const id = ids[Math.floor(random() * ids.length)];
      if (roll < 0.5 || id === undefined) {
        ids.push(
          journal.tasks.create({
            workDate: dates[Math.floor(random() * dates.length)] as string,
            title: `t${step}`,
            humanSeconds: Math.floor(random() * 40 * 3600),
            agentSeconds: random() < 0.1 ? 0 : Math.floor(random() * 3 * 3600),
            supervisionSeconds: random() < 0.5 ? null : Math.floor(random() * 600),
            tokens: random() < 0.3 ? null : Math.floor(random() * 1e6),
          }).id,
        );
      } else if (roll < 0.7 && journal.tasks.get(id)) {
        journal.tasks.update(id, random() < 0.5 ? { workDate: dates[Math.floor(random() * dates.length)] as string } : { tokens: null, agentSeconds: 60 });
      } else if (roll < 0.85) {
        journal.tasks.delete([id]);
      } else {
        journal.tasks.restore([id]);
      }
    }
    for (const date of dates) {
      const expected = summarize(journal.tasks.listByDate(date));
      const [point] = journal.metrics.dailySeries({ from: date, to: date });
      if (expected.taskCount === 0) {
        expect(point).toBeUndefined();
        continue;
      }
      expect(point).toMatchObject({
        taskCount: expected.taskCount,
        humanSeconds: expected.humanSeconds,
        agentSeconds: expected.agentSeconds,
        tokens: expected.tokens ?? 0,
        tasksWithTokens: expected.taskCount - expected.tasksWithoutTokens,
      });
      expect(point?.leverage ?? null).toBe(expected.leverage);
      expect(point?.meanLeverage ?? 0).toBeCloseTo(expected.meanLeverage ?? 0, 9);
    }
  });
});

describe('days and settings', () => {
  it('stores day prose and the publication date apart from the work date', () => {
    const journal = tempJournal();
    expect(journal.days.get('2026-03-01')).toMatchObject({ intro: '', publicationDate: null });
    journal.days.update('2026-03-01', { intro: 'Twelve tasks today.', publicationDate: '2026-03-02' });
    journal.days.update('2026-03-01', { analysis: 'It went well.' });
    expect(journal.days.get('2026-03-01')).toMatchObject({ intro: 'Twelve tasks today.', analysis: 'It went well.', publicationDate: '2026-03-02' });
    expect(() => journal.days.update('2026-13-01', { intro: 'x' })).toThrow(/Invalid date/);
    expect(() => journal.days.update('2026-03-01', { publicationDate: 'tomorrow' })).toThrow(/publicationDate/);
  });

  it('validates settings, rejects unknown keys and keeps the rest', () => {
    const journal = tempJournal();
    expect(journal.settings.get().agentLabel).toBe('Claude');
    journal.settings.update({ agentLabel: 'Codex', factorFormat: 'integer' });
    expect(journal.settings.get()).toMatchObject({ agentLabel: 'Codex', factorFormat: 'integer', theme: 'system' });
    expect(() => journal.settings.update({ factorFormat: 'roman' as never })).toThrow(/Invalid settings: factorFormat/);
    expect(() => journal.settings.update({ nope: true } as never)).toThrow(/Unrecognized key/);
    expect(journal.settings.get().agentLabel).toBe('Codex');
  });

  it('falls back to the default for a hand-damaged setting', () => {
    const journal = tempJournal();
    journal.db.prepare("INSERT INTO settings (key, value) VALUES ('theme', '{broken')").run();
    journal.db.prepare("INSERT INTO settings (key, value) VALUES ('backupsToKeep', '-3')").run();
    expect(journal.settings.get()).toMatchObject({ theme: 'system', backupsToKeep: 14 });
  });
});
