import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { dayRecordPatchSchema } from '../../../src/shared/domain/day.ts';
import { checkDayPatch } from '../../../src/shared/domain/dayCheck.ts';
import { DEFAULT_SETTINGS, settingFields, settingsPatchSchema, type SettingKey } from '../../../src/shared/domain/settings.ts';
import { checkSetting, checkSettingsPatch, SETTING_KEYS } from '../../../src/shared/domain/settingsCheck.ts';
import { describeIssues, taskSchema } from '../../../src/shared/domain/task.ts';
import { Journal } from '../../../src/core/journal.ts';
import { tempFolder } from '../helpers/tempJournal.ts';
import path from 'node:path';

/** zod's answer in the shape of the light checks' answer. */
function viaZod(schema: z.ZodType, input: unknown) {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: describeIssues(parsed.error) };
}

const scalar = fc.oneof(
  fc.string({ maxLength: 5 }),
  fc.constantFrom('', ' ', ' a ', 'a|b', 'line\nbreak', 'series', 'integer', 'dark', 'light', '2026-03-01', '2026-02-30', 'x'.repeat(41), 'y'.repeat(101), 'z'.repeat(201), '😀'.repeat(40), '😀'.repeat(41), '😀'.repeat(200)),
  fc.integer({ min: -3, max: 400 }),
  fc.constantFrom(0.5, -1, 1e15, 1e15 + 2, 2 ** 60, -(2 ** 60), Number.NaN, Infinity),
  fc.constantFrom(null, undefined, true, false, [], {}, ['a'], new Date(0)),
);
const alias = fc.record({ from: scalar, to: scalar }, { requiredKeys: [] });
const profile = fc.record({ name: fc.oneof(scalar, fc.constantFrom('Work', 'Home')), aliases: fc.oneof(fc.array(alias, { maxLength: 3 }), scalar) }, { requiredKeys: [] });
const settingValue = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }), fc.array(profile, { maxLength: 3 }), fc.constant(Array.from({ length: 201 }, () => 'w')));
const settingsPatch = fc.dictionary(fc.constantFrom(...SETTING_KEYS, 'colour'), settingValue, { maxKeys: 4 });

describe('the stores\' zod-free checks answer as the zod schemas do', () => {
  it('each setting, as its field in settingFields', () => {
    expect(SETTING_KEYS).toEqual(Object.keys(settingFields));
    fc.assert(
      fc.property(fc.constantFrom(...SETTING_KEYS), settingValue, (key: SettingKey, value) => {
        expect(checkSetting(key, value)).toEqual(viaZod(settingFields[key], value));
      }),
      { numRuns: 4000 },
    );
    for (const key of SETTING_KEYS) expect(checkSetting(key, DEFAULT_SETTINGS[key])).toEqual({ ok: true, value: DEFAULT_SETTINGS[key] });
  });

  it('a settings change, as settingsPatchSchema', () => {
    fc.assert(
      fc.property(fc.oneof(settingsPatch, scalar), (patch) => {
        expect(checkSettingsPatch(patch)).toEqual(viaZod(settingsPatchSchema, patch));
      }),
      { numRuns: 4000 },
    );
    expect(checkSettingsPatch({ redactionProfiles: [{ name: 'A', aliases: [] }, { name: 'A', aliases: [] }] })).toEqual({ ok: false, problems: 'redactionProfiles profile names must be unique' });
  });

  it('a day change, as dayRecordPatchSchema', () => {
    const patch = fc.dictionary(fc.constantFrom('intro', 'analysis', 'publicationDate', 'dayTokens', 'workDate', 'mood'), fc.oneof(scalar, fc.constant('t'.repeat(200_001))), { maxKeys: 4 });
    fc.assert(
      fc.property(fc.oneof(patch, scalar), (input) => {
        expect(checkDayPatch(input)).toEqual(viaZod(dayRecordPatchSchema, input));
      }),
      { numRuns: 4000 },
    );
  });

  it('a published snapshot\'s tasks, as taskSchema with every field but the id optional', () => {
    // The version-tolerant reading: what zod would accept with the same rule is what the store reads.
    const tolerant = z.array(z.object(Object.fromEntries(Object.entries(taskSchema.shape).map(([key, field]) => [key, key === 'id' ? field : field.optional()]))));
    const folder = tempFolder();
    const journal = Journal.open(path.join(folder, 'snapshots.db'));
    const task = fc.dictionary(fc.constantFrom(...Object.keys(taskSchema.shape), 'project'), fc.oneof(scalar, fc.integer({ min: 1, max: 100 })), { maxKeys: 5 });
    fc.assert(
      fc.property(fc.array(fc.oneof(task, fc.record({ id: fc.integer({ min: 1, max: 50 }), title: fc.string() })), { maxLength: 3 }), (tasks) => {
        const stored = JSON.parse(JSON.stringify(tasks)) as unknown;
        const id = journal.db
          .prepare("INSERT INTO published_snapshots (work_date, published_at, tasks_json, intro, analysis, markdown, redaction_profile) VALUES ('2026-03-01', '2026-03-02T00:00:00Z', ?, '', '', '', NULL)")
          .run(JSON.stringify(stored)).lastInsertRowid;
        const readable = (() => {
          try {
            return journal.snapshots.list('2026-03-01').some((snapshot) => snapshot.id === Number(id));
          } catch {
            return false;
          }
        })();
        journal.db.prepare('DELETE FROM published_snapshots').run();
        expect(readable).toBe(tolerant.safeParse(stored).success);
      }),
      { numRuns: 500 },
    );
    journal.close();
  });
});
