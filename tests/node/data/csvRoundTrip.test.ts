import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { CSV_COLUMNS, escapeCsvCell, parseCsv, tasksToCsv, unescapeCsvCell } from '../../../src/core/data/dataTransfer.ts';
import { taskInputSchema, type Task } from '../../../src/shared/domain/task.ts';

/** Text that leans on what breaks CSV and spreadsheets: formula starts, apostrophes, quotes, every kind of line break. */
const awkwardText = fc.stringMatching(/^['"=+\-@\t\r\n ,;|a-zA-Z0-9\u00a0\uFF1D\uFF0B\uFF0D\uFF20\u{1F600}]{0,24}$/u);

/** A task as the journal stores it: any input the schema accepts, normalised by the schema. */
const storedTask = fc
  .record({
    title: awkwardText,
    workstream: fc.option(awkwardText),
    model: fc.option(awkwardText),
    notes: awkwardText,
    humanSeconds: fc.integer({ min: 0, max: 10_000_000 }),
    agentSeconds: fc.integer({ min: 0, max: 10_000_000 }),
    supervisionSeconds: fc.option(fc.integer({ min: 0, max: 1_000_000 })),
    tokens: fc.option(fc.integer({ min: 0, max: 1e12 })),
  })
  .map((fields) => taskInputSchema.safeParse({ workDate: '2026-03-01', ...fields }))
  .filter((result) => result.success)
  .map((result) => result.data!);

let nextId = 1;
function asTask(fields: ReturnType<typeof taskInputSchema.parse>): Task {
  return { ...fields, id: nextId++, createdAt: '2026-03-01T00:00:00.000Z', updatedAt: '2026-03-01T00:00:00.000Z' } as Task;
}

const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

describe('CSV export and import', () => {
  test('import is the exact inverse of export, and no cell of any column starts a formula (property)', () => {
    fc.assert(
      fc.property(fc.array(storedTask, { minLength: 1, maxLength: 8 }), (fieldsList) => {
        const tasks = fieldsList.map(asTask);
        const csv = tasksToCsv(tasks);
        const cells = Papa.parse<string[]>(csv, { skipEmptyLines: 'greedy' }).data.slice(1).flat();
        expect(cells.filter((cell) => FORMULA_START.test(cell))).toEqual([]);
        expect(parseCsv(csv).tasks).toEqual(fieldsList);
      }),
      { numRuns: 400 },
    );
  });

  test('cells with a line break are escaped too, and a leading apostrophe, minus or at sign survives in every column', () => {
    const task = asTask(
      taskInputSchema.parse({
        workDate: '2026-03-01',
        title: "=HYPERLINK(\"http://x\")\nsecond line",
        workstream: "'-core",
        model: '@model',
        notes: "-2+3\r\n'quoted",
        humanSeconds: 3600,
        agentSeconds: 60,
      }),
    );
    const csv = tasksToCsv([task]);
    const [header, row] = Papa.parse<string[]>(csv, { skipEmptyLines: 'greedy' }).data;
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(row?.[1]).toBe("'=HYPERLINK(\"http://x\")\nsecond line");
    expect(row?.[2]).toBe("''-core");
    expect(row?.[7]).toBe("'@model");
    expect(row?.[8]).toBe("'-2+3\r\n'quoted");
    const [back] = parseCsv(csv).tasks;
    expect(back).toMatchObject({ title: task.title, workstream: "'-core", model: '@model', notes: task.notes });
  });

  test('escaping is injective: unescape(escape(x)) = x for any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), awkwardText, (a, b) => {
      expect(unescapeCsvCell(escapeCsvCell(a))).toBe(a);
      expect(unescapeCsvCell(escapeCsvCell(b))).toBe(b);
    }), { numRuns: 1000 });
  });
});
