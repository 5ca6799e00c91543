import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../../src/core/backup/backupFiles.ts';
import { exportData, importData } from '../../../src/core/data/dataTransfer.ts';
import { Journal } from '../../../src/core/journal.ts';
import { backupFolderFor } from '../../../src/core/paths.ts';
import { leverage } from '../cli/runCli.ts';
import { tempFolder } from '../helpers/tempJournal.ts';

const DAY = '2026-03-01';
const task = (title: string, hours = 2) => ({ workDate: DAY, title, humanSeconds: hours * 3600, agentSeconds: 600, workstream: 'importer', notes: `notes of ${title}` });

/** A journal holding two tasks on DAY and no prose, and its JSON export. */
function exported(): { text: string } {
  const journal = Journal.open(':memory:');
  journal.tasks.createMany([task('Port the importer'), task('Fix the parser', 3)]);
  const text = exportData(journal, 'json');
  journal.close();
  return { text };
}

const titles = (journal: Journal) => journal.tasks.listByDate(DAY).map((entry) => entry.title).sort();

describe('JSON import-data', () => {
  it('importing the same file twice adds every task once', () => {
    const { text } = exported();
    const journal = Journal.open(':memory:');
    expect(importData(journal, text, 'json')).toMatchObject({ tasks: 2, duplicates: 0 });
    expect(importData(journal, text, 'json')).toMatchObject({ tasks: 0, duplicates: 2 });
    expect(titles(journal)).toEqual(['Fix the parser', 'Port the importer']);
    // CSV too.
    expect(importData(journal, exportData(journal, 'csv'), 'csv')).toMatchObject({ tasks: 0, duplicates: 2 });
    expect(titles(journal)).toHaveLength(2);
    journal.close();
  });

  it("never blanks a day's intro, analysis or publication date with the file's empty values", () => {
    const { text } = exported(); // written before the prose existed: intro '' and no publication date
    const journal = Journal.open(':memory:');
    importData(journal, text, 'json');
    journal.days.update(DAY, { intro: 'What I typed this morning', analysis: 'And my analysis', publicationDate: '2026-03-02' });
    const withBlankDay = JSON.stringify({ ...JSON.parse(text), days: [{ workDate: DAY, intro: '', analysis: '', publicationDate: null, dayTokens: null }] });
    for (const mode of ['merge', 'replace', 'skip'] as const) {
      importData(journal, withBlankDay, 'json', mode);
      expect(journal.days.get(DAY)).toMatchObject({ intro: 'What I typed this morning', analysis: 'And my analysis', publicationDate: '2026-03-02' });
    }
    journal.close();
  });

  it('a day holding other tasks: merge adds only the new ones and fills empty prose; replace swaps them (undoable); skip leaves the day', () => {
    const file = JSON.stringify({
      format: 'leverage-journal',
      version: 1,
      tasks: [task('Port the importer'), task('Brand new task')],
      days: [{ workDate: DAY, intro: 'Intro from the file', analysis: 'Analysis from the file', publicationDate: null, dayTokens: null }],
    });
    const setUp = () => {
      const journal = Journal.open(':memory:');
      journal.tasks.createMany([task('Port the importer'), task('Mine only')]);
      journal.days.update(DAY, { intro: 'My own intro' });
      return journal;
    };

    const merged = setUp();
    expect(importData(merged, file, 'json')).toMatchObject({ tasks: 1, duplicates: 1, replaced: 0, skippedDays: [] });
    expect(titles(merged)).toEqual(['Brand new task', 'Mine only', 'Port the importer']);
    expect(merged.days.get(DAY)).toMatchObject({ intro: 'My own intro', analysis: 'Analysis from the file' });

    const replaced = setUp();
    const result = importData(replaced, file, 'json', 'replace');
    expect(result).toMatchObject({ tasks: 2, replaced: 2 });
    expect(titles(replaced)).toEqual(['Brand new task', 'Port the importer']);
    expect(replaced.days.get(DAY)).toMatchObject({ intro: 'Intro from the file', analysis: 'Analysis from the file' });

    const skipped = setUp();
    expect(importData(skipped, file, 'json', 'skip')).toMatchObject({ tasks: 0, skippedDays: [DAY] });
    expect(titles(skipped)).toEqual(['Mine only', 'Port the importer']);
    expect(skipped.days.get(DAY)).toMatchObject({ intro: 'My own intro', analysis: '' });
    for (const journal of [merged, replaced, skipped]) journal.close();
  });
});

describe('leverage import-data', () => {
  it('merges by default without prompting, writes a backup first, and reports what it recognised; --replace and --skip choose otherwise', async () => {
    const folder = tempFolder();
    const db = path.join(folder, 'leverage.db');
    const file = path.join(folder, 'export.json');
    fs.writeFileSync(file, exported().text);

    const first = await leverage(db, 'import-data', file);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Imported 2 task\(s\) and 0 day record\(s\)\. Backup first: .*leverage-before-import-/);
    const again = await leverage(db, 'import-data', file);
    expect(again.stdout).toContain('Imported 0 task(s) and 0 day record(s) (2 already in the journal)');
    expect(JSON.parse((await leverage(db, 'list', '--date', DAY, '--json')).stdout)).toHaveLength(2);

    expect((await leverage(db, 'add', '--date', DAY, '--title', 'Mine only', '--human', '1h', '--agent', '5m')).code).toBe(0);
    const skip = await leverage(db, 'import-data', file, '--skip');
    expect(skip.stdout).toContain(`days skipped: ${DAY}`);
    const replace = await leverage(db, 'import-data', file, '--replace');
    expect(replace.stdout).toContain('3 replaced (undo with leverage undelete)');
    expect((JSON.parse((await leverage(db, 'list', '--date', DAY, '--json')).stdout) as { title: string }[]).map((entry) => entry.title).sort()).toEqual(['Fix the parser', 'Port the importer']);
    expect(listBackups(backupFolderFor(db)).filter((backup) => backup.kind === 'before-import')).toHaveLength(4);

    const broken = path.join(folder, 'broken.json');
    fs.writeFileSync(broken, '{ "format": "leverage-journal", "version": 1, "tasks": [{ "title": "" }] }');
    expect((await leverage(db, 'import-data', broken)).code).toBe(1);
    expect(listBackups(backupFolderFor(db)).filter((backup) => backup.kind === 'before-import')).toHaveLength(4);
  });
});
