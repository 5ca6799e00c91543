import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dropSession, inboxFolderFor } from '../../../src/core/hook/inbox.ts';
import { createCoreHandlers } from '../../../src/core/ipc/coreHandlers.ts';
import { invoke, type HandlerTable } from '../../../src/core/ipc/invokeHandler.ts';
import { Journal } from '../../../src/core/journal.ts';
import type { Channel } from '../../../src/shared/ipc/contract.ts';
import { loadMarchFirst, seedTaskInputs } from './seedJournal.ts';

let journal: Journal | null = null;
let folder = '';
afterEach(() => {
  journal?.close();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
  folder = '';
});

function open(): HandlerTable {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'leverage-publishing-ipc-'));
  journal = Journal.open(path.join(folder, 'leverage.db'));
  journal.tasks.createMany(seedTaskInputs(loadMarchFirst()));
  // Only the core channels are exercised here; the shell's are implemented by main.
  return createCoreHandlers(journal) as unknown as HandlerTable;
}

async function value<C extends Channel>(handlers: HandlerTable, channel: C, input: unknown) {
  const result = await invoke(handlers, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

describe('publishing IPC channels', () => {
  it('dayFacts and weekFacts return facts that pass the contract', async () => {
    const handlers = open();
    const facts = await value(handlers, 'dayFacts', { date: '2026-03-01' });
    expect(facts.find((fact) => fact.kind === 'human-weeks')?.text).toContain('roughly five weeks');
    const week = await value(handlers, 'weekFacts', { week: '2026-W09', excludeLowest: 1 });
    expect(week.find((fact) => fact.kind === 'excluding-lowest')?.figures.excludedCount).toBe(1);
    const bad = await invoke(handlers, 'dayFacts', { date: '2026-02-30' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('periodArticle returns markdown and charts, and refuses two periods at once', async () => {
    const handlers = open();
    const article = await value(handlers, 'periodArticle', { month: '2026-03' });
    expect(article).toMatchObject({ title: 'Leverage Record: March 2026', from: '2026-03-01', to: '2026-03-31' });
    expect(article.charts.map((chart) => chart.fileName)).toEqual(['human-hours-per-day.svg', 'leverage-per-week.svg']);
    const bad = await invoke(handlers, 'periodArticle', { month: '2026-03', lastDays: 7 });
    expect(bad.ok ? '' : bad.error.message).toContain('exactly one');
  });

  it('redactionPreview, publishDay and dayRevision', async () => {
    const handlers = open();
    const duplicate = await invoke(handlers, 'updateSettings', { redactionProfiles: [{ name: 'p', aliases: [] }, { name: 'p', aliases: [] }] });
    expect(duplicate.ok ? '' : duplicate.error.message).toContain('profile names must be unique');
    const pipe = await invoke(handlers, 'updateSettings', { redactionProfiles: [{ name: 'p', aliases: [{ from: 'x', to: 'a | b' }] }] });
    expect(pipe.ok ? '' : pipe.error.message).toContain('cannot contain "|"');
    await value(handlers, 'updateSettings', { redactionProfiles: [{ name: 'p', aliases: [{ from: 'SQLite', to: 'a database' }] }] });
    const preview = await value(handlers, 'redactionPreview', { date: '2026-03-01', profile: 'p' });
    expect(preview.replacements).toHaveLength(1);
    expect(preview.markdown).toContain('a database');
    const missing = await invoke(handlers, 'redactionPreview', { date: '2026-03-01', profile: 'nope' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const published = await value(handlers, 'publishDay', { date: '2026-03-01', profile: 'p' });
    expect(published.profile).toBe('p');
    const task = (await value(handlers, 'listTasksByDay', { date: '2026-03-01' }))[0];
    await value(handlers, 'updateTask', { id: task?.id, patch: { title: 'Renamed' } });
    const revision = await value(handlers, 'dayRevision', { date: '2026-03-01' });
    expect(revision.changed).toBe(true);
    expect(revision.tasks.changed[0]?.changes).toEqual([{ field: 'title', before: task?.title, after: 'Renamed' }]);
  });

  it('pendingHookSessions and markHookSessionHandled read the inbox beside the database', async () => {
    const handlers = open();
    expect(await value(handlers, 'pendingHookSessions', undefined)).toEqual([]);
    dropSession(inboxFolderFor((journal as Journal).path), { session_id: 'abc', transcript_path: '/t/abc.jsonl' });
    const pending = await value(handlers, 'pendingHookSessions', undefined);
    expect(pending.map((session) => session.sessionId)).toEqual(['abc']);
    expect(await value(handlers, 'markHookSessionHandled', { sessionId: 'abc' })).toEqual({ handled: true });
    expect(await value(handlers, 'pendingHookSessions', undefined)).toEqual([]);
  });
});
