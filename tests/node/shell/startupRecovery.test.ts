import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createBackup } from '../../../src/core/backup/backupService.ts';
import { listBackups } from '../../../src/core/backup/backupFiles.ts';
import { Journal } from '../../../src/core/journal.ts';
import { backupFolderFor } from '../../../src/core/paths.ts';
import { createDailyBackup } from '../../../src/main/data/dailyBackup.ts';
import { openJournalAtStartup } from '../../../src/main/startup/openJournal.ts';
import { tempFolder } from '../helpers/tempJournal.ts';
import { dialogsAnswering, TASK } from './fakes.ts';

const GARBAGE = 'this is not a SQLite database\n'.repeat(300);

/** A journal with one task and a backup of it, then the file replaced by garbage. */
async function corruptJournalWithBackup(withBackup = true) {
  const file = path.join(tempFolder(), 'leverage.db');
  const journal = Journal.open(file);
  journal.tasks.create({ ...TASK });
  if (withBackup) await createBackup(journal.db, backupFolderFor(file), 'auto', new Date('2026-03-01T06:00:00.000Z'));
  journal.close();
  fs.writeFileSync(file, GARBAGE);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  return file;
}

function movedAsideFiles(file: string): string[] {
  return fs.readdirSync(path.dirname(file)).filter((name) => name.startsWith(`${path.basename(file)}.unreadable-`));
}

describe('a corrupt journal at start-up', () => {
  it('explains what happened and offers restore, empty or quit; "Restore latest backup" brings the data back', async () => {
    const file = await corruptJournalWithBackup();
    const dialogs = dialogsAnswering('Restore latest backup');
    const journal = await openJournalAtStartup(file, dialogs);
    expect(journal).not.toBeNull();
    try {
      expect(journal?.tasks.listByDate('2026-03-01').map((task) => task.title)).toEqual(['Port the importer']);
    } finally {
      journal?.close();
    }
    const [question] = dialogs.asked;
    expect(question?.buttons).toEqual(['Restore latest backup', 'Start with an empty journal', 'Quit']);
    expect(question?.cancelId).toBe(2);
    expect(question?.message).toContain('moved the file aside');
    expect(question?.detail).toContain('is not a SQLite database');
    expect(question?.detail).toContain('leverage-auto-2026-03-01T06-00-00-000Z.db');
    // The bad file was kept, byte for byte, beside the journal.
    const [aside] = movedAsideFiles(file);
    expect(question?.detail).toContain(aside);
    expect(fs.readFileSync(path.join(path.dirname(file), aside as string), 'utf8')).toBe(GARBAGE);
  });

  it('"Start with an empty journal" opens a new, empty journal and keeps the bad file and the backups', async () => {
    const file = await corruptJournalWithBackup();
    const journal = await openJournalAtStartup(file, dialogsAnswering('Start with an empty journal'));
    try {
      expect(journal?.tasks.listRange('0000-01-01', '9999-12-31')).toEqual([]);
    } finally {
      journal?.close();
    }
    expect(movedAsideFiles(file)).toHaveLength(1);
    expect(listBackups(backupFolderFor(file)).map((backup) => backup.kind)).toEqual(['auto']);
  });

  it('"Quit" returns null and creates nothing at the data path', async () => {
    const file = await corruptJournalWithBackup();
    const dialogs = dialogsAnswering('Quit');
    expect(await openJournalAtStartup(file, dialogs)).toBeNull();
    expect(fs.existsSync(file)).toBe(false);
    expect(movedAsideFiles(file)).toHaveLength(1);
    expect(dialogs.showErrorBox).not.toHaveBeenCalled();
  });

  it('without a backup it offers only an empty journal or quitting', async () => {
    const file = await corruptJournalWithBackup(false);
    const dialogs = dialogsAnswering('Quit');
    expect(await openJournalAtStartup(file, dialogs)).toBeNull();
    expect(dialogs.asked[0]?.buttons).toEqual(['Start with an empty journal', 'Quit']);
    expect(dialogs.asked[0]?.detail).toContain('There is no backup to restore');
  });

  it('a failed restore is explained and the question asked again', async () => {
    const file = await corruptJournalWithBackup();
    const dialogs = dialogsAnswering('Restore latest backup', 'Quit');
    const restore = vi.fn(async () => {
      throw new Error('disk full');
    });
    expect(await openJournalAtStartup(file, dialogs, { restore })).toBeNull();
    expect(restore).toHaveBeenCalledOnce();
    expect(dialogs.showErrorBox).toHaveBeenCalledWith('The backup could not be restored', expect.stringContaining('disk full'));
    expect(dialogs.asked).toHaveLength(2);
  });

  it('a sound journal opens without any dialog', async () => {
    const file = path.join(tempFolder(), 'leverage.db');
    Journal.open(file).close();
    const dialogs = dialogsAnswering();
    const journal = await openJournalAtStartup(file, dialogs);
    journal?.close();
    expect(journal).not.toBeNull();
    expect(dialogs.showMessageBox).not.toHaveBeenCalled();
    expect(dialogs.showErrorBox).not.toHaveBeenCalled();
  });
});

describe('the daily automatic backup', () => {
  it('runs once per local day, keeps settings.backupsToKeep, and never overlaps', async () => {
    const journal = Journal.open(path.join(tempFolder(), 'leverage.db'));
    try {
      journal.settings.update({ backupsToKeep: 2 });
      let now = new Date(2026, 2, 1, 9, 0);
      const onError = vi.fn();
      const daily = createDailyBackup({ journal: () => journal, now: () => now, onError });
      const autos = () => listBackups(backupFolderFor(journal.path)).filter((backup) => backup.kind === 'auto');

      const [first, overlapping] = await Promise.all([daily.run(), daily.run()]);
      expect(first?.created).not.toBeNull();
      expect(overlapping).toBe(first);
      now = new Date(2026, 2, 1, 23, 0);
      expect((await daily.run())?.created).toBeNull();
      expect(autos()).toHaveLength(1);

      for (const day of [2, 3, 4]) {
        now = new Date(2026, 2, day, 8, 0);
        expect((await daily.run())?.created).not.toBeNull();
        expect((await daily.run())?.created).toBeNull();
      }
      expect(autos().map((backup) => new Date(backup.createdAt).getDate())).toEqual([4, 3]);
      expect(onError).not.toHaveBeenCalled();
    } finally {
      journal.close();
    }
  });

  it('reports a failure instead of throwing, and tries again next time', async () => {
    const journal = Journal.open(path.join(tempFolder(), 'leverage.db'));
    const onError = vi.fn();
    let broken = true;
    const daily = createDailyBackup({
      journal: () => {
        if (broken) throw new Error('journal closed');
        return journal;
      },
      onError,
    });
    try {
      expect(await daily.run()).toBeNull();
      expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'journal closed' }));
      broken = false;
      expect((await daily.run())?.created).not.toBeNull();
    } finally {
      journal.close();
    }
  });
});
