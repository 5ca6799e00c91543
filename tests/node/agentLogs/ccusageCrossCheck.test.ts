import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { scanAgentLogs } from '../../../src/core/agentLogs/scanLogs.ts';
import { tempJournal } from '../helpers/tempJournal.ts';
import { LEGACY_AGENT, ROOT_A, ROOT_B, S2 } from './corpus.ts';

interface CcusageSession {
  period: string;
  inputTokens: number;
  outputTokens: number;
  cacheCreationTokens: number;
  cacheReadTokens: number;
  totalTokens: number;
}

function runCcusage(): { sessions: CcusageSession[] } | { skip: string } {
  // ccusage is not a devDependency (its registry entry lists platform packages that do not all exist,
  // which breaks `npm ci`); .ci/run installs it beside the project and sets CCUSAGE_BIN.
  const [command, ...prefix] = process.env.CCUSAGE_BIN ? [process.env.CCUSAGE_BIN] : ['npx', '--no-install', 'ccusage'];
  const run = spawnSync(command as string, [...prefix, 'session', '--json', '--offline'], {
    env: { ...process.env, CLAUDE_CONFIG_DIR: `${ROOT_A},${ROOT_B}`, NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (run.error || run.status !== 0) return { skip: `ccusage could not run (${run.error?.message ?? run.stderr.trim().split('\n').pop()}); set CCUSAGE_BIN to a ccusage 20.0.24 binary (.ci/run installs one) to cross-check` };
  return { sessions: (JSON.parse(run.stdout) as { session: CcusageSession[] }).session };
}

describe('token totals against ccusage (the oracle)', () => {
  it('our per-session totals equal `ccusage session --json --offline` on the fixture corpus', (context) => {
    const oracle = runCcusage();
    if ('skip' in oracle) return context.skip(oracle.skip);
    // ccusage lists a legacy subagent file beside the sessions as its own session; we fold it
    // into its parent (by the sessionId its lines carry), so compare against the sum.
    const expected = new Map<string, Omit<CcusageSession, 'period'>>();
    for (const session of oracle.sessions) {
      const id = session.period === LEGACY_AGENT ? S2 : session.period;
      const sum = expected.get(id) ?? { inputTokens: 0, outputTokens: 0, cacheCreationTokens: 0, cacheReadTokens: 0, totalTokens: 0 };
      expected.set(id, {
        inputTokens: sum.inputTokens + session.inputTokens,
        outputTokens: sum.outputTokens + session.outputTokens,
        cacheCreationTokens: sum.cacheCreationTokens + session.cacheCreationTokens,
        cacheReadTokens: sum.cacheReadTokens + session.cacheReadTokens,
        totalTokens: sum.totalTokens + session.totalTokens,
      });
    }
    const journal = tempJournal();
    scanAgentLogs(journal.db, [ROOT_A, ROOT_B]);
    const ours = new Map(
      journal.agentSessions.listSessions().map((session) => [
        session.sessionId,
        { inputTokens: session.inputTokens, outputTokens: session.outputTokens, cacheCreationTokens: session.cacheCreationTokens, cacheReadTokens: session.cacheReadTokens, totalTokens: session.totalTokens },
      ]),
    );
    expect(ours.size).toBe(4);
    expect(Object.fromEntries(ours)).toEqual(Object.fromEntries(expected));
  });
});
