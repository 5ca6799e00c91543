import { afterEach, describe, expect, it } from 'vitest';
import type { Journal } from '../../../src/core/journal.ts';
import { dayRevision, exportDay, publishDay } from '../../../src/core/publishing/publishDay.ts';
import { openSeededJournal } from './seedJournal.ts';

let journal: Journal | null = null;
afterEach(() => journal?.close());

const DATE = '2026-03-01';

describe('revisions of a published day', () => {
  it('a day never published has nothing to compare with', () => {
    journal = openSeededJournal().journal;
    expect(dayRevision(journal, DATE)).toMatchObject({ published: false, changed: false });
  });

  it('publishing stores a snapshot; an unchanged day shows no diff and no note', () => {
    journal = openSeededJournal().journal;
    const published = publishDay(journal, DATE, { on: '2026-03-02' });
    expect(published.snapshotId).toBeGreaterThan(0);
    expect(journal.days.get(DATE).publicationDate).toBe('2026-03-02');
    const revision = dayRevision(journal, DATE);
    expect(revision).toMatchObject({ published: true, changed: false, snapshotId: published.snapshotId });
    expect(exportDay(journal, DATE, { on: '2026-03-03' }).note).toBeNull();
  });

  it('a revised day shows its diff of tasks and figures, and the next export notes the revision', () => {
    journal = openSeededJournal().journal;
    publishDay(journal, DATE, { on: '2026-03-02' });
    const tasks = journal.tasks.listByDate(DATE);
    const slowest = tasks.find((task) => task.agentSeconds === 180 * 60);
    const patent = tasks.find((task) => task.title.startsWith('Patent'));
    if (!slowest || !patent) throw new Error('seed tasks missing');
    journal.tasks.update(slowest.id, { agentSeconds: 120 * 60 }); // 8h in 120 min
    journal.tasks.delete([patent.id]);
    const added = journal.tasks.create({ workDate: DATE, title: 'Late entry', humanSeconds: 4 * 3600, agentSeconds: 10 * 60 });
    journal.days.update(DATE, { analysis: 'Corrected.' });

    const revision = dayRevision(journal, DATE);
    expect(revision.changed).toBe(true);
    expect(revision.tasks.added.map((task) => task.id)).toEqual([added.id]);
    expect(revision.tasks.removed.map((task) => task.id)).toEqual([patent.id]);
    expect(revision.tasks.changed).toEqual([{ id: slowest.id, title: slowest.title, changes: [{ field: 'agentSeconds', before: 10800, after: 7200 }] }]);
    expect(revision.analysisChanged).toBe(true);
    // 204 - 40 + 4 = 168h over 503 - 45 - 60 + 10 = 408 min.
    const byFigure = Object.fromEntries(revision.figures.map((entry) => [entry.figure, [entry.beforeText, entry.afterText]]));
    expect(byFigure).toMatchObject({ humanHours: ['204h', '168h'], agentMinutes: ['503min', '408min'], leverage: ['24.3x', '24.7x'] });
    expect(byFigure.taskCount).toBeUndefined(); // 12 → 12: unchanged figures are not listed

    const next = exportDay(journal, DATE, { on: '2026-03-04' });
    expect(next.note).toBe('_Revised on March 4, 2026: one task added, one task removed, one task corrected and text edited; weighted leverage 24.3x → 24.7x._');
    expect(next.markdown.trimEnd().endsWith(next.note ?? '')).toBe(true);

    // Publishing again makes the revised day the new baseline.
    publishDay(journal, DATE, { on: '2026-03-04' });
    expect(dayRevision(journal, DATE).changed).toBe(false);
  });

  it('exports with a redaction profile without altering the stored tasks', () => {
    journal = openSeededJournal().journal;
    journal.settings.update({
      redactionProfiles: [{ name: 'public', aliases: [{ from: 'Electron', to: 'desktop' }, { from: 'SQLite', to: 'embedded database' }] }],
      activeRedactionProfile: 'public',
    });
    const exported = exportDay(journal, DATE);
    expect(exported.profile).toBe('public');
    expect(exported.markdown).not.toMatch(/Electron|SQLite/);
    expect(exported.replacements.map((entry) => entry.original)).toEqual(['Electron', 'SQLite']);
    expect(journal.tasks.listByDate(DATE).some((task) => task.title.includes('Electron scaffolding'))).toBe(true);
    expect(exportDay(journal, DATE, { profile: null }).markdown).toContain('Electron');
    expect(() => exportDay(journal as Journal, DATE, { profile: 'missing' })).toThrow(/no redaction profile "missing"/);

    // A name the Task Log escapes (AT&T → AT&amp;T) is still replaced there, and found if left.
    journal.tasks.create({ workDate: DATE, title: 'Billing export for AT&T', humanSeconds: 3600, agentSeconds: 60 });
    journal.settings.update({ redactionProfiles: [{ name: 'public', aliases: [{ from: 'AT&T', to: 'a carrier' }] }] });
    const escaped = exportDay(journal, DATE);
    expect(escaped.markdown).toContain('Billing export for a carrier');
    expect(escaped.leaks).toEqual([]);
    journal.settings.update({ redactionProfiles: [{ name: 'public', aliases: [{ from: 'T&T', to: 'x' }] }] });
    expect(exportDay(journal, DATE).leaks.map((leak) => leak.found)).toEqual(['T&amp;T']);
  });
});
