import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../../src/core/journal.ts';
import { exportDay } from '../../../src/core/publishing/publishDay.ts';
import { findLeaks, redact } from '../../../src/core/publishing/redaction.ts';
import { leverage } from '../cli/runCli.ts';
import { tempFolder } from '../helpers/tempJournal.ts';

const ALIAS = { from: 'Acme Corp', to: 'a client' };

/** The private name written every way Unicode allows while looking (almost) the same. */
const VARIANTS: Record<string, string> = {
  plain: 'Acme Corp',
  'no space': 'AcmeCorp',
  'run of spaces': 'Acme   Corp',
  'tab and newline': 'Acme\t\nCorp',
  'no-break space': 'Acme\u00a0Corp',
  'ideographic space': 'Acme\u3000Corp',
  'soft hyphen between words': 'Acme\u00adCorp',
  'soft hyphen inside a word': 'Ac\u00adme Corp',
  'zero-width space': 'Acme\u200bCorp',
  'zero-width joiner inside': 'Ac\u200dme Co\u200crp',
  'word joiner and BOM': 'Acme\u2060\ufeffCorp',
  fullwidth: 'Ａｃｍｅ Ｃｏｒｐ',
  'fullwidth, no space': 'ＡｃｍｅＣｏｒｐ',
  'upper case': 'ACME CORP',
  'mathematical bold': '𝐀𝐜𝐦𝐞 𝐂𝐨𝐫𝐩',
  'circled letters': 'Ⓐⓒⓜⓔ Ⓒⓞⓡⓟ',
};

/** Accented names: NFC in the alias, NFD in the text (and the other way round). */
const ACCENTED = { from: 'Café Zoé', to: 'a restaurant' };

/**
 * An independent check of the output, not the redaction code's own matcher: fold with NFKC, drop
 * the invisible characters, lower-case, and look for the name as a standalone word.
 */
function standaloneNameIn(text: string): boolean {
  const folded = text.normalize('NFKC').replace(/[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/g, '').toLowerCase();
  return /(?<![\p{L}\p{N}_$/\\@~])acme\s*corp(?![\p{L}\p{N}_$/\\@~])/u.test(folded);
}

describe('redaction matches Unicode variants of a private name', () => {
  it.each(Object.entries(VARIANTS))('%s: replaced, and the text around it untouched', (_name, variant) => {
    const text = `Before «${variant}» after.\n| ${variant} | 2h |`;
    const result = redact(text, [ALIAS]);
    expect(result.replacements).toHaveLength(2);
    expect(result.replacements[0]?.original).toBe(variant);
    expect(result.text).toMatch(/^Before «(a client|A client|A CLIENT)» after\.\n\| (a client|A client|A CLIENT) \| 2h \|$/);
    expect(result.leaks).toEqual([]);
    expect(standaloneNameIn(result.text)).toBe(false);
  });

  it('an accented name matches in NFC and NFD, either way round', () => {
    const nfd = ACCENTED.from.normalize('NFD');
    expect(redact(`Dinner at ${nfd}.`, [ACCENTED]).text).toBe('Dinner at a restaurant.');
    expect(redact(`Dinner at ${ACCENTED.from}.`, [{ ...ACCENTED, from: nfd }]).text).toBe('Dinner at a restaurant.');
  });

  it('a variant glued into a word or path is left alone but reported, pointing at the original text', () => {
    const text = 'see ~/code/Ａｃｍｅ\u00adCorp/src and xAcme\u200bCorpx';
    const result = redact(text, [ALIAS]);
    expect(result.replacements).toEqual([]);
    expect(result.leaks.map((leak) => leak.found)).toEqual(['Ａｃｍｅ\u00adCorp', 'Acme\u200bCorp']);
    expect(result.leaks.map((leak) => text.slice(leak.index, leak.index + leak.found.length))).toEqual(result.leaks.map((leak) => leak.found));
    expect(findLeaks('A client of a client', [{ from: 'client', to: 'a client' }])).toEqual([]);
  });
});

/** Every field of the day's post a person types, and what the journal stores it in. */
const FIELDS = ['title', 'intro', 'analysis', 'authorLine', 'aboutText', 'footer'] as const;
type Field = (typeof FIELDS)[number];
const GLUED = (variant: string) => `x${variant}y`; // inside a word: must be reported, never silently kept

function plant(journal: Journal, field: Field, text: string): void {
  if (field === 'title') journal.tasks.create({ workDate: '2026-03-01', title: text, humanSeconds: 7200, agentSeconds: 300 });
  else journal.tasks.create({ workDate: '2026-03-01', title: 'Routine work', humanSeconds: 7200, agentSeconds: 300 });
  if (field === 'intro' || field === 'analysis') journal.days.update('2026-03-01', { [field]: text });
  if (field === 'authorLine' || field === 'aboutText' || field === 'footer') journal.settings.update({ [field]: text });
}

describe('fuzz: a private name planted in every field, in every variant', () => {
  it('never appears as a standalone word in the exported post, and anything left is reported', () => {
    const variant = fc.constantFrom(...Object.values(VARIANTS));
    const filler = fc.stringMatching(/^[a-z .,;:()\n-]{0,12}$/);
    let runs = 0;
    fc.assert(
      fc.property(fc.constantFrom(...FIELDS), variant, filler, filler, fc.boolean(), (field, name, before, after, glued) => {
        runs += 1;
        const journal = Journal.open(':memory:');
        try {
          journal.settings.update({ redactionProfiles: [{ name: 'public', aliases: [ALIAS] }], activeRedactionProfile: 'public' });
          plant(journal, field, `${before} ${glued ? GLUED(name) : name} ${after}`.trim());
          const exported = exportDay(journal, '2026-03-01');
          expect(standaloneNameIn(exported.markdown)).toBe(false);
          if (glued) expect(exported.leaks.length).toBeGreaterThan(0);
          else expect(exported.replacements.length).toBeGreaterThan(0);
        } finally {
          journal.close();
        }
      }),
      { numRuns: 300 },
    );
    console.log(`redaction fuzz: ${runs} posts, ${FIELDS.length} fields × ${Object.keys(VARIANTS).length} variants, standalone or glued`);
  });

  it('publish --strict refuses a post where a variant is left inside a word, naming it; publishes once it is gone', async () => {
    const db = path.join(tempFolder(), 'leverage.db');
    const journal = Journal.open(db);
    journal.settings.update({ redactionProfiles: [{ name: 'public', aliases: [ALIAS] }], activeRedactionProfile: 'public' });
    const task = journal.tasks.create({ workDate: '2026-03-01', title: `Ported the ${GLUED('Ａｃｍｅ\u200bCorp')} exporter`, humanSeconds: 7200, agentSeconds: 300 });
    journal.days.update('2026-03-01', { intro: 'A day for Acme\u00adCorp.' });
    journal.close();

    const refused = await leverage(db, 'publish', '--date', '2026-03-01', '--strict');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Not published: 1 private name(s) remain');
    expect(refused.stderr).toContain('"Ａｃｍｅ\u200bCorp" (Acme Corp)');
    expect((await leverage(db, 'revision', '--date', '2026-03-01')).stdout).toBe('2026-03-01 was never published.\n');

    expect((await leverage(db, 'edit', String(task.id), '--title', 'Ported the Ａｃｍｅ\u200bCorp exporter')).code).toBe(0);
    const published = await leverage(db, 'publish', '--date', '2026-03-01', '--strict');
    expect(published.code).toBe(0);
    expect(published.stdout).toContain('Ported the a client exporter');
    expect(published.stdout).toContain('A day for a client.');
    expect(standaloneNameIn(published.stdout)).toBe(false);
  });
});
