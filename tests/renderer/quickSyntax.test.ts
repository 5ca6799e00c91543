import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parseQuickSyntax } from '../../src/shared/quickSyntax.ts';

describe('parseQuickSyntax', () => {
  test('reads the documented example into every field', () => {
    expect(parseQuickSyntax('Refactor scoring pipeline 6h 8m 40k #scoring')).toEqual({
      ok: true,
      task: { title: 'Refactor scoring pipeline', humanSeconds: 21_600, agentSeconds: 480, supervisionSeconds: null, tokens: 40_000, workstream: 'scoring', model: null },
    });
  });

  test('fields may come in any order at the end; a third duration is supervision; @ names the model', () => {
    const parsed = parseQuickSyntax('Port weights #scoring @opus-4.1 1.5h 1h30m 12m ~2.6M');
    expect(parsed.ok && parsed.task).toEqual({ title: 'Port weights', humanSeconds: 5400, agentSeconds: 5400, supervisionSeconds: 720, tokens: 2_600_000, workstream: 'scoring', model: 'opus-4.1' });
  });

  test('lower-case m is minutes and upper-case M is millions of tokens; "tok" marks a plain count', () => {
    const minutes = parseQuickSyntax('Job 2h 8m');
    expect(minutes.ok && minutes.task.agentSeconds).toBe(480);
    const millions = parseQuickSyntax('Job 2h 8m 1.2M');
    expect(millions.ok && millions.task.tokens).toBe(1_200_000);
    const plain = parseQuickSyntax('Job 2h 8m 45000tok');
    expect(plain.ok && plain.task.tokens).toBe(45_000);
  });

  test('only trailing words are fields: durations inside the title stay in the title', () => {
    const parsed = parseQuickSyntax('Cut the 2h build to 5m with caching 3h 4m');
    expect(parsed.ok && parsed.task.title).toBe('Cut the 2h build to 5m with caching');
    expect(parsed.ok && [parsed.task.humanSeconds, parsed.task.agentSeconds]).toEqual([10_800, 240]);
  });

  test('says in words what is missing, and keeps what it could read', () => {
    expect(parseQuickSyntax('6h 8m')).toMatchObject({ ok: false, errors: [expect.stringMatching(/title/)] });
    expect(parseQuickSyntax('Fix login')).toMatchObject({ ok: false, errors: ['Add the human estimate, e.g. "6h".'] });
    const noAgent = parseQuickSyntax('Fix login 3h #auth');
    expect(noAgent).toMatchObject({ ok: false, task: { title: 'Fix login', humanSeconds: 10_800, workstream: 'auth' }, errors: [expect.stringMatching(/agent time/)] });
  });

  test('a fourth duration or a second workstream ends the fields and joins the title', () => {
    const parsed = parseQuickSyntax('#a Task 1h 2h 3m 4m');
    expect(parsed.ok && parsed.task.title).toBe('#a Task 1h');
  });

  test('any title of plain words with generated durations round-trips', () => {
    const word = fc.stringMatching(/^[A-Za-z][a-z]{0,9}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 600 }), (words, hours, minutes) => {
        const parsed = parseQuickSyntax(`${words.join(' ')} ${hours}h ${minutes}m`);
        expect(parsed).toEqual({
          ok: true,
          task: { title: words.join(' '), humanSeconds: hours * 3600, agentSeconds: minutes * 60, supervisionSeconds: null, tokens: null, workstream: null, model: null },
        });
      }),
    );
  });
});
