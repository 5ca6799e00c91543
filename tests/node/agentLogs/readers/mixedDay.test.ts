import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanAgent } from '../../../../src/core/agentLogs/readers/index.ts';
import { createTaskFromSessions } from '../../../../src/core/agentLogs/sessionFill.ts';
import { Journal } from '../../../../src/core/journal.ts';
import { CODEX, GEMINI, OPENCODE, writeCodexCorpus, writeGeminiCorpus, writeOpenCodeCorpus } from './corpora.ts';

let dir: string;
let journal: Journal;
const DAY = '2026-03-02';

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leverage-mixed-day-'));
  journal = Journal.open(path.join(dir, 'journal.db'));
  scanAgent(journal.db, 'codex', [writeCodexCorpus(path.join(dir, 'codex'))]);
  scanAgent(journal.db, 'gemini', [writeGeminiCorpus(path.join(dir, 'gemini'))]);
  scanAgent(journal.db, 'opencode', [writeOpenCodeCorpus(path.join(dir, 'opencode'))]);
});
afterAll(() => {
  journal.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const tableHeader = (post: string) => post.split('\n').find((line) => line.startsWith('| Task |'));

describe('a day of three agents', () => {
  it('keeps the agentLabel on a hand-entered day', () => {
    journal.tasks.create({ workDate: '2026-03-01', title: 'Plan the week', humanSeconds: 7200, agentSeconds: 600 });
    expect(tableHeader(journal.dailyPost('2026-03-01'))).toBe('| Task | Human Est. | Claude Time | Tokens | Leverage |');
  });

  it('links sessions of several agents to tasks; the post says "Agent Time" and can name each task\'s agents', () => {
    const codex = createTaskFromSessions(journal, { workDate: DAY, title: 'Upload retries', humanSeconds: 4 * 3600 }, [CODEX.main, CODEX.fork]).task;
    const gemini = createTaskFromSessions(journal, { workDate: DAY, title: 'CI cache fix', humanSeconds: 2 * 3600 }, [GEMINI.main]).task;
    const both = createTaskFromSessions(journal, { workDate: DAY, title: 'Orders pagination', humanSeconds: 6 * 3600 }, [OPENCODE.parent, GEMINI.line]).task;
    // Agent time is the sessions' agent time; tokens their fresh tokens (input + output + reasoning + cache write).
    expect(codex.agentSeconds).toBe(Math.round((88 + 119 + 120) + 50));
    expect(gemini.tokens).toBe(11_050 + 950 + 1_200);
    expect(journal.agentSessions.taskAgentsAndModels(both.id)).toEqual({ agents: ['gemini', 'opencode'], models: ['claude-sonnet-4-5', 'gemini-2.5-pro', 'gpt-5'] });
    const post = journal.dailyPost(DAY);
    expect(tableHeader(post)).toBe('| Task | Human Est. | Agent Time | Tokens | Leverage |');
    expect(post).toContain('| Total agent minutes |');
    expect(post).not.toContain('(Codex CLI)');
    journal.settings.update({ postAgentPerTask: true, aboutText: 'This record covers work done with {agents}.' });
    const named = journal.dailyPost(DAY);
    expect(named).toContain('| Upload retries (Codex CLI) |');
    expect(named).toContain('| Orders pagination (Gemini CLI and OpenCode) |');
    expect(named).toContain('This record covers work done with Codex CLI, Gemini CLI and OpenCode.');
    // The hand-entered day still keeps its label.
    expect(tableHeader(journal.dailyPost('2026-03-01'))).toBe('| Task | Human Est. | Claude Time | Tokens | Leverage |');
  });
});
