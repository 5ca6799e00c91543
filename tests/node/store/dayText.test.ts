import { describe, expect, it } from 'vitest';
import { Journal } from '../../../src/core/journal.ts';

describe('saving a day text field typed in a window', () => {
  it('saves over the base it started from without a conflict', () => {
    const journal = Journal.open(':memory:');
    const first = journal.days.saveText('2026-03-01', 'intro', 'Hello', '');
    expect(first).toMatchObject({ day: { intro: 'Hello' }, conflict: null });
    expect(journal.days.saveText('2026-03-01', 'intro', 'Hello there', 'Hello').conflict).toBeNull();
    expect(journal.conflicts.open('day')).toEqual([]);
  });

  it('keeps both versions when another writer changed the field since the base', () => {
    const journal = Journal.open(':memory:');
    journal.days.update('2026-03-01', { intro: 'From the CLI', analysis: 'untouched' });
    const { day, conflict } = journal.days.saveText('2026-03-01', 'intro', 'From the window', '');
    expect(day).toMatchObject({ intro: 'From the window', analysis: 'untouched' });
    expect(conflict).toMatchObject({ entity: 'day', key: '2026-03-01', field: 'intro', base: '', local: 'From the window', remote: 'From the CLI', resolvedAt: null });
    expect(journal.conflicts.open('day', '2026-03-01')).toHaveLength(1);
  });

  it('records no conflict when the other writer wrote the same text', () => {
    const journal = Journal.open(':memory:');
    journal.days.update('2026-03-01', { analysis: 'Same words' });
    expect(journal.days.saveText('2026-03-01', 'analysis', 'Same words', '').conflict).toBeNull();
  });

  it('resolves by keeping this window’s text or taking the other', () => {
    const journal = Journal.open(':memory:');
    journal.days.update('2026-03-01', { intro: 'Theirs' });
    const first = journal.days.saveText('2026-03-01', 'intro', 'Mine', '').conflict;
    expect(journal.days.resolveConflict(first?.id ?? 0, 'remote').intro).toBe('Theirs');
    journal.days.update('2026-03-02', { intro: 'Theirs' });
    const second = journal.days.saveText('2026-03-02', 'intro', 'Mine', '').conflict;
    expect(journal.days.resolveConflict(second?.id ?? 0, 'local').intro).toBe('Mine');
    expect(journal.conflicts.open('day')).toEqual([]);
    expect(() => journal.days.resolveConflict(999, 'local')).toThrow(/no conflict record 999/);
  });
});
