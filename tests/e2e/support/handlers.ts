import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportData } from '../../../src/core/data/dataTransfer.ts';
import { JournalError } from '../../../src/core/errors.ts';
import { createCoreHandlers, type ShellHandlerTable } from '../../../src/core/ipc/coreHandlers.ts';
import type { HandlerTable } from '../../../src/core/ipc/invokeHandler.ts';
import type { Journal } from '../../../src/core/journal.ts';
import { exportDay } from '../../../src/core/publishing/publishDay.ts';
import { createDesktopIntegration } from '../../../src/main/cli/desktopIntegration.ts';

/** What the shell doubles did, for assertions. */
export interface ShellLog {
  copied: string[];
  saved: string[];
  exported: string[];
  quickAddClosed: number;
}

/**
 * The real core handler table over a real journal, plus test doubles for the channels main implements
 * with dialogs, the clipboard and windows (they write to `folder` instead of asking the user;
 * appInfo reports the `shown` paths).
 */
export function createTestHandlers(
  journal: Journal,
  folder: string,
  shown: { databasePath: string; backupFolder: string },
): { handlers: HandlerTable; log: ShellLog } {
  const log: ShellLog = { copied: [], saved: [], exported: [], quickAddClosed: 0 };
  // The app's own Settings → Command-line tool / Claude Code service, as an installed Linux app in this folder.
  const integration = createDesktopIntegration({
    platform: 'linux',
    env: { HOME: folder, PATH: join(folder, '.local', 'bin') },
    isPackaged: true,
    executable: '/opt/Leverage Journal/leverage-journal',
    databasePath: () => journal.path,
    place: { file: join(folder, '.local', 'bin', 'leverage'), elevated: false, pathFolder: null },
  });
  const shell: ShellHandlerTable = {
    savePost: ({ date, profile, revisionNote }) => {
      const path = join(folder, `leverage-record-${date}.md`);
      writeFileSync(path, exportDay(journal, date, { profile, revisionNote }).markdown);
      log.saved.push(path);
      return { path };
    },
    copyPost: ({ date, profile, revisionNote }) => {
      const text = exportDay(journal, date, { profile, revisionNote }).markdown;
      log.copied.push(text);
      return { characters: text.length };
    },
    exportData: ({ format, ...filter }) => {
      const path = join(folder, `export-${log.exported.length + 1}.${format}`);
      writeFileSync(path, exportData(journal, format, filter));
      log.exported.push(path);
      return { path };
    },
    importData: () => ({ path: null, tasks: 0, days: 0 }),
    appInfo: () => ({
      version: '0.1.0',
      databasePath: shown.databasePath,
      backupFolder: shown.backupFolder,
      shortcutRegistered: true,
      shortcutError: null,
      shortcutNote: null,
      launchAtLoginAvailable: true,
    }),
    desktopIntegration: () => integration.status(),
    setCliTool: ({ installed }) => integration.setCliTool(installed),
    setClaudeHook: ({ installed }) => integration.setClaudeHook(installed),
    openDataFolder: () => ({ opened: true }),
    backupNow: () => {
      const path = join(folder, `backup-${Date.now()}.sqlite`);
      journal.db.prepare('VACUUM INTO ?').run(path);
      return { path };
    },
    closeQuickAdd: () => {
      log.quickAddClosed += 1;
      return { closed: true };
    },
    saveArticle: ({ markdown, suggestedName, charts }) => {
      const path = join(folder, suggestedName);
      writeFileSync(path, markdown);
      for (const chart of charts) writeFileSync(join(folder, chart.fileName), chart.svg);
      log.saved.push(path);
      return { path };
    },
    // Restoring closes and reopens main's journal; the harness's journal stays open, so the stand-in refuses.
    restoreBackup: () => {
      throw new JournalError('FORBIDDEN', 'Restoring a backup needs the desktop app.');
    },
  };
  return { handlers: { ...createCoreHandlers(journal), ...shell }, log };
}
