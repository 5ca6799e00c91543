import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CSV_COLUMNS } from '../../../src/core/data/dataTransfer.ts';
import { Journal } from '../../../src/core/journal.ts';
import { dayRevision, publishDay } from '../../../src/core/publishing/publishDay.ts';
import { TASK_SORT_COLUMNS } from '../../../src/core/store/taskStore.ts';
import { taskInputSchema, taskSchema } from '../../../src/shared/domain/task.ts';
import { PUBLISHED_TASK_FIELDS, TASK_FIELDS, TASK_FIELD_NAMES, TASK_SORT_KEYS, type TaskFieldSpec } from '../../../src/shared/domain/taskFields.ts';

const META = ['id', 'createdAt', 'updatedAt'];

/** Every hand-kept list of task fields that does not derive from TASK_FIELDS, and whether it has `field`. */
function listsMissing(fields: readonly string[], journal: Journal): string[] {
  const tableColumns = (journal.db.prepare('PRAGMA table_info(tasks)').all() as { name: string }[]).map((column) => column.name);
  const definitions = TASK_FIELDS as Record<string, TaskFieldSpec | undefined>;
  const missing: string[] = [];
  for (const field of fields) {
    const spec = definitions[field];
    if (!spec) {
      missing.push(`TASK_FIELDS lacks ${field}`);
      continue;
    }
    if (!tableColumns.includes(spec.column)) missing.push(`the tasks table (a migration) lacks ${spec.column}`);
    if (!(CSV_COLUMNS as readonly string[]).includes(spec.csv)) missing.push(`CSV_COLUMNS lacks ${spec.csv}`);
    if (!Object.hasOwn(taskSchema.shape, field)) missing.push(`taskSchema lacks ${field}`);
  }
  return missing;
}

describe('one task-field definition', () => {
  it('every list of task fields agrees with the schema', () => {
    const journal = Journal.open(':memory:');
    try {
      expect(Object.keys(taskInputSchema.shape).sort()).toEqual([...TASK_FIELD_NAMES].sort());
      expect(Object.keys(taskSchema.shape).sort()).toEqual([...TASK_FIELD_NAMES, ...META].sort());
      expect(listsMissing(Object.keys(taskInputSchema.shape), journal)).toEqual([]);
      expect(Object.keys(TASK_SORT_COLUMNS).sort()).toEqual([...TASK_SORT_KEYS].sort());
    } finally {
      journal.close();
    }
  });

  it('a field added to a copy of the task schema is reported in every list that was not updated', () => {
    const withProject = taskInputSchema.extend({ project: z.string().nullable().default(null) });
    const journal = Journal.open(':memory:');
    try {
      expect(listsMissing(Object.keys(withProject.shape), journal)).toEqual(['TASK_FIELDS lacks project']);
      // Declared but without its migration, CSV column and output schema: each list is named.
      const definitions = TASK_FIELDS as Record<string, TaskFieldSpec>;
      definitions.project = { column: 'project', csv: 'project', published: false, sort: 'project' };
      try {
        expect(listsMissing(Object.keys(withProject.shape), journal)).toEqual([
          'the tasks table (a migration) lacks project',
          'CSV_COLUMNS lacks project',
          'taskSchema lacks project',
        ]);
      } finally {
        delete definitions.project;
      }
    } finally {
      journal.close();
    }
    // The compile-time half: TASK_FIELDS must name every field of the schema.
    type Fields = { readonly [Field in keyof z.output<typeof withProject>]-?: TaskFieldSpec };
    // @ts-expect-error TASK_FIELDS has no entry for project.
    const incomplete: Fields = TASK_FIELDS;
    expect(incomplete).toBe(TASK_FIELDS);
  });

  it('only what the post shows is a revision; a snapshot without a later field still reads', () => {
    expect([...PUBLISHED_TASK_FIELDS].sort()).toEqual(['agentSeconds', 'humanSeconds', 'title', 'tokens']);
    const journal = Journal.open(':memory:');
    try {
      const [task] = journal.tasks.createMany([{ workDate: '2026-03-01', title: 'Port the importer', humanSeconds: 4 * 3600, agentSeconds: 20 * 60, model: 'opus' }]);
      if (!task) throw new Error('no task');
      publishDay(journal, '2026-03-01', { profile: null });
      journal.tasks.update(task.id, { model: 'sonnet', notes: 'not in the post', workstream: 'Tools' });
      expect(dayRevision(journal, '2026-03-01').changed).toBe(false);
      journal.tasks.update(task.id, { tokens: 1000 });
      expect(dayRevision(journal, '2026-03-01').tasks.changed[0]?.changes.map((change) => change.field)).toEqual(['tokens']);

      // A snapshot written before `model` and `notes` existed, with a key from a later version.
      const old = { id: task.id, workDate: '2026-03-01', title: 'Port the importer', workstream: null, humanSeconds: 4 * 3600, agentSeconds: 20 * 60, supervisionSeconds: null, tokens: 1000, createdAt: task.createdAt, updatedAt: task.updatedAt, futureField: 'x' };
      journal.db.prepare('UPDATE published_snapshots SET tasks_json = ?').run(JSON.stringify([old]));
      const revision = dayRevision(journal, '2026-03-01');
      expect([revision.published, revision.changed]).toEqual([true, false]);
    } finally {
      journal.close();
    }
  });
});
