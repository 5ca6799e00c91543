import fs from 'node:fs';
import os from 'node:os';
import type { Task } from '../../shared/domain/task.ts';
import type { Channel } from '../../shared/ipc/contract.ts';
import { listBackups } from '../backup/backupFiles.ts';
import { claudeRoots } from '../agentLogs/roots.ts';
import { scanAgentLogs } from '../agentLogs/scanLogs.ts';
import { SOURCE_READERS, scanAgent } from '../agentLogs/readers/index.ts';
import { linkSessionsToTask } from '../agentLogs/sessionFill.ts';
import { commitImport, existingDaysOf } from '../import/commitImport.ts';
import { importOutcomeView, importReportView } from '../import/importView.ts';
import { planImport } from '../import/planImport.ts';
import type { Journal } from '../journal.ts';
import { backupFolderFor } from '../paths.ts';
import { publishingHandlers } from '../publishing/publishingHandlers.ts';
import type { DriftingChannels, ExpectExactOutputs, Handler } from './invokeHandler.ts';

/** Channels that need the desktop shell (dialogs, clipboard, windows, the OS); main implements them. */
export const SHELL_CHANNELS = [
  'savePost',
  'copyPost',
  'exportData',
  'importData',
  'appInfo',
  'openDataFolder',
  'backupNow',
  'closeQuickAdd',
  'saveArticle',
  'restoreBackup',
  'desktopIntegration',
  'setCliTool',
  'setClaudeHook',
] as const satisfies readonly Channel[];
export type ShellChannel = (typeof SHELL_CHANNELS)[number];
export type CoreChannel = Exclude<Channel, ShellChannel>;
export type CoreHandlerTable = { [C in CoreChannel]: Handler<C> };
export type ShellHandlerTable = { [C in ShellChannel]: Handler<C> };

/** Log-scale buckets of the factor distribution chart. */
export const FACTOR_BUCKETS = [
  { label: '<2x', below: 2 },
  { label: '2–5x', below: 5 },
  { label: '5–10x', below: 10 },
  { label: '10–25x', below: 25 },
  { label: '25–50x', below: 50 },
  { label: '50–100x', below: 100 },
  { label: '>100x', below: Infinity },
] as const;

/** The handlers that need only the journal: used by IPC in the app and directly by tests. */
export function createCoreHandlers(journal: Journal): CoreHandlerTable {
  return coreHandlers(journal);
}

// Every core handler returns exactly its channel's output type (checked by tsc).
export type CoreOutputsMatchContract = ExpectExactOutputs<DriftingChannels<ReturnType<typeof coreHandlers>>>;

function coreHandlers(journal: Journal) {
  return {
    // The contract parsed the input with taskInputSchema already.
    createTask: (input) => journal.tasks.insertValidated([input])[0] as Task,
    updateTask: ({ id, patch }) => journal.tasks.update(id, patch),
    deleteTasks: ({ ids }) => ({ ids: journal.tasks.delete(ids) }),
    restoreTasks: ({ ids }) => ({ ids: journal.tasks.restore(ids) }),
    listTasksByDay: ({ date }) => journal.tasks.listByDate(date),
    listTasksByRange: ({ from, to }) => journal.tasks.listRange(from, to),
    queryTasks: (query) => journal.tasks.query(query),
    listWorkstreams: () => journal.tasks.workstreams(),
    getDay: ({ date }) => journal.days.get(date),
    updateDay: ({ date, patch }) => journal.days.update(date, patch),
    dayMetrics: ({ date }) => journal.metrics.day(date),
    weekMetrics: ({ week }) => journal.metrics.week(week),
    rangeMetrics: (range) => journal.metrics.range(range),
    weeklySeries: (range) => journal.metrics.weeklySeries(withDefaults(range)),
    dailySeries: (range) => journal.metrics.dailySeries(range),
    cumulativeMetrics: () => journal.metrics.cumulative(),
    factorDistribution: (range) => {
      const counts = journal.metrics.factorDistribution(withDefaults(range), FACTOR_BUCKETS.slice(0, -1).map((bucket) => bucket.below));
      return FACTOR_BUCKETS.map((bucket, index) => ({ label: bucket.label, count: counts[index] ?? 0 }));
    },
    previewPost: ({ date }) => journal.dailyPost(date),
    getSettings: () => journal.settings.get(),
    updateSettings: (patch) => journal.settings.update(patch),
    // Post import and agent sessions (issue 5).
    previewPostImport: ({ text, fileName, date }) => importReportView(planImport(text, existingDaysOf(journal), { fileName, date })),
    commitPostImport: ({ text, fileName, date, mode }) => importOutcomeView(commitImport(journal, text, { fileName, date, mode })),
    listAgentSessions: (input) => journal.agentSessions.listSessions(input?.since),
    scanAgentSessions: () => scanEveryAgent(journal, process.env),
    linkSessionsToTask: ({ taskId, sessionIds }) => ({ taskId, sessionIds: linkSessionsToTask(journal, taskId, sessionIds) }),
    // Publishing and the agent hook inbox (issue 8).
    ...publishingHandlers(journal),
    // The backups folder beside the database (restoreBackup is a shell channel: it closes the journal).
    listBackups: () =>
      journal.path === ':memory:'
        ? []
        : listBackups(backupFolderFor(journal.path)).map((backup) => ({
            path: backup.path,
            fileName: backup.name,
            createdAt: backup.createdAt,
            sizeBytes: backup.bytes,
            kind: backup.kind,
          })),
  } satisfies CoreHandlerTable;
}

function withDefaults(range: { from?: string | undefined; to?: string | undefined } | undefined) {
  if (!range || (!range.from && !range.to)) return undefined;
  return { from: range.from ?? '0000-01-01', to: range.to ?? '9999-12-31' };
}

/**
 * The app's scan: Claude Code's folders, then every other agent's default folder that exists
 * (their sources counted as files, their sessions added to the same list).
 */
function scanEveryAgent(journal: Journal, env: NodeJS.ProcessEnv) {
  const result = scanAgentLogs(journal.db, claudeRoots(env));
  for (const reader of Object.values(SOURCE_READERS)) {
    const roots = reader.defaultRoots(env, os.homedir()).filter((root) => fs.existsSync(root));
    if (roots.length === 0) continue;
    const scan = scanAgent(journal.db, reader.agent, roots, env);
    result.roots.push(...scan.roots);
    result.filesSeen += scan.sourcesSeen;
    result.filesRead += scan.sourcesRead;
    result.bytesRead += scan.bytesRead;
    result.badLines += scan.badLines;
    result.sessionsUpdated += scan.sessionsUpdated;
  }
  return result;
}
