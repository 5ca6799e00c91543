import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { scanAgent } from '../../../../src/core/agentLogs/readers/index.ts';
import { forEachLine } from '../../../../src/core/agentLogs/readers/jsonLines.ts';
import { Journal } from '../../../../src/core/journal.ts';
import { CODEX, GEMINI, OPENCODE, writeCodexCorpus, writeGeminiCorpus, writeOpenCodeCorpus } from './corpora.ts';

let dir: string;
let journal: Journal;
const roots = { codex: '', gemini: '', opencode: '' };

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leverage-readers-'));
  roots.codex = writeCodexCorpus(path.join(dir, 'codex'));
  roots.gemini = writeGeminiCorpus(path.join(dir, 'gemini'));
  roots.opencode = writeOpenCodeCorpus(path.join(dir, 'opencode'));
  journal = Journal.open(path.join(dir, 'journal.db'));
});
afterAll(() => {
  journal.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const byId = (agent: 'codex' | 'gemini' | 'opencode') => new Map(journal.agentSessions.listSessions(undefined, agent).map((session) => [session.sessionId, session]));
const minutes = (seconds: number) => seconds / 60;

describe('Codex CLI reader', () => {
  it('keys sessions by their first session_meta id, counts tokens once (repeats, resets, forks) and times turns', () => {
    const scan = scanAgent(journal.db, 'codex', [roots.codex]);
    expect(scan).toMatchObject({ sourcesSeen: 4, sourcesRead: 4, sessionsUpdated: 4, skippedFiles: 0 });
    // The truncated last line of the main rollout is counted, never a crash.
    expect(scan.badLines).toBe(1);
    const sessions = byId('codex');
    expect([...sessions.keys()].sort()).toEqual([CODEX.main, CODEX.fork, CODEX.archived, CODEX.old].sort());
    const main = sessions.get(CODEX.main);
    // Calls: 10k/2k cached/800 out/300 reasoning; 15k/10k/700/200; 6k/3k/400/100; after the reset 4k/1k/300/50.
    // Repeated totals are skipped; the reset is read from last_token_usage.
    expect(main).toMatchObject({
      agent: 'codex',
      inputTokens: 19_000,
      cacheReadTokens: 16_000,
      cacheCreationTokens: 0,
      outputTokens: 1_550,
      reasoningTokens: 650,
      totalTokens: 37_200,
      models: ['gpt-5-codex', 'gpt-5.1-codex'],
      project: 'app',
      agentTimeSource: 'turn_duration',
      parentSessionId: null,
    });
    // Turns from duration_ms: 88 s, the aborted turn's 119 s, 120 s; the person's gaps 240 s and 151 s; 12 minutes first to last.
    expect(main?.agentMinutes).toBeCloseTo(minutes(88 + 119 + 120), 6);
    expect(main?.personMinutes).toBeCloseTo(minutes(240 + 151), 6);
    expect(main?.wallMinutes).toBeCloseTo(12, 6);
    expect(main?.title).toBe('Add retries to the upload client\u0085with backoff');
    // The fork's replayed parent history is not counted again: only its own call (8k/6k/400/150).
    expect(sessions.get(CODEX.fork)).toMatchObject({ totalTokens: 8_400, inputTokens: 2_000, cacheReadTokens: 6_000, outputTokens: 250, reasoningTokens: 150, parentSessionId: CODEX.main });
    expect(sessions.get(CODEX.fork)?.agentMinutes).toBeCloseTo(minutes(50), 6);
    // Archived, no duration_ms: reconstructed from the prompt to the agent's last record (1 s → 45 s).
    expect(sessions.get(CODEX.archived)).toMatchObject({ totalTokens: 3_200, agentTimeSource: 'reconstructed', project: 'site' });
    expect(sessions.get(CODEX.archived)?.agentMinutes).toBeCloseTo(minutes(44), 6);
    // Totals only (no last_token_usage): differences of the running total.
    expect(sessions.get(CODEX.old)).toMatchObject({ totalTokens: 3_680, inputTokens: 2_000, cacheReadTokens: 1_500, outputTokens: 140, reasoningTokens: 40 });
    expect(sessions.get(CODEX.old)?.agentMinutes).toBeCloseTo(minutes(31), 6);
  });

  it('re-scans only what changed', () => {
    const again = scanAgent(journal.db, 'codex', [roots.codex]);
    expect(again).toMatchObject({ sourcesSeen: 4, sourcesRead: 0, sessionsUpdated: 0 });
  });

  it('splits lines on \\n only: U+0085 and U+2028 inside a record stay inside it', () => {
    const file = path.join(dir, 'nel.jsonl');
    fs.writeFileSync(file, `{"a":"x\u0085y\u2028z"}\n{"b":1}\n`);
    const lines: string[] = [];
    forEachLine(file, (line) => lines.push(line));
    expect(lines).toEqual(['{"a":"x\u0085y\u2028z"}', '{"b":1}']);
  });
});

describe('Gemini CLI reader', () => {
  it('sums a sessionId over its files, gives a subagent its own row and never ends a session at lastUpdated', () => {
    const scan = scanAgent(journal.db, 'gemini', [roots.gemini]);
    expect(scan).toMatchObject({ sessionsUpdated: 3, skippedFiles: 0, badLines: 1 });
    const sessions = byId('gemini');
    expect([...sessions.keys()].sort()).toEqual([GEMINI.main, GEMINI.sub, GEMINI.line].sort());
    // Cached inside input: fresh (12000 − 8000) + tool 50 + (14000 − 12000) + 5000; thoughts apart; total = Σ tokens.total.
    expect(sessions.get(GEMINI.main)).toMatchObject({ inputTokens: 11_050, cacheReadTokens: 20_000, outputTokens: 950, reasoningTokens: 1_200, totalTokens: 33_200, models: ['gemini-2.5-flash', 'gemini-2.5-pro'] });
    // Turns 0 → 70 s and 3600 → 3650 s; wall from the first message to the last (not lastUpdated, days later).
    expect(sessions.get(GEMINI.main)?.agentMinutes).toBeCloseTo(minutes(70 + 50), 6);
    expect(sessions.get(GEMINI.main)?.wallMinutes).toBeCloseTo(minutes(3650), 6);
    expect(sessions.get(GEMINI.sub)).toMatchObject({ totalTokens: 3_150, inputTokens: 2_000, cacheReadTokens: 1_000 });
    // The .jsonl chat: the message written twice counts once (its later copy); the person's gap 30 s → 150 s.
    expect(sessions.get(GEMINI.line)).toMatchObject({ totalTokens: 5_440, outputTokens: 700, title: 'Write the changelog' });
    expect(sessions.get(GEMINI.line)?.personMinutes).toBeCloseTo(2, 6);
  });
});

describe('OpenCode reader', () => {
  it('reads the database read-only and the JSON storage, keeps child sessions apart, totals all five counts', () => {
    const dbFile = path.join(roots.opencode, 'opencode.db');
    const before = fs.statSync(dbFile).mtimeMs;
    const scan = scanAgent(journal.db, 'opencode', [roots.opencode]);
    expect(scan).toMatchObject({ sessionsUpdated: 3, skippedFiles: 0, badLines: 1 });
    expect(fs.statSync(dbFile).mtimeMs).toBe(before);
    const sessions = byId('opencode');
    expect(sessions.get(OPENCODE.parent)).toMatchObject({ inputTokens: 1_600, cacheReadTokens: 44_000, cacheCreationTokens: 4_300, outputTokens: 1_400, reasoningTokens: 300, totalTokens: 51_600, title: 'Paginate the orders endpoint', parentSessionId: null });
    expect(sessions.get(OPENCODE.child)).toMatchObject({ totalTokens: 7_100, parentSessionId: OPENCODE.parent });
    expect(sessions.get(OPENCODE.json)).toMatchObject({ totalTokens: 4_950, models: ['qwen3-coder'], project: 'docs' });
    // Turns: 0 → 150 s and 300 → 401 s (the last assistant message, still without tokens, is agent work); the person's gap 150 s.
    expect(sessions.get(OPENCODE.parent)?.agentMinutes).toBeCloseTo(minutes(251), 6);
    expect(sessions.get(OPENCODE.parent)?.personMinutes).toBeCloseTo(2.5, 6);
  });
});

interface OracleRow {
  sessionId: string;
  totalTokens: number;
  sessionFile?: string;
}

function ccusage(agent: string, env: Record<string, string>): OracleRow[] | { skip: string } {
  const [command, ...prefix] = process.env.CCUSAGE_BIN ? [process.env.CCUSAGE_BIN] : ['npx', '--no-install', 'ccusage'];
  const run = spawnSync(command as string, [...prefix, agent, 'session', '--json', '--offline'], { env: { ...process.env, ...env, NO_COLOR: '1' }, encoding: 'utf8', timeout: 60_000 });
  if (run.error || run.status !== 0) return { skip: `ccusage could not run (${run.error?.message ?? run.stderr.trim().split('\n').pop()}); set CCUSAGE_BIN to a ccusage 20.0.24 binary (.ci/run installs one)` };
  return (JSON.parse(run.stdout) as { sessions: OracleRow[] }).sessions;
}

describe('token totals against ccusage 20.0.24 (the oracle), per agent', () => {
  it('Codex: per-session totals equal `ccusage codex session` (its rows are files; ours the session_meta id ending each name)', (context) => {
    const rows = ccusage('codex', { CODEX_HOME: roots.codex });
    if (!Array.isArray(rows)) return context.skip(rows.skip);
    const ours = byId('codex');
    expect(rows.length).toBe(ours.size);
    for (const row of rows) {
      const id = /([0-9a-f-]{36})$/.exec(row.sessionFile ?? row.sessionId)?.[1] ?? '';
      expect(ours.get(id)?.totalTokens, id).toBe(row.totalTokens);
    }
  });

  it('Gemini: per-session totals equal `ccusage gemini session` (GEMINI_DATA_DIR = <.gemini>/tmp)', (context) => {
    const rows = ccusage('gemini', { GEMINI_DATA_DIR: path.join(roots.gemini, 'tmp') });
    if (!Array.isArray(rows)) return context.skip(rows.skip);
    const ours = byId('gemini');
    expect(new Map(rows.map((row) => [row.sessionId, row.totalTokens]))).toEqual(new Map([...ours].map(([id, session]) => [id, session.totalTokens])));
  });

  it('OpenCode: per-session totals equal `ccusage opencode session` (OPENCODE_DATA_DIR)', (context) => {
    const rows = ccusage('opencode', { OPENCODE_DATA_DIR: roots.opencode });
    if (!Array.isArray(rows)) return context.skip(rows.skip);
    const ours = byId('opencode');
    expect(new Map(rows.map((row) => [row.sessionId, row.totalTokens]))).toEqual(new Map([...ours].map(([id, session]) => [id, session.totalTokens])));
  });
});
