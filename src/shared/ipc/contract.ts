import { z } from 'zod';
import { dayRecordPatchSchema, dayRecordSchema } from '../domain/day.ts';
import { settingsPatchSchema, settingsSchema } from '../domain/settings.ts';
import { taskIdSchema, taskInputSchema, taskPatchSchema, taskSchema, workDateSchema } from '../domain/task.ts';
import {
  cumulativeSchema,
  dateInputSchema,
  isoWeekSchema,
  optionalRangeInputSchema,
  rangeInputSchema,
  seriesPointSchema,
  summarySchema,
} from './schemas.ts';

const none = z.strictObject({}).optional();
const idsInput = z.strictObject({ ids: z.array(taskIdSchema).min(1).max(100_000) });
const idsOutput = z.object({ ids: z.array(taskIdSchema) });

export const TASK_SORT_KEYS = [
  'workDate',
  'title',
  'workstream',
  'humanSeconds',
  'agentSeconds',
  'supervisionSeconds',
  'tokens',
  'leverage',
  'model',
] as const;

export const DATA_FORMAT_VALUES = ['csv', 'json'] as const;

/**
 * Every IPC channel between the renderer and the main process, with its input and output.
 * The preload exposes exactly these as functions; main must register a handler for each
 * (a missing one fails `tsc`); every input is parsed with its schema before a handler runs.
 */
export const ipcContract = {
  // Tasks
  createTask: { input: taskInputSchema, output: taskSchema },
  updateTask: { input: z.strictObject({ id: taskIdSchema, patch: taskPatchSchema }), output: taskSchema },
  deleteTasks: { input: idsInput, output: idsOutput },
  restoreTasks: { input: idsInput, output: idsOutput },
  listTasksByDay: { input: dateInputSchema, output: z.array(taskSchema) },
  listTasksByRange: { input: rangeInputSchema, output: z.array(taskSchema) },
  queryTasks: {
    input: z.strictObject({
      from: workDateSchema.optional(),
      to: workDateSchema.optional(),
      workstream: z.string().max(200).optional(),
      text: z.string().max(500).optional(),
      sort: z.enum(TASK_SORT_KEYS).optional(),
      direction: z.enum(['asc', 'desc']).optional(),
      offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
      limit: z.number().int().min(0).max(5000).optional(),
    }),
    output: z.object({ rows: z.array(taskSchema), total: z.number().int() }),
  },
  listWorkstreams: { input: none, output: z.array(z.string()) },

  // Day records
  getDay: { input: dateInputSchema, output: dayRecordSchema },
  updateDay: { input: z.strictObject({ date: workDateSchema, patch: dayRecordPatchSchema }), output: dayRecordSchema },

  // Metrics
  dayMetrics: { input: dateInputSchema, output: summarySchema },
  weekMetrics: { input: z.strictObject({ week: isoWeekSchema }), output: summarySchema },
  rangeMetrics: { input: rangeInputSchema, output: summarySchema },
  weeklySeries: { input: optionalRangeInputSchema, output: z.array(seriesPointSchema) },
  dailySeries: { input: rangeInputSchema, output: z.array(seriesPointSchema) },
  cumulativeMetrics: { input: none, output: cumulativeSchema },
  factorDistribution: { input: optionalRangeInputSchema, output: z.array(z.object({ label: z.string(), count: z.number().int() })) },

  // The daily post
  previewPost: { input: dateInputSchema, output: z.string() },
  savePost: { input: dateInputSchema, output: z.object({ path: z.string().nullable() }) },
  copyPost: { input: dateInputSchema, output: z.object({ characters: z.number().int() }) },

  // The app's own data format
  exportData: {
    input: z.strictObject({ format: z.enum(DATA_FORMAT_VALUES), from: workDateSchema.optional(), to: workDateSchema.optional() }),
    output: z.object({ path: z.string().nullable() }),
  },
  importData: { input: none, output: z.object({ path: z.string().nullable(), tasks: z.number().int(), days: z.number().int() }) },

  // Settings and app
  getSettings: { input: none, output: settingsSchema },
  updateSettings: { input: settingsPatchSchema, output: settingsSchema },
  appInfo: {
    input: none,
    output: z.object({
      version: z.string(),
      databasePath: z.string(),
      backupFolder: z.string(),
      shortcutRegistered: z.boolean(),
      shortcutError: z.string().nullable(),
    }),
  },
  openDataFolder: { input: none, output: z.object({ opened: z.boolean() }) },
  backupNow: { input: none, output: z.object({ path: z.string() }) },
  closeQuickAdd: { input: none, output: z.object({ closed: z.boolean() }) },
} as const;

export type IpcContract = typeof ipcContract;
export type Channel = keyof IpcContract;
export type ChannelInput<C extends Channel> = z.input<IpcContract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<IpcContract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<IpcContract[C]['output']>;

export const CHANNELS = Object.keys(ipcContract) as Channel[];

/** The IPC channel name on the wire for a contract entry. */
export function channelName(channel: Channel): string {
  return `leverage:${channel}`;
}

export interface IpcError {
  code: string;
  message: string;
}
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Events main pushes to windows. */
export const ipcEvents = {
  /** Data changed, here or in another process (the CLI): refetch. */
  dataChanged: z.object({ source: z.enum(['app', 'external']) }),
  /** A menu or tray command asks the renderer to do something. */
  command: z.object({ name: z.enum(['newTask', 'goToDay', 'goToLog', 'goToReview', 'goToPost', 'goToSettings', 'import', 'exportPost']) }),
  /** Settings changed (theme, templates). */
  settingsChanged: settingsSchema,
} as const;
export type IpcEvents = typeof ipcEvents;
export type EventName = keyof IpcEvents;
export type EventPayload<E extends EventName> = z.output<IpcEvents[E]>;
export const EVENT_NAMES = Object.keys(ipcEvents) as EventName[];
export function eventChannelName(event: EventName): string {
  return `leverage-event:${event}`;
}

/** The API the preload exposes as `window.api`: one function per channel, one subscription per event. */
export type LeverageApi = {
  [C in Channel]: undefined extends ChannelInput<C>
    ? (input?: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>>
    : (input: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};
