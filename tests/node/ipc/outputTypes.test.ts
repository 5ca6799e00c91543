import { describe, expect, it } from 'vitest';
import type { DriftingChannels, ExpectExactOutputs, ExtraKeys } from '../../../src/core/ipc/invokeHandler.ts';
import type { ChannelOutput } from '../../../src/shared/ipc/contract.ts';
import type { Summary } from '../../../src/shared/metrics/summary.ts';

// A core type that grew a field its IPC schema lacks: zod would strip it at the boundary.
type SummaryWithProject = Summary & { project: string };
type SessionsWithExtraNested = (ChannelOutput<'listAgentSessions'>[number] & { cost: { usd: number } })[];

describe('IPC output types come from one place', () => {
  it('flags a field the schema does not declare, at any depth, and passes exact outputs', () => {
    const extra: ExtraKeys<SummaryWithProject, ChannelOutput<'dayMetrics'>> = 'project';
    const nested: ExtraKeys<SessionsWithExtraNested, ChannelOutput<'listAgentSessions'>> = 'cost';
    const none: [ExtraKeys<Summary, ChannelOutput<'dayMetrics'>>] extends [never] ? true : false = true;
    expect([extra, nested, none]).toEqual(['project', 'cost', true]);
  });

  it('names the drifting channel at compile time', () => {
    type Table = { dayMetrics: () => SummaryWithProject; weekMetrics: () => Summary };
    const drifting: DriftingChannels<Table> = 'dayMetrics';
    // @ts-expect-error weekMetrics returns exactly its output type, so it is not drifting.
    const notDrifting: DriftingChannels<Table> = 'weekMetrics';
    type Check = ExpectExactOutputs<DriftingChannels<Pick<Table, 'weekMetrics'>>>;
    // @ts-expect-error a table with a drifting channel fails the check.
    type Failing = ExpectExactOutputs<DriftingChannels<Table>>;
    const checks: [Check?, Failing?] = [];
    expect([drifting, notDrifting, checks.length]).toEqual(['dayMetrics', 'weekMetrics', 0]);
  });
});
