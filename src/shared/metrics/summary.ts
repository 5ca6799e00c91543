import type { z } from 'zod';
import type { summarySchema, taskFactorSchema, workstreamShareSchema } from '../ipc/schemas.ts';
import { ratio } from '../units/factor.ts';

/** The fields of a task the metric engine reads. */
export interface MetricTask {
  id: number;
  title: string;
  workstream: string | null;
  humanSeconds: number;
  agentSeconds: number;
  supervisionSeconds: number | null;
  tokens: number | null;
}

// The figures' types are the IPC schemas' (src/shared/ipc/schemas.ts), so the two cannot drift.
export type TaskFactor = z.infer<typeof taskFactorSchema>;
export type WorkstreamShare = z.infer<typeof workstreamShareSchema>;
export type Summary = z.infer<typeof summarySchema>;

export function taskLeverage(task: Pick<MetricTask, 'humanSeconds' | 'agentSeconds'>): number | null {
  return ratio(task.humanSeconds, task.agentSeconds);
}

export function taskSupervisoryFactor(task: Pick<MetricTask, 'humanSeconds' | 'supervisionSeconds'>): number | null {
  return ratio(task.humanSeconds, task.supervisionSeconds);
}

/** Human-equivalent weeks of senior engineering (40-hour weeks). */
export function humanWeeks(humanSeconds: number): number {
  return humanSeconds / 3600 / 40;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export interface SummaryOptions {
  /** Task ids to leave out (the seeds' "excluding those, the remaining ten tasks average 48.9x"). */
  exclude?: ReadonlySet<number>;
  /** A day-level token total (from an imported post) used when no task recorded tokens. */
  dayTokens?: number | null;
}

/** Every figure of a day, week or range, from its tasks. */
export function summarize(allTasks: readonly MetricTask[], options: SummaryOptions = {}): Summary {
  const tasks = options.exclude ? allTasks.filter((task) => !options.exclude?.has(task.id)) : allTasks;
  let humanSeconds = 0;
  let agentSeconds = 0;
  /** Σhuman over tasks with agent time: the numerator of the weighted leverage. */
  let ratioHumanSeconds = 0;
  let supervisionSeconds = 0;
  let supervisedHumanSeconds = 0;
  let supervisedCount = 0;
  let tokens = 0;
  let tokenCount = 0;
  const factors: TaskFactor[] = [];
  const streams = new Map<string | null, { taskCount: number; humanSeconds: number; agentSeconds: number; ratioHumanSeconds: number }>();

  for (const task of tasks) {
    humanSeconds += task.humanSeconds;
    agentSeconds += task.agentSeconds;
    const hasAgentTime = task.agentSeconds > 0;
    if (hasAgentTime) ratioHumanSeconds += task.humanSeconds;
    if (task.supervisionSeconds !== null) {
      supervisionSeconds += task.supervisionSeconds;
      supervisedHumanSeconds += task.humanSeconds;
      supervisedCount += 1;
    }
    if (task.tokens !== null) {
      tokens += task.tokens;
      tokenCount += 1;
    }
    const factor = taskLeverage(task);
    if (factor !== null) factors.push({ id: task.id, title: task.title, factor });
    const stream = streams.get(task.workstream) ?? { taskCount: 0, humanSeconds: 0, agentSeconds: 0, ratioHumanSeconds: 0 };
    stream.taskCount += 1;
    stream.humanSeconds += task.humanSeconds;
    stream.agentSeconds += task.agentSeconds;
    if (hasAgentTime) stream.ratioHumanSeconds += task.humanSeconds;
    streams.set(task.workstream, stream);
  }

  // Ceiling: highest factor, earliest entry on ties; floor: lowest factor, earliest entry on ties.
  let ceiling: TaskFactor | null = null;
  let floor: TaskFactor | null = null;
  for (const entry of factors) {
    if (ceiling === null || entry.factor > ceiling.factor) ceiling = entry;
    if (floor === null || entry.factor < floor.factor) floor = entry;
  }

  const useDayTokens = tokenCount === 0 && options.dayTokens !== undefined && options.dayTokens !== null && !options.exclude;
  return {
    taskCount: tasks.length,
    humanSeconds,
    agentSeconds,
    supervisionSeconds: supervisedCount > 0 ? supervisionSeconds : null,
    tokens: useDayTokens ? (options.dayTokens ?? null) : tokenCount > 0 ? tokens : null,
    tasksWithoutTokens: tasks.length - tokenCount,
    tasksWithoutAgentTime: tasks.length - factors.length,
    tokensFromDayTotal: useDayTokens,
    leverage: ratio(ratioHumanSeconds, agentSeconds),
    supervisoryLeverage: supervisedCount > 0 ? ratio(supervisedHumanSeconds, supervisionSeconds) : null,
    meanLeverage: factors.length > 0 ? factors.reduce((sum, entry) => sum + entry.factor, 0) / factors.length : null,
    medianLeverage: median(factors.map((entry) => entry.factor)),
    ceiling,
    floor,
    workstreams: [...streams.entries()]
      .map(([workstream, stream]) => ({
        workstream,
        taskCount: stream.taskCount,
        humanSeconds: stream.humanSeconds,
        agentSeconds: stream.agentSeconds,
        humanShare: humanSeconds > 0 ? stream.humanSeconds / humanSeconds : 0,
        agentShare: ratio(stream.agentSeconds, agentSeconds),
        leverage: ratio(stream.ratioHumanSeconds, stream.agentSeconds),
      }))
      .sort((a, b) => b.humanSeconds - a.humanSeconds),
  };
}

/** "1 task has no agent time", "3 tasks have no agent time": how the figures name the tasks left out of the ratios. */
export function noAgentTimeText(count: number): string {
  return count === 1 ? '1 task has no agent time' : `${count} tasks have no agent time`;
}

/** The figures `leverage stats --json` prints: exactly these keys, unrounded, null where undefined. */
export interface StatsJson {
  taskCount: number;
  humanHours: number;
  agentMinutes: number;
  supervisionMinutes: number | null;
  tokens: number | null;
  tasksWithoutTokens: number;
  /** Tasks with no agent time, left out of the leverage ratios (still in taskCount and humanHours). */
  tasksWithoutAgentTime: number;
  leverage: number | null;
  supervisoryLeverage: number | null;
  meanLeverage: number | null;
  medianLeverage: number | null;
}

export function toStatsJson(summary: Summary): StatsJson {
  return {
    taskCount: summary.taskCount,
    humanHours: summary.humanSeconds / 3600,
    agentMinutes: summary.agentSeconds / 60,
    supervisionMinutes: summary.supervisionSeconds === null ? null : summary.supervisionSeconds / 60,
    tokens: summary.tokens,
    tasksWithoutTokens: summary.tasksWithoutTokens,
    tasksWithoutAgentTime: summary.tasksWithoutAgentTime,
    leverage: summary.leverage,
    supervisoryLeverage: summary.supervisoryLeverage,
    meanLeverage: summary.meanLeverage,
    medianLeverage: summary.medianLeverage,
  };
}
