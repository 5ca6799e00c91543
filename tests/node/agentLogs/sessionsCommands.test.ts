import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCoreHandlers } from '../../../src/core/ipc/coreHandlers.ts';
import { invokeHandler } from '../../../src/core/ipc/invokeHandler.ts';
import { Journal } from '../../../src/core/journal.ts';
import { ipcContract } from '../../../src/shared/ipc/contract.ts';
import type { HandlerTable } from '../../../src/core/ipc/invokeHandler.ts';
import { runLeverage } from '../cli/runCli.ts';
import { tempFolder, tempJournal } from '../helpers/tempJournal.ts';
import { importFixture } from '../import/fixtures.ts';
import { ROOT_A, ROOT_B, S1, S2, S3 } from './corpus.ts';

function cli(db: string, env: NodeJS.ProcessEnv, ...args: string[]) {
  return runLeverage(['--db', db, ...args], { env, cwd: process.cwd() });
}

describe('leverage sessions and add --session', () => {
  it('lists sessions since a date from the given roots, as JSON', async () => {
    const db = path.join(tempFolder(), 'j.db');
    const run = await cli(db, {}, 'sessions', '--root', ROOT_A, '--root', ROOT_B, '--since', '2026-03-01', '--json');
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as { scan: { filesSeen: number }; sessions: { sessionId: string }[] };
    expect(output.scan.filesSeen).toBe(6);
    expect(output.sessions.map((session) => session.sessionId)).toEqual([S2, S1]);
  });

  it('add --session fills agent minutes and fresh tokens from the sessions and links them', async () => {
    const db = path.join(tempFolder(), 'j.db');
    const env = { CLAUDE_CONFIG_DIR: `${ROOT_A},${ROOT_B}` };
    const added = await cli(db, env, 'add', '--date', '2026-03-01', '--title', 'Importer', '--human', '8h', '--session', S1, '--session', '1a2b3c4d-0002', '--json');
    expect(added.stderr).toBe('');
    const task = JSON.parse(added.stdout) as { id: number; agentSeconds: number; tokens: number };
    const journal = Journal.open(db);
    try {
      const sessions = createCoreHandlers(journal).listAgentSessions({ since: '2026-03-01' }) as { sessionId: string; agentMinutes: number; freshTokens: number; linkedTaskIds: number[] }[];
      const s1 = sessions.find((session) => session.sessionId === S1)!;
      const s2 = sessions.find((session) => session.sessionId === S2)!;
      expect(task.agentSeconds).toBe(Math.round((s1.agentMinutes + s2.agentMinutes) * 60));
      expect(task.tokens).toBe(s1.freshTokens + s2.freshTokens);
      expect([s1.linkedTaskIds, s2.linkedTaskIds]).toEqual([[task.id], [task.id]]);
    } finally {
      journal.close();
    }
    const missing = await cli(db, env, 'add', '--title', 'x', '--human', '1h', '--session', 'nope');
    expect([missing.code, missing.stderr]).toEqual([1, 'leverage: There is no agent session "nope" (run `leverage sessions` to scan the logs).\n']);
    const neither = await cli(db, env, 'add', '--title', 'x', '--human', '1h');
    expect(neither.stderr).toMatch(/--agent <duration>' not specified \(or give --session ID\)/);
  });
});

describe('IPC channels for import and sessions', () => {
  it('preview writes nothing; commit writes; sessions scan, list and link', async () => {
    const journal = tempJournal();
    const handlers = createCoreHandlers(journal) as unknown as HandlerTable;
    const call = (channel: keyof typeof ipcContract, input: unknown) => invokeHandler(ipcContract, handlers, channel, input);
    const text = importFixture('factor-mismatch.md');
    const preview = await call('previewPostImport', { text, fileName: 'f.md' });
    expect(preview.ok && preview.value).toMatchObject({ days: [{ date: '2026-03-09', status: 'new', mismatches: [expect.stringContaining('states 50x')] }], errors: [] });
    expect(journal.tasks.listByDate('2026-03-09')).toEqual([]);
    const garbage = await call('commitPostImport', { text: 'nothing here' });
    expect(garbage).toMatchObject({ ok: false, error: { code: 'IMPORT_FAILED' } });
    const committed = await call('commitPostImport', { text, fileName: 'f.md', mode: 'merge' });
    expect(committed.ok && committed.value).toMatchObject({ days: [{ date: '2026-03-09', action: 'created', tasksAdded: 2 }], tasksAdded: 2 });

    const previous = process.env.CLAUDE_CONFIG_DIR;
    process.env.CLAUDE_CONFIG_DIR = `${ROOT_A},${ROOT_B}`;
    try {
      const scan = await call('scanAgentSessions', undefined);
      expect(scan.ok && scan.value).toMatchObject({ filesSeen: 6, sessionsUpdated: 4 });
    } finally {
      if (previous === undefined) delete process.env.CLAUDE_CONFIG_DIR;
      else process.env.CLAUDE_CONFIG_DIR = previous;
    }
    const taskId = journal.tasks.listByDate('2026-03-09')[0]!.id;
    const linked = await call('linkSessionsToTask', { taskId, sessionIds: [S3] });
    expect(linked).toEqual({ ok: true, value: { taskId, sessionIds: [S3] } });
    const listed = await call('listAgentSessions', { since: '2026-02-28' });
    expect(listed.ok && (listed.value as { sessionId: string; linkedTaskIds: number[] }[]).find((session) => session.sessionId === S3)?.linkedTaskIds).toEqual([taskId]);
    expect(await call('linkSessionsToTask', { taskId: 999, sessionIds: [S3] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
