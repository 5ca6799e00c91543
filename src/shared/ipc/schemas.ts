import { z } from 'zod';
import { workDateSchema } from '../domain/task.ts';

/** zod schemas of the metric engine's outputs, for the IPC contract. */
const factor = z.number().nullable();

export const taskFactorSchema = z.object({ id: z.number(), title: z.string(), factor: z.number() });

export const summarySchema = z.object({
  taskCount: z.number().int(),
  humanSeconds: z.number(),
  agentSeconds: z.number(),
  supervisionSeconds: z.number().nullable(),
  tokens: z.number().nullable(),
  tasksWithoutTokens: z.number().int(),
  tasksWithoutAgentTime: z.number().int(),
  tokensFromDayTotal: z.boolean(),
  leverage: factor,
  supervisoryLeverage: factor,
  meanLeverage: factor,
  medianLeverage: factor,
  ceiling: taskFactorSchema.nullable(),
  floor: taskFactorSchema.nullable(),
  workstreams: z.array(
    z.object({
      workstream: z.string().nullable(),
      taskCount: z.number().int(),
      humanSeconds: z.number(),
      agentSeconds: z.number(),
      humanShare: z.number(),
      agentShare: z.number().nullable(),
      leverage: factor,
    }),
  ),
});

export const seriesPointSchema = z.object({
  period: z.string(),
  label: z.string(),
  taskCount: z.number().int(),
  humanSeconds: z.number(),
  agentSeconds: z.number(),
  supervisionSeconds: z.number(),
  tokens: z.number(),
  tasksWithTokens: z.number().int(),
  tasksWithoutAgentTime: z.number().int(),
  leverage: factor,
  meanLeverage: factor,
  supervisoryLeverage: factor,
});

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
