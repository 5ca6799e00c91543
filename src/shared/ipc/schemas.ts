import { z } from 'zod';
import { taskIdSchema, workDateSchema } from '../domain/task.ts';

/** zod schemas of the metric engine's outputs, for the IPC contract. */
const factor = z.number().nullable();

export const taskFactorSchema = z.object({ id: z.number(), title: z.string(), factor: z.number() });

export const workstreamShareSchema = z.object({
  workstream: z.string().nullable(),
  taskCount: z.number().int(),
  humanSeconds: z.number(),
  agentSeconds: z.number(),
  /** Share of the period's human-equivalent time, 0..1. */
  humanShare: z.number(),
  /** Share of the period's agent time, 0..1 (null when the period has no agent time). */
  agentShare: z.number().nullable(),
  leverage: factor,
});

/** Every figure of a day, week or range (shared/metrics/summary.ts computes it). */
export const summarySchema = z.object({
  taskCount: z.number().int(),
  humanSeconds: z.number(),
  agentSeconds: z.number(),
  /** Null when no task recorded supervision (unknown is not zero). */
  supervisionSeconds: z.number().nullable(),
  /** Tokens summed over tasks that recorded them, or a day-level total; null when nothing is known. */
  tokens: z.number().nullable(),
  tasksWithoutTokens: z.number().int(),
  /** True when `tokens` is a day-level total stated by a post rather than a sum of tasks. */
  tokensFromDayTotal: z.boolean(),
  /** Weighted leverage: Σhuman ÷ Σagent. Never the mean of ratios. */
  leverage: factor,
  /** Weighted supervisory factor: Σhuman ÷ Σsupervision over the tasks that recorded supervision. */
  supervisoryLeverage: factor,
  /** The simple (unweighted) mean of the task factors, labelled as such wherever it is shown. */
  meanLeverage: factor,
  medianLeverage: factor,
  ceiling: taskFactorSchema.nullable(),
  floor: taskFactorSchema.nullable(),
  workstreams: z.array(workstreamShareSchema),
});

/** One point of a chart series: a day or an ISO week (keyed by its Monday). */
export const seriesPointSchema = z.object({
  /** "YYYY-MM-DD": the day, or the Monday of the week. */
  period: z.string(),
  /** "2026-03-01" for days, "2026-W09" for weeks. */
  label: z.string(),
  taskCount: z.number().int(),
  humanSeconds: z.number(),
  agentSeconds: z.number(),
  supervisionSeconds: z.number(),
  tokens: z.number(),
  tasksWithTokens: z.number().int(),
  /** Weighted Σhuman ÷ Σagent. */
  leverage: factor,
  /** Simple mean of the task factors (a second, labelled series). */
  meanLeverage: factor,
  supervisoryLeverage: factor,
});

/** All-time figures. */
export const cumulativeSchema = z.object({
  days: z.number().int(),
  firstDate: z.string().nullable(),
  lastDate: z.string().nullable(),
  taskCount: z.number().int(),
  humanSeconds: z.number(),
  agentSeconds: z.number(),
  tokens: z.number(),
  leverage: factor,
  meanLeverage: factor,
});

export const dateInputSchema = z.strictObject({ date: workDateSchema });
export const rangeInputSchema = z
  .strictObject({ from: workDateSchema, to: workDateSchema })
  .refine((range) => range.from <= range.to, { error: 'from must not be after to' });
export const optionalRangeInputSchema = z
  .strictObject({ from: workDateSchema.optional(), to: workDateSchema.optional() })
  .refine((range) => !range.from || !range.to || range.from <= range.to, { error: 'from must not be after to' });
export const isoWeekSchema = z.string().regex(/^\d{4}-W\d{2}$/, { error: 'must be an ISO week such as 2026-W09' });

/**
 * Analysis facts: sentences the user can insert into a post's Analysis section, every number
 * computed from the data (never typed by hand), each with the figures it states.
 */
export const FACT_KINDS = [
  'overview',
  'ceiling',
  'floor',
  'excluding-lowest',
  'lowest-share',
  'human-weeks',
  'workstream-share',
  'previous-day',
  'previous-week',
  'most-tasks',
  'highest-leverage',
  'lowest-leverage',
  'largest-task',
] as const;
export const figureValueSchema = z.union([z.number(), z.string(), z.boolean(), z.null(), z.array(z.number()), z.array(z.string())]);
export const factSchema = z.object({ kind: z.enum(FACT_KINDS), text: z.string(), figures: z.record(z.string(), figureValueSchema) });

/** A Claude Code session's figures, as stored (the logs themselves may be gone). */
/** The coding agents whose logs are read (src/core/agentLogs/readers/types.ts). */
export const agentIdSchema = z.enum(['claude', 'codex', 'gemini', 'opencode']);

export const agentSessionSchema = z.object({
  /** Which coding agent's logs the session came from. */
  agent: agentIdSchema,
  /** The agent's own id for the session (Codex: its first session_meta id; Gemini: sessionId; OpenCode: ses_…). */
  sessionId: z.string(),
  /** A forked Codex session's or an OpenCode child session's parent (its tokens are not in this row). */
  parentSessionId: z.string().nullable(),
  project: z.string().nullable(),
  cwd: z.string().nullable(),
  gitBranch: z.string().nullable(),
  /** Suggested task title: the session summary, else its first prompt. */
  title: z.string().nullable(),
  firstAt: z.string().nullable(),
  lastAt: z.string().nullable(),
  /** Agent working time: Σ turn_duration where logged, else reconstructed turns. */
  agentMinutes: z.number(),
  /** Agent-hours: the sum over parallel threads (docs/agent-time.md). */
  agentHours: z.number(),
  /** The person's measured time (gaps before their prompts, each capped); null where the reader does not measure it yet. */
  personMinutes: z.number().nullable(),
  agentTimeSource: z.enum(['turn_duration', 'reconstructed', 'mixed']),
  /** First to last record, idle time included. */
  wallMinutes: z.number(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  cacheCreationTokens: z.number().int(),
  cacheReadTokens: z.number().int(),
  /** Thinking output (Codex reasoning, Gemini thoughts, OpenCode reasoning); 0 for Claude Code, whose output includes it. */
  reasoningTokens: z.number().int(),
  /** input + output + reasoning + cache creation: what the session newly spent. */
  freshTokens: z.number().int(),
  /** The session's total as ccusage 20.0.24 gives it for this agent (Claude Code: all four counts). */
  totalTokens: z.number().int(),
  models: z.array(z.string()),
  badLines: z.number().int(),
  linkedTaskIds: z.array(taskIdSchema),
});
