import type { Channel, EventName } from '../shared/ipc/contract.ts';

/*
 * The channel and event names, listed again here so the preload bundle stays small: importing
 * the contract itself would pull every zod schema into the sandboxed preload. The type-level
 * checks below make `tsc` fail when this list and the contract's keys drift apart.
 */
export const CHANNEL_NAMES = [
  'createTask',
  'updateTask',
  'deleteTasks',
  'restoreTasks',
  'listTasksByDay',
  'listTasksByRange',
  'queryTasks',
  'listWorkstreams',
  'getDay',
  'updateDay',
  'dayMetrics',
  'weekMetrics',
  'rangeMetrics',
  'weeklySeries',
  'dailySeries',
  'cumulativeMetrics',
  'factorDistribution',
  'previewPost',
  'savePost',
  'copyPost',
  'exportData',
  'importData',
  'getSettings',
  'updateSettings',
  'appInfo',
  'openDataFolder',
  'backupNow',
  'closeQuickAdd',
  'previewPostImport',
  'commitPostImport',
  'listAgentSessions',
  'scanAgentSessions',
  'linkSessionsToTask',
  'dayFacts',
  'weekFacts',
  'periodArticle',
  'redactionPreview',
  'publishDay',
  'dayRevision',
  'pendingHookSessions',
  'markHookSessionHandled',
  'saveArticle',
  'listBackups',
  'restoreBackup',
  'desktopIntegration',
  'setCliTool',
  'setClaudeHook',
] as const satisfies readonly Channel[];

export const EVENT_NAMES = ['dataChanged', 'command', 'settingsChanged', 'prefillQuickAdd'] as const satisfies readonly EventName[];

type Missing<All, Listed> = Exclude<All, Listed>;
type AssertNoneMissing<T extends never> = T;
export type ChannelListIsComplete = AssertNoneMissing<Missing<Channel, (typeof CHANNEL_NAMES)[number]>>;
export type EventListIsComplete = AssertNoneMissing<Missing<EventName, (typeof EVENT_NAMES)[number]>>;

/** Wire names; the same as the contract's channelName/eventChannelName (a test checks they agree). */
export const invokeChannel = (channel: Channel): string => `leverage:${channel}`;
export const eventChannel = (event: EventName): string => `leverage-event:${event}`;
