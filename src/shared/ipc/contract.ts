import { z } from 'zod';
import { dayRecordPatchSchema, dayRecordSchema } from '../domain/day.ts';
import { settingsPatchSchema, settingsSchema } from '../domain/settings.ts';
import { taskIdSchema, taskInputSchema, taskPatchSchema, taskSchema, workDateSchema } from '../domain/task.ts';
import {
  agentSessionSchema,
  cumulativeSchema,
  dateInputSchema,
  factSchema,
  isoWeekSchema,
  optionalRangeInputSchema,
  rangeInputSchema,
  seriesPointSchema,
  summarySchema,
} from './schemas.ts';

const none = z.strictObject({}).optional();
/**
 * The day's post as it will be published: `profile` names a redaction profile (omitted: the active
 * one; null: none); `revisionNote` adds "Revised on …" when the day changed since publishing (default on).
 */
const postExportInputSchema = z.strictObject({
  date: workDateSchema,
  profile: z.string().max(200).nullable().optional(),
  revisionNote: z.boolean().optional(),
});

// Publishing (issue 8): analysis facts, period articles, redaction, revisions, the agent hook inbox.
const excludeLowestInput = z.number().int().min(0).max(10_000).optional();
const factListSchema = z.array(factSchema);
const textSpotSchema = { index: z.number().int(), line: z.number().int(), column: z.number().int(), context: z.string() };
const redactionLeakSchema = z.object({ name: z.string(), found: z.string(), ...textSpotSchema });
const redactionInput = { date: workDateSchema, profile: z.string().max(100).nullable().optional() };
const revisionValue = z.union([z.string(), z.number(), z.null()]);
/** A finished Claude Code session waiting in the hook inbox (written by `leverage hook run`). */
/** What Settings shows about the command-line tool and the Claude Code hook. */
export const desktopIntegrationSchema = z.object({
  cliTool: z.object({
    /** Only the installed app can put itself on PATH (a development build says why not in `note`). */
    available: z.boolean(),
    installed: z.boolean(),
    path: z.string(),
    onPath: z.boolean(),
    note: z.string().nullable(),
  }),
  claudeHook: z.object({
    available: z.boolean(),
    installed: z.boolean(),
    /** Exactly one entry of ours, running the command this install would write. */
    current: z.boolean(),
    settingsFile: z.string(),
    command: z.string().nullable(),
    installedCommands: z.array(z.string()),
    note: z.string().nullable(),
  }),
});

export const pendingHookSessionSchema = z.object({
  sessionId: z.string(),
  transcriptPath: z.string().nullable(),
  cwd: z.string().nullable(),
  event: z.string(),
  firstStopAt: z.string(),
  lastStopAt: z.string(),
  stops: z.number().int().min(1),
});
const idsInput = z.strictObject({ ids: z.array(taskIdSchema).min(1).max(100_000) });
const idsOutput = z.object({ ids: z.array(taskIdSchema) });

// Saving articles (saveArticle): a plain file name has no folder part, so nothing is written outside the chosen folder.
const ARTICLE_MAX_CHARS = 5 * 1024 * 1024;
const CHART_MAX_CHARS = 2 * 1024 * 1024;
const plainFileName = z
  .string()
  .min(1)
  .refine((name) => name !== '.' && name !== '..' && !/[/\\:*?"<>|]/.test(name) && [...name].every((char) => char.charCodeAt(0) >= 0x20), {
    error: 'must be a plain file name (no folders)',
  });

// Post import and agent sessions (issue 5).
const nullableNumber = z.number().nullable();
const postImportInput = z.strictObject({
  text: z.string().max(20_000_000),
  fileName: z.string().max(1000).optional(),
  date: workDateSchema.optional(),
});
const postImportReportSchema = z.object({
  days: z.array(
    z.object({
      date: workDateSchema,
      title: z.string().nullable(),
      status: z.enum(['new', 'duplicate', 'conflict']),
      existingTaskCount: z.number().int(),
      tasks: z.array(
        z.object({
          title: z.string(),
          humanSeconds: z.number().int(),
          agentSeconds: z.number().int(),
          supervisionSeconds: z.number().int().nullable(),
          tokens: z.number().int().nullable(),
          statedFactor: nullableNumber,
          computedFactor: nullableNumber,
          statedSupervisoryFactor: nullableNumber,
          computedSupervisoryFactor: nullableNumber,
          line: z.number().int(),
        }),
      ),
      intro: z.string(),
      analysis: z.string(),
      dayTokens: z.number().int().nullable(),
      summary: summarySchema,
      stated: z.object({
        taskCount: nullableNumber,
        humanHours: nullableNumber,
        agentMinutes: nullableNumber,
        supervisionMinutes: nullableNumber,
        tokens: nullableNumber,
        dayTokens: nullableNumber,
        leverage: nullableNumber,
        supervisoryLeverage: nullableNumber,
      }),
      mismatches: z.array(z.string()),
      unparsed: z.array(z.object({ line: z.number().int(), text: z.string(), reason: z.string() })),
    }),
  ),
  warnings: z.array(z.string()),
  errors: z.array(z.string()),
});

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
  savePost: { input: postExportInputSchema, output: z.object({ path: z.string().nullable() }) },
  copyPost: { input: postExportInputSchema, output: z.object({ characters: z.number().int() }) },

  // The app's own data format
  exportData: {
    input: z.strictObject({
      format: z.enum(DATA_FORMAT_VALUES),
      from: workDateSchema.optional(),
      to: workDateSchema.optional(),
      workstream: z.string().max(200).optional(),
      text: z.string().max(500).optional(),
    }),
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
      /** Registered, but the OS cannot confirm it works (Wayland). */
      shortcutNote: z.string().nullable(),
      /** "Launch at login" can work here (the installed app, not a development build). */
      launchAtLoginAvailable: z.boolean(),
    }),
  },
  // Settings → Command-line tool and Claude Code: the `leverage` shim on PATH and the Stop hook, as
  // fit how the app is installed. setCliTool/setClaudeHook answer with the new state.
  desktopIntegration: { input: none, output: desktopIntegrationSchema },
  setCliTool: { input: z.strictObject({ installed: z.boolean() }), output: desktopIntegrationSchema },
  setClaudeHook: { input: z.strictObject({ installed: z.boolean() }), output: desktopIntegrationSchema },
  openDataFolder: { input: none, output: z.object({ opened: z.boolean() }) },
  backupNow: { input: none, output: z.object({ path: z.string() }) },
  closeQuickAdd: { input: none, output: z.object({ closed: z.boolean() }) },

  // Importing published posts and reading agent sessions from Claude Code's logs (issue 5).
  // previewPostImport writes nothing and reports errors in its result; commitPostImport writes
  // every day in one transaction or fails with nothing written.
  previewPostImport: { input: postImportInput, output: postImportReportSchema },
  commitPostImport: {
    input: postImportInput.extend({ mode: z.enum(['merge', 'replace', 'skip']).optional() }),
    output: z.object({
      days: z.array(z.object({ date: workDateSchema, action: z.enum(['created', 'unchanged', 'merged', 'replaced', 'skipped']), tasksAdded: z.number().int(), tasksRemoved: z.number().int() })),
      tasksAdded: z.number().int(),
      warnings: z.array(z.string()),
    }),
  },
  listAgentSessions: { input: z.strictObject({ since: workDateSchema.optional() }).optional(), output: z.array(agentSessionSchema) },
  scanAgentSessions: {
    input: none,
    output: z.object({
      roots: z.array(z.string()),
      filesSeen: z.number().int(),
      filesRead: z.number().int(),
      bytesRead: z.number().int(),
      linesRead: z.number().int(),
      badLines: z.number().int(),
      sessionsUpdated: z.number().int(),
    }),
  },
  linkSessionsToTask: {
    input: z.strictObject({ taskId: taskIdSchema, sessionIds: z.array(z.string().min(1).max(200)).min(1).max(1000) }),
    output: z.object({ taskId: taskIdSchema, sessionIds: z.array(z.string()) }),
  },

  // Publishing (issue 8). Facts are sentences with the figures they state, for the Analysis
  // editor's insert buttons; periodArticle returns the markdown and SVG charts (saving them is the
  // shell's job); publishDay stores a snapshot so dayRevision can show later edits as a diff;
  // the Stop hook's inbox feeds the "Log this session?" notification.
  dayFacts: { input: z.strictObject({ date: workDateSchema, excludeLowest: excludeLowestInput }), output: factListSchema },
  weekFacts: { input: z.strictObject({ week: isoWeekSchema, excludeLowest: excludeLowestInput }), output: factListSchema },
  periodArticle: {
    input: z
      .strictObject({
        week: isoWeekSchema.optional(),
        month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'must be a month such as 2026-03' }).optional(),
        lastDays: z.number().int().min(1).max(3660).optional(),
        from: workDateSchema.optional(),
        to: workDateSchema.optional(),
        chartsLink: z.string().max(1000).optional(),
        excludeLowest: excludeLowestInput,
        /** A redaction profile (omitted: the active one; null: none), as for the day's post. */
        profile: z.string().max(200).nullable().optional(),
      })
      .refine((input) => [input.week, input.month, input.lastDays, input.from ?? input.to].filter((value) => value !== undefined).length === 1, {
        error: 'give exactly one of week, month, lastDays or from/to',
      })
      .refine((input) => (input.from === undefined) === (input.to === undefined) && (!input.from || !input.to || input.from <= input.to), {
        error: 'a range needs from and to, from not after to',
      }),
    output: z.object({
      title: z.string(),
      from: workDateSchema,
      to: workDateSchema,
      markdown: z.string(),
      charts: z.array(z.object({ name: z.string(), fileName: z.string(), svg: z.string() })),
    }),
  },
  redactionPreview: {
    input: z.strictObject(redactionInput),
    output: z.object({
      profile: z.string().nullable(),
      markdown: z.string(),
      replacements: z.array(z.object({ original: z.string(), replacement: z.string(), alias: z.object({ from: z.string(), to: z.string() }), ...textSpotSchema })),
      leaks: z.array(redactionLeakSchema),
    }),
  },
  publishDay: {
    input: z.strictObject({ ...redactionInput, revisionNote: z.boolean().optional() }),
    output: z.object({
      snapshotId: z.number().int(),
      publishedAt: z.string(),
      markdown: z.string(),
      profile: z.string().nullable(),
      note: z.string().nullable(),
      leaks: z.array(redactionLeakSchema),
    }),
  },
  dayRevision: {
    input: dateInputSchema,
    output: z.object({
      workDate: workDateSchema,
      published: z.boolean(),
      snapshotId: z.number().int().nullable(),
      publishedAt: z.string().nullable(),
      changed: z.boolean(),
      tasks: z.object({
        added: z.array(taskSchema),
        removed: z.array(taskSchema),
        changed: z.array(z.object({ id: taskIdSchema, title: z.string(), changes: z.array(z.object({ field: z.string(), before: revisionValue, after: revisionValue })) })),
      }),
      figures: z.array(z.object({ figure: z.string(), before: z.number().nullable(), after: z.number().nullable(), beforeText: z.string(), afterText: z.string() })),
      introChanged: z.boolean(),
      analysisChanged: z.boolean(),
    }),
  },
  pendingHookSessions: { input: none, output: z.array(pendingHookSessionSchema) },
  markHookSessionHandled: { input: z.strictObject({ sessionId: z.string().min(1).max(200) }), output: z.object({ handled: z.boolean() }) },

  // Desktop wiring of issues 5, 7 and 8. saveArticle asks where to save a period article and
  // writes the SVG charts beside it; listBackups lists the backups folder; restoreBackup accepts
  // only a path listBackups returned, then main closes, restores and reopens the journal.
  saveArticle: {
    input: z.strictObject({
      markdown: z.string().max(ARTICLE_MAX_CHARS),
      suggestedName: plainFileName.max(200),
      charts: z
        .array(z.strictObject({ fileName: plainFileName.max(200).regex(/\.svg$/i, { error: 'must end with .svg' }), svg: z.string().max(CHART_MAX_CHARS) }))
        .max(10)
        .refine((charts) => new Set(charts.map((chart) => chart.fileName.toLowerCase())).size === charts.length, { error: 'chart file names must differ' }),
    }),
    output: z.object({ path: z.string().nullable() }),
  },
  listBackups: {
    input: none,
    output: z.array(z.object({ path: z.string(), fileName: z.string(), createdAt: z.string(), sizeBytes: z.number().int(), kind: z.string() })),
  },
  restoreBackup: {
    input: z.strictObject({ path: z.string().min(1).max(4096) }),
    output: z.object({ restoredFrom: z.string(), safetyBackup: z.string().nullable() }),
  },
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
  command: z.object({ name: z.enum(['newTask', 'goToDay', 'goToLog', 'goToReview', 'goToPost', 'goToSessions', 'goToSettings', 'import', 'exportPost']) }),
  /** Settings changed (theme, templates). */
  settingsChanged: settingsSchema,
  /** Sent to the quick-add window when the user accepts a "Log this session?" notification. */
  prefillQuickAdd: z.object({ sessionId: z.string() }),
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
