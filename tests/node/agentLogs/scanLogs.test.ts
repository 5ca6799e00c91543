import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claudeRoots } from '../../../src/core/agentLogs/roots.ts';
import { scanAgentLogs } from '../../../src/core/agentLogs/scanLogs.ts';
import { tempFolder, tempJournal } from '../helpers/tempJournal.ts';
import { copyCorpus, jsonl, ROOT_A, ROOT_B, S1, S2, S3, S4 } from './corpus.ts';

function sessionsById(journal: ReturnType<typeof tempJournal>) {
  return new Map(journal.agentSessions.listSessions().map((session) => [session.sessionId, session]));
}

describe('reading Claude Code logs', () => {
  it('reads every session of two roots, skipping (and counting) bad lines', () => {
    const journal = tempJournal();
    const scan = scanAgentLogs(journal.db, [ROOT_A, ROOT_B]);
    expect(scan).toMatchObject({ filesSeen: 6, filesRead: 6, badLines: 2, sessionsUpdated: 4 });
    const sessions = sessionsById(journal);
    expect([...sessions.keys()].sort()).toEqual([S1, S2, S3, S4]);
    expect(sessions.get(S1)?.badLines).toBe(1);
    expect(sessions.get(S2)?.badLines).toBe(1);
  });

  it('counts tokens once per message id + request id (largest streamed copy), subagents included, <synthetic> skipped', () => {
    const journal = tempJournal();
    scanAgentLogs(journal.db, [ROOT_A, ROOT_B]);
    const s1 = sessionsById(journal).get(S1)!;
    // Main: msg_1a (final copy 12/180/2000/0), msg_1b 8/420/500/2000, msg_1d (final copy 5/900/0/2500);
    // subagent: 30/600/1000/500 and 10/200/0/1500.
    expect([s1.inputTokens, s1.outputTokens, s1.cacheCreationTokens, s1.cacheReadTokens]).toEqual([12 + 8 + 5 + 30 + 10, 180 + 420 + 900 + 600 + 200, 2000 + 500 + 1000, 2000 + 2500 + 500 + 1500]);
    expect(s1.freshTokens).toBe(s1.inputTokens + s1.outputTokens + s1.cacheCreationTokens);
    expect(s1.totalTokens).toBe(s1.freshTokens + s1.cacheReadTokens);
    expect(s1.models).toEqual(['claude-haiku-4-5-20251001', 'claude-sonnet-4-5-20250929']);
    // The legacy subagent file beside the sessions joins its parent by its sessionId field.
    expect(sessionsById(journal).get(S2)?.inputTokens).toBe(20 + 6 + 4 + 50);
    // A repeated message without a request id is still one message.
    expect(sessionsById(journal).get(S3)?.inputTokens).toBe(100 + 3);
  });

  it('a <synthetic> record with usage is not counted', () => {
    const root = tempFolder();
    const file = path.join(root, 'projects', '-p', 'syn.jsonl');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const line = (model: string, id: string) => ({ type: 'assistant', sessionId: 'syn', requestId: `r-${id}`, timestamp: '2026-03-01T10:00:00Z', message: { id, model, usage: { input_tokens: 7, output_tokens: 7, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 } } });
    fs.writeFileSync(file, jsonl(line('claude-sonnet-4-5', 'm1'), line('<synthetic>', 'm2')));
    const journal = tempJournal();
    scanAgentLogs(journal.db, [root]);
    expect(sessionsById(journal).get('syn')?.totalTokens).toBe(14);
  });

  it('agent minutes from turn_duration lines where present, else reconstructed turns; wall time apart', () => {
    const journal = tempJournal();
    scanAgentLogs(journal.db, [ROOT_A, ROOT_B]);
    const sessions = sessionsById(journal);
    expect(sessions.get(S1)).toMatchObject({ agentMinutes: (95_000 + 185_000) / 60_000, agentTimeSource: 'turn_duration', wallMinutes: 33 + 5 / 60 });
    // S2: 14:00 → 14:05 and 15:00 → 15:03; the idle hour between and the /cost command do not count.
    expect(sessions.get(S2)).toMatchObject({ agentMinutes: 8, agentTimeSource: 'reconstructed', wallMinutes: 63 });
    expect(sessions.get(S4)).toMatchObject({ agentMinutes: 20 / 60, agentTimeSource: 'reconstructed' });
  });

  it('suggests a title (summary, else first prompt), project (from cwd) and branch', () => {
    const journal = tempJournal();
    scanAgentLogs(journal.db, [ROOT_A, ROOT_B]);
    const sessions = sessionsById(journal);
    expect(sessions.get(S1)).toMatchObject({ title: 'Import published Leverage Record posts', project: 'leverage-journal', gitBranch: 'main' });
    expect(sessions.get(S2)).toMatchObject({ title: 'Build the sessions list', project: 'leverage-journal', gitBranch: 'feature/sessions' });
    expect(sessions.get(S3)).toMatchObject({ title: 'Refactor the scoring CLI', project: 'other-app', cwd: '/home/dev/other-app' });
  });

  it('a re-scan reads only the bytes appended since the last one', () => {
    const { rootA, rootB } = copyCorpus();
    const journal = tempJournal();
    const first = scanAgentLogs(journal.db, [rootA, rootB]);
    const total = [rootA, rootB].flatMap((root) => fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => fs.statSync(path.join(entry.parentPath, entry.name)).size)).reduce((a, b) => a + b, 0);
    expect(first.bytesRead).toBe(total);
    expect(scanAgentLogs(journal.db, [rootA, rootB])).toMatchObject({ filesRead: 0, bytesRead: 0, linesRead: 0 });

    const file = path.join(rootB, 'projects', '-home-dev-other-app', `${S4}.jsonl`);
    const context = { sessionId: S4, cwd: '/home/dev/other-app', gitBranch: 'fix/typo' };
    const appended = jsonl(
      { ...context, type: 'user', timestamp: '2026-02-28T20:10:00.000Z', message: { role: 'user', content: 'One more thing' } },
      { ...context, type: 'assistant', requestId: 'req_4b', timestamp: '2026-02-28T20:12:00.000Z', message: { id: 'msg_4b', model: 'claude-sonnet-4-5-20250929', usage: { input_tokens: 1, output_tokens: 1000, cache_creation_input_tokens: 0, cache_read_input_tokens: 50 } } },
    );
    // A line still being written (no newline yet) is left for the next scan.
    const partial = '{"type":"assistant","sessionId":"' + S4 + '"';
    fs.appendFileSync(file, appended + partial);
    const second = scanAgentLogs(journal.db, [rootA, rootB]);
    expect(second).toMatchObject({ filesRead: 1, bytesRead: Buffer.byteLength(appended), linesRead: 2, badLines: 0, sessionsUpdated: 1 });
    expect(sessionsById(journal).get(S4)).toMatchObject({ outputTokens: 99 + 1000, cacheReadTokens: 50, agentMinutes: 20 / 60 + 2 });

    fs.appendFileSync(file, ',"requestId":"req_4c","timestamp":"2026-02-28T20:13:00.000Z","message":{"id":"msg_4c","model":"claude-sonnet-4-5-20250929","usage":{"input_tokens":2,"output_tokens":3,"cache_creation_input_tokens":0,"cache_read_input_tokens":0}}}\n');
    const third = scanAgentLogs(journal.db, [rootA, rootB]);
    expect(third).toMatchObject({ filesRead: 1, linesRead: 1, badLines: 0 });
    expect(sessionsById(journal).get(S4)?.outputTokens).toBe(99 + 1000 + 3);
  });

  it('keeps the figures when the logs are deleted, and re-reads a file that was replaced', () => {
    const { rootA, rootB } = copyCorpus();
    const journal = tempJournal();
    scanAgentLogs(journal.db, [rootA, rootB]);
    const before = sessionsById(journal).get(S3);
    fs.rmSync(path.join(rootB, 'projects', '-home-dev-other-app', `${S3}.jsonl`));
    scanAgentLogs(journal.db, [rootA, rootB]);
    expect(sessionsById(journal).get(S3)).toEqual(before);

    const s4 = path.join(rootB, 'projects', '-home-dev-other-app', `${S4}.jsonl`);
    fs.writeFileSync(s4, jsonl({ type: 'user', sessionId: S4, timestamp: '2026-02-28T21:00:00.000Z', message: { role: 'user', content: 'x' } }));
    expect(scanAgentLogs(journal.db, [rootA, rootB]).filesRead).toBe(1);
    expect(sessionsById(journal).get(S4)?.lastAt).toBe('2026-02-28T21:00:00.000Z');
  });

  it('finds the default roots from CLAUDE_CONFIG_DIR (comma separated) or the home folder', () => {
    expect(claudeRoots({ CLAUDE_CONFIG_DIR: `${ROOT_A}, ${ROOT_B},/nonexistent` })).toEqual([ROOT_A, ROOT_B]);
    const home = tempFolder();
    fs.mkdirSync(path.join(home, '.claude', 'projects'), { recursive: true });
    expect(claudeRoots({}, home)).toEqual([path.join(home, '.claude')]);
  });
});
