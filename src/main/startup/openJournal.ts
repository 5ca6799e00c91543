import path from 'node:path';
import { isJournalError } from '../../core/errors.ts';
import type { Journal } from '../../core/journal.ts';
import { DATABASE_FILE_NAME } from '../../core/paths.ts';

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

/** Opens the journal, or shows why not and returns null (the caller quits). */
export function openJournalOrExplain(file: string, open: (file: string) => Journal, showError: (title: string, message: string) => void): Journal | null {
  try {
    return open(file);
  } catch (error) {
    const { title, message } = explainOpenFailure(error, file);
    showError(title, message);
    return null;
  }
}
