import path from 'node:path';
import type { BackupInfo } from '../../core/backup/backupFiles.ts';
import { restoreBackup } from '../../core/backup/restoreBackup.ts';
import { isJournalError, JournalError } from '../../core/errors.ts';
import { Journal } from '../../core/journal.ts';
import { DATABASE_FILE_NAME } from '../../core/paths.ts';
import { describeMovedAside, openJournalWithRecovery, settleMovedAside, type MovedAsideEntry, type OpenOutcome } from '../../core/store/recovery.ts';

/** userData/leverage.db (the same file the CLI uses by default); LEVERAGE_DB overrides it. */
export function journalPath(userData: string, env: NodeJS.ProcessEnv = process.env): string {
  const override = env.LEVERAGE_DB?.trim();
  return override ? path.resolve(override) : path.join(userData, DATABASE_FILE_NAME);
}

/** What to tell the user when the journal cannot be opened. */
export function explainOpenFailure(error: unknown, file: string): { title: string; message: string } {
  if (isJournalError(error) && error.code === 'DATABASE_TOO_NEW') {
    return {
      title: 'This journal needs a newer Leverage Journal',
      message: `${error.message}\n\nThe file was written by a newer version of the app. Update Leverage Journal to open it; the file has not been changed.\n\n${file}`,
    };
  }
  if (isJournalError(error) && error.code === 'DATABASE_CORRUPT') {
    return {
      title: 'The journal file could not be read',
      message: `${error.message}\n\nThe file has not been changed. Backups are in the "backups" folder next to it.\n\n${file}`,
    };
  }
  return {
    title: 'Leverage Journal could not open its data',
    message: `${error instanceof Error ? error.message : String(error)}\n\n${file}`,
  };
}

export type RecoveryChoice = 'restore' | 'empty' | 'quit';

/** The buttons of the recovery dialog, in order; "Restore latest backup" only when there is one. */
export function recoveryButtons(canRestore: boolean): { label: string; choice: RecoveryChoice }[] {
  return [
    ...(canRestore ? [{ label: 'Restore latest backup', choice: 'restore' as const }] : []),
    { label: 'Start with an empty journal', choice: 'empty' },
    { label: 'Quit', choice: 'quit' },
  ];
}

export interface MessageBoxOptions {
  type: 'warning';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink: boolean;
}

/** The parts of Electron's dialog module start-up uses (tests pass fakes). */
export interface StartupDialogs {
  showErrorBox(title: string, message: string): void;
  showMessageBox(options: MessageBoxOptions): Promise<{ response: number }>;
}

type MovedAside = Extract<OpenOutcome, { status: 'moved-aside' }>;

/** The recovery dialog's text: what happened, where the file went, what can be done. */
export function recoveryDialog(file: string, outcome: MovedAside): Omit<MessageBoxOptions, 'buttons' | 'defaultId' | 'cancelId' | 'noLink'> {
  const backup = outcome.latestBackup;
  return {
    type: 'warning',
    title: 'The journal file could not be read',
    message: 'Leverage Journal could not read its data file, so it moved the file aside (it was not deleted or overwritten).',
    detail: [
      outcome.reason,
      `The file was at ${file}\nand is now at ${outcome.movedTo}`,
      backup
        ? `The latest backup was written on ${backupTime(backup)} (${backup.name}). You can restore it, start a new, empty journal, or quit and look at the file first.`
        : 'There is no backup to restore. You can start a new, empty journal, or quit and look at the file first.',
    ].join('\n\n'),
  };
}

function backupTime(backup: BackupInfo): string {
  return new Date(backup.createdAt).toLocaleString('en-US', { dateStyle: 'long', timeStyle: 'short' });
}

/** The reminder shown at every start while a moved-aside journal file is undecided. */
export function movedAsideReminder(file: string, entries: readonly MovedAsideEntry[]): MessageBoxOptions {
  return {
    type: 'warning',
    title: 'A journal file is still set aside',
    message: 'An earlier start moved the journal file aside. It has not been deleted.',
    detail: describeMovedAside(file, entries),
    buttons: ['Remind me at the next start', 'I have dealt with it'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}

export interface StartupDeps {
  openWithRecovery?: (file: string) => OpenOutcome;
  open?: (file: string) => Journal;
  restore?: (file: string, backup: string) => Promise<unknown>;
}

/**
 * Opens the journal at start-up. A newer app's file (or one that cannot be read at all) is refused
 * with a dialog and left untouched. A damaged or non-SQLite file has been moved aside by the
 * recovery module; the user chooses to restore the latest backup, start empty, or quit.
 * Returns null when the app should quit.
 */
export async function openJournalAtStartup(file: string, dialogs: StartupDialogs, deps: StartupDeps = {}): Promise<Journal | null> {
  const open = deps.open ?? ((target: string) => Journal.open(target));
  const restore = deps.restore ?? restoreBackup;
  const outcome = (deps.openWithRecovery ?? openJournalWithRecovery)(file);
  if (outcome.status === 'opened') {
    if (outcome.movedAside.length > 0) {
      const { response } = await dialogs.showMessageBox(movedAsideReminder(file, outcome.movedAside));
      if (response === 1) settleMovedAside(file);
    }
    return outcome.journal;
  }
  if (outcome.status === 'refused') {
    const { title, message } = explainOpenFailure(new JournalError(outcome.code, outcome.message), file);
    dialogs.showErrorBox(title, message);
    return null;
  }
  const buttons = recoveryButtons(outcome.latestBackup !== null);
  for (;;) {
    const { response } = await dialogs.showMessageBox({
      ...recoveryDialog(file, outcome),
      buttons: buttons.map((button) => button.label),
      defaultId: 0,
      cancelId: buttons.length - 1,
      noLink: true,
    });
    const choice = buttons[response]?.choice ?? 'quit';
    try {
      if (choice === 'quit') return null;
      if (choice === 'restore' && outcome.latestBackup) await restore(file, outcome.latestBackup.path);
      const journal = open(file);
      settleMovedAside(file); // the person decided: restored, or chose a new journal
      return journal;
    } catch (error) {
      // Say why, then ask again: the moved-aside file and the backups are still there.
      const { message } = explainOpenFailure(error, file);
      dialogs.showErrorBox(choice === 'restore' ? 'The backup could not be restored' : 'A new journal could not be created', message);
    }
  }
}
