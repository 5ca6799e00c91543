import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLeaks, matchCase, redact } from '../../../src/core/publishing/redaction.ts';

const PUBLIC = 'X9 Z8'; // no run of letters, so it can never contain a generated private name
const name = fc.stringMatching(/^[a-z]{3,8}$/);
const word = fc.stringMatching(/^[a-z0-9]{1,6}$/);
const caseOf = (text: string, variant: number) => (variant === 0 ? text : variant === 1 ? text.toUpperCase() : `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`);

/** Ways a name can be glued into a word, identifier or path, where replacing it would mangle the text. */
const GLUES: ((name: string, other: string) => string)[] = [
  (n, o) => `${o}${n}`,
  (n, o) => `${n}${o}`,
  (n, o) => `${o}_${n}`,
  (n, o) => `${n}_${o}`,
  (n, o) => `${o}/${n}/src`,
  (n) => `~/${n}`,
  (n, o) => `C:\\${o}\\${n}`,
  (n, o) => `${n}.${o}`,
  (n, o) => `${o}.${n}`,
  (n, o) => `${n}-${o}`,
  (n, o) => `${o}-${n}`,
  (n, o) => `@${n}/${o}`,
  (n, o) => `${o}:${n}`,
];
const SEPARATORS = [' ', ', ', '. ', ' (', ') ', '\n', ' "', '" ', ' — '];

const token = fc.oneof(
  fc.record({ kind: fc.constant('alone' as const), variant: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('glued' as const), glue: fc.integer({ min: 0, max: GLUES.length - 1 }), other: word, variant: fc.integer({ min: 0, max: 2 }) }),
);

describe('redaction', () => {
  it('never replaces inside a word, identifier or path segment, and replaces every standalone name', () => {
    fc.assert(
      fc.property(name, fc.array(token, { minLength: 1, maxLength: 12 }), fc.array(fc.integer({ min: 0, max: SEPARATORS.length - 1 }), { minLength: 12, maxLength: 12 }), (privateName, tokens, seps) => {
        const parts = tokens.map((entry) => {
          const cased = caseOf(privateName, entry.variant);
          return entry.kind === 'alone' ? cased : (GLUES[entry.glue] as (n: string, o: string) => string)(cased, entry.other);
        });
        const text = parts.map((part, index) => `${part}${SEPARATORS[seps[index] ?? 0]}`).join('');
        const result = redact(text, [{ from: privateName, to: PUBLIC }]);
        const alone = tokens.filter((entry) => entry.kind === 'alone').length;
        expect(result.replacements).toHaveLength(alone);
        for (const [index, entry] of tokens.entries()) {
          if (entry.kind === 'glued') expect(result.text).toContain(parts[index]);
        }
        // What was left alone is exactly what the leak check reports.
        expect(result.leaks.length).toBeGreaterThanOrEqual(tokens.length - alone);
        if (alone === tokens.length) expect(result.leaks).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('on any text, every replacement is bounded by non-word, non-path characters', () => {
    const chars = fc.constantFrom(...'ab_-./\\@ :,\n'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 60 }).map((list) => list.join('')), (text) => {
        const result = redact(text, [{ from: 'ab', to: PUBLIC }]);
        for (const replacement of result.replacements) {
          const before = text[replacement.index - 1];
          const after = text[replacement.index + replacement.original.length];
          for (const side of [before, after]) expect(side === undefined || !/[\p{L}\p{N}_$/\\@~]/u.test(side)).toBe(true);
          if (before === '-' || before === '.' || before === ':') expect(/[\p{L}\p{N}_$]/u.test(text[replacement.index - 2] ?? ' ')).toBe(false);
          if (after === '-' || after === '.' || after === ':') expect(/[\p{L}\p{N}_$]/u.test(text[replacement.index + 3] ?? ' ')).toBe(false);
          expect(text.slice(replacement.index, replacement.index + 2).toLowerCase()).toBe('ab');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('the leak check finds a private name planted anywhere, in any case', () => {
    fc.assert(
      fc.property(name, fc.string({ maxLength: 80 }), fc.nat(), fc.integer({ min: 0, max: 2 }), (privateName, text, at, variant) => {
        const index = at % (text.length + 1);
        const planted = `${text.slice(0, index)}${caseOf(privateName, variant)}${text.slice(index)}`;
        const leaks = findLeaks(planted, [{ from: privateName, to: PUBLIC }]);
        expect(leaks.some((leak) => leak.index === index && leak.found.toLowerCase() === privateName)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps identifiers whole and matches the case of what it replaces', () => {
    const aliases = [
      { from: 'aces', to: 'an inference engine' },
      { from: 'Acme Corp', to: 'a client' },
    ];
    const text = 'Aces ships today; see inference_engine_aces and ~/code/aces/src. ACES, aces. Acme Corp asked.';
    const result = redact(text, aliases);
    expect(result.text).toBe('An inference engine ships today; see inference_engine_aces and ~/code/aces/src. AN INFERENCE ENGINE, an inference engine. a client asked.');
    expect(result.replacements.map((entry) => [entry.original, entry.line, entry.column])).toEqual([
      ['Aces', 1, 1],
      ['ACES', 1, text.indexOf('ACES') + 1],
      ['aces', 1, text.indexOf('aces.') + 1],
      ['Acme Corp', 1, text.indexOf('Acme') + 1],
    ]);
    expect(result.leaks.map((leak) => leak.context)).toEqual([
      expect.stringContaining('inference_engine_aces'),
      expect.stringContaining('~/code/aces/src'),
    ]);
    expect(matchCase('aces', 'Project X')).toBe('Project X');
    expect(matchCase('Aces', 'an engine', 'aces')).toBe('An engine');
    expect(matchCase('Aces', 'an engine', 'Aces')).toBe('an engine');
  });

  it('prefers the longer alias where two overlap', () => {
    const result = redact('The Leverage Journal app', [
      { from: 'Leverage', to: 'L' },
      { from: 'Leverage Journal', to: 'the journal app' },
    ]);
    expect(result.text).toBe('The the journal app app');
  });
});
