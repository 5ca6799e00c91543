import fs from 'node:fs/promises';
import path from 'node:path';
import { exportData, importData, detectFormat } from '../../core/data/dataTransfer.ts';
import { JournalError } from '../../core/errors.ts';
import type { ShellHandlerTable } from '../../core/ipc/coreHandlers.ts';
import type { DriftingChannels, ExpectExactOutputs } from '../../core/ipc/invokeHandler.ts';
import type { Journal } from '../../core/journal.ts';
import { listBackups } from '../../core/backup/backupFiles.ts';
import { createBackup } from '../../core/backup/backupService.ts';
import { backupFolderFor } from '../../core/paths.ts';
import { exportDay } from '../../core/publishing/publishDay.ts';
import type { ChannelOutput } from '../../shared/ipc/contract.ts';
import { writeFileAtomic, writeFilesAtomic } from '../data/writeFileAtomic.ts';

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** The OS services the shell channels need; main passes Electron's, tests pass fakes. */
export interface ShellServices {
  /** Resolves to the chosen path, or null when the user cancelled. */
  chooseSaveFile(options: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<string | null>;
  chooseOpenFile(options: { title: string; filters: FileFilter[] }): Promise<string | null>;
  writeClipboard(text: string): void;
  /** Resolves to '' on success or an error message (like shell.openPath). */
  openFolder(folder: string): Promise<string>;
  appVersion(): string;
  shortcutStatus(): { registered: boolean; error: string | null; note: string | null };
  launchAtLoginAvailable(): boolean;
  /** Settings → Command-line tool and Claude Code (see src/main/cli/desktopIntegration.ts). */
  desktopIntegration(): ChannelOutput<'desktopIntegration'>;
  setCliTool(installed: boolean): Promise<ChannelOutput<'desktopIntegration'>>;
  setClaudeHook(installed: boolean): ChannelOutput<'desktopIntegration'>;
  closeQuickAdd(): boolean;
  /** Where save dialogs start. */
  documentsFolder(): string;
  /** Closes the journal, restores the backup over it (taking a safety backup first) and reopens it. */
  restoreJournal(backupFile: string): Promise<{ restoredFrom: string; safetyBackup: string | null }>;
  now?(): Date;
}

/** Imports bigger than this are refused before reading: no journal export comes close. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

const POST_FILTERS: FileFilter[] = [{ name: 'Markdown', extensions: ['md'] }];

/** The backup `requested` names, if it is one of those listed in the journal's backups folder. */
function listedBackup(journal: Journal, requested: string): string {
  const wanted = path.resolve(requested);
  const match = listBackups(backupFolderFor(journal.path)).find((backup) => path.resolve(backup.path) === wanted);
  if (!match) throw new JournalError('INVALID_INPUT', `${requested} is not one of the backups in ${backupFolderFor(journal.path)}: only those can be restored from the app.`);
  return match.path;
}
const DATA_FILTERS = {
  csv: [{ name: 'CSV', extensions: ['csv'] }],
  json: [{ name: 'JSON', extensions: ['json'] }],
} as const satisfies Record<string, FileFilter[]>;

/** The channels that need dialogs, the clipboard, windows or the file system. */
export function createShellHandlers(journal: Journal, services: ShellServices): ShellHandlerTable {
  return shellHandlers(journal, services);
}

// Every shell handler returns exactly the fields of its channel's output (checked by tsc).
export type ShellOutputsMatchContract = ExpectExactOutputs<DriftingChannels<ReturnType<typeof shellHandlers>>>;

function shellHandlers(journal: Journal, services: ShellServices) {
  const now = () => services.now?.() ?? new Date();
  return {
    savePost: async ({ date, profile, revisionNote }) => {
      const post = exportDay(journal, date, { profile, revisionNote }).markdown;
      const target = await services.chooseSaveFile({
        title: 'Save Leverage Record',
        defaultPath: path.join(services.documentsFolder(), `leverage-record-${date}.md`),
        filters: POST_FILTERS,
      });
      if (!target) return { path: null };
      await writeFileAtomic(target, post);
      return { path: target };
    },
    copyPost: ({ date, profile, revisionNote }) => {
      const post = exportDay(journal, date, { profile, revisionNote }).markdown;
      services.writeClipboard(post);
      return { characters: post.length };
    },
    exportData: async ({ format, ...filter }) => {
      const contents = exportData(journal, format, filter);
      const stamp = now().toISOString().slice(0, 10);
      const target = await services.chooseSaveFile({
        title: 'Export Leverage Journal data',
        defaultPath: path.join(services.documentsFolder(), `leverage-journal-${stamp}.${format}`),
        filters: [...DATA_FILTERS[format]],
      });
      if (!target) return { path: null };
      await writeFileAtomic(target, contents);
      return { path: target };
    },
    importData: async () => {
      const source = await services.chooseOpenFile({
        title: 'Import Leverage Journal data',
        filters: [{ name: 'Leverage Journal export', extensions: ['csv', 'json'] }],
      });
      if (!source) return { path: null, tasks: 0, days: 0 };
      const { size } = await fs.stat(source);
      if (size > MAX_IMPORT_BYTES) throw new JournalError('IMPORT_FAILED', `${path.basename(source)} is ${Math.round(size / 1024 / 1024)} MB; imports are limited to 64 MB.`);
      const text = await fs.readFile(source, 'utf8');
      const counts = importData(journal, text, detectFormat(source, text));
      return { path: source, ...counts };
    },
    appInfo: () => {
      const shortcut = services.shortcutStatus();
      return {
        version: services.appVersion(),
        databasePath: journal.path,
        backupFolder: backupFolderFor(journal.path),
        shortcutRegistered: shortcut.registered,
        shortcutError: shortcut.error,
        shortcutNote: shortcut.note,
        launchAtLoginAvailable: services.launchAtLoginAvailable(),
      };
    },
    desktopIntegration: () => services.desktopIntegration(),
    setCliTool: ({ installed }) => services.setCliTool(installed),
    setClaudeHook: ({ installed }) => services.setClaudeHook(installed),
    openDataFolder: async () => ({ opened: (await services.openFolder(path.dirname(journal.path))) === '' }),
    saveArticle: async ({ markdown, suggestedName, charts }) => {
      const target = await services.chooseSaveFile({
        title: 'Save article',
        defaultPath: path.join(services.documentsFolder(), suggestedName),
        filters: POST_FILTERS,
      });
      if (!target) return { path: null };
      const folder = path.dirname(target);
      const files = [{ target, contents: markdown }, ...charts.map((chart) => ({ target: path.join(folder, chart.fileName), contents: chart.svg }))];
      if (charts.some((chart) => path.join(folder, chart.fileName) === target)) {
        throw new JournalError('INVALID_INPUT', `The article cannot be saved as ${path.basename(target)}: a chart has that name.`);
      }
      await writeFilesAtomic(files);
      return { path: target };
    },
    // The core's naming (`leverage-manual-<time>.db`), so listBackups shows it; never rotated.
    backupNow: async () => ({ path: (await createBackup(journal.db, backupFolderFor(journal.path), 'manual', now())).path }),
    restoreBackup: ({ path: requested }) => services.restoreJournal(listedBackup(journal, requested)),
    closeQuickAdd: () => ({ closed: services.closeQuickAdd() }),
  } satisfies ShellHandlerTable;
}
