import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { AutosavedText, flushEdits, autosavedField, resetAutosavedFields } from '../../src/renderer/src/lib/autosave.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  resetAutosavedFields();
});

/** A save that resolves when the test says so, recording what was sent. */
function pendingSaves() {
  const sent: Array<{ value: string; base: string; done: (ok: boolean) => void }> = [];
  const save = (value: string, base: string) => new Promise<boolean>((resolve) => sent.push({ value, base, done: resolve }));
  return { sent, save };
}

describe('the autosave model', () => {
  test('saves once typing pauses, sending the base the edit started from', async () => {
    const { sent, save } = pendingSaves();
    const field = new AutosavedText(save, 700);
    field.receive('');
    field.type('H');
    field.type('Hi');
    await vi.advanceTimersByTimeAsync(699);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent.map(({ value, base }) => ({ value, base }))).toEqual([{ value: 'Hi', base: '' }]);
    expect(field.state).toBe('saving');
    sent[0]?.done(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(field.state).toBe('saved');
    expect(field.base).toBe('Hi');
  });

  test('an older stored value arriving during or after a save never replaces what was typed', async () => {
    const { sent, save } = pendingSaves();
    const field = new AutosavedText(save, 700);
    field.receive('');
    field.type('An intro');
    const flushing = field.flush();
    // A refetch that read the row before the save lands now: the field keeps the text.
    field.receive('');
    expect(field.value).toBe('An intro');
    field.type('An intro, then more');
    sent[0]?.done(true);
    await flushing;
    field.receive('');
    expect(field.value).toBe('An intro, then more');
    const second = field.flush();
    await vi.advanceTimersByTimeAsync(0);
    sent[1]?.done(true);
    await second;
    expect(sent.map(({ value, base }) => ({ value, base }))).toEqual([
      { value: 'An intro', base: '' },
      { value: 'An intro, then more', base: 'An intro' },
    ]);
  });

  test('a new stored value (another writer) is taken while the field is not being edited', () => {
    const field = new AutosavedText(async () => true, 700);
    field.receive('First');
    field.receive('Changed by the CLI');
    expect(field.value).toBe('Changed by the CLI');
    field.type('Mine');
    field.receive('Changed again elsewhere');
    expect(field.value).toBe('Mine');
    expect(field.base).toBe('Changed by the CLI');
  });

  test('text typed before the stored value arrived is kept and saved over it', async () => {
    const { sent, save } = pendingSaves();
    const field = new AutosavedText(save, 700);
    field.type('Early');
    field.receive('Stored');
    expect(field.value).toBe('Early');
    await vi.advanceTimersByTimeAsync(700);
    expect(sent.map(({ value, base }) => ({ value, base }))).toEqual([{ value: 'Early', base: 'Stored' }]);
  });

  test('a failed save says so and keeps the text for the next try', async () => {
    let ok = false;
    const field = new AutosavedText(async () => ok, 700);
    field.receive('');
    field.type('Keep me');
    await field.flush();
    expect(field.state).toBe('failed');
    expect(field.value).toBe('Keep me');
    ok = true;
    await field.flush();
    expect(field.state).toBe('saved');
  });

  test('flushEdits saves every registered field at once, without waiting for the pause', async () => {
    const saved: string[] = [];
    const save = async (value: string) => {
      saved.push(value);
      return true;
    };
    const intro = autosavedField('day:2026-03-01:intro', save);
    const analysis = autosavedField('day:2026-03-01:analysis', save);
    intro.receive('');
    analysis.receive('');
    intro.type('Intro text');
    analysis.type('Analysis text');
    await flushEdits();
    expect(saved.sort()).toEqual(['Analysis text', 'Intro text']);
  });
});
