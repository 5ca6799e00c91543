import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropSession, inboxFolderFor, markSessionHandled, pendingSessions } from '../../../src/core/hook/inbox.ts';

let folder = '';
beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'leverage-inbox-'));
});
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

describe('the hook inbox', () => {
  it('returns pending sessions, one per session however many turns, and marks them handled', () => {
    const inbox = inboxFolderFor(path.join(folder, 'leverage.db'));
    expect(inbox).toBe(path.join(folder, 'inbox'));
    expect(pendingSessions(inbox)).toEqual([]);

    expect(dropSession(inbox, { session_id: 'abc-1', transcript_path: '/t/abc-1.jsonl', cwd: '/work/app' }, new Date('2026-03-01T10:00:00Z'))).toBe('added');
    expect(dropSession(inbox, { session_id: 'abc-1', transcript_path: '/t/abc-1.jsonl' }, new Date('2026-03-01T10:05:00Z'))).toBe('updated');
    expect(dropSession(inbox, { session_id: '../evil/id', hook_event_name: 'Stop' }, new Date('2026-03-01T11:00:00Z'))).toBe('added');
    fs.writeFileSync(path.join(inbox, 'garbage.json'), '{ not json');

    const pending = pendingSessions(inbox);
    expect(pending.map((session) => session.sessionId)).toEqual(['../evil/id', 'abc-1']);
    expect(pending[1]).toEqual({
      sessionId: 'abc-1',
      transcriptPath: '/t/abc-1.jsonl',
      cwd: '/work/app',
      event: 'Stop',
      firstStopAt: '2026-03-01T10:00:00.000Z',
      lastStopAt: '2026-03-01T10:05:00.000Z',
      stops: 2,
    });
    expect(fs.readdirSync(folder)).toEqual(['inbox']); // the odd session id stayed inside the inbox

    expect(markSessionHandled(inbox, 'abc-1')).toBe(true);
    expect(markSessionHandled(inbox, 'abc-1')).toBe(false);
    expect(pendingSessions(inbox).map((session) => session.sessionId)).toEqual(['../evil/id']);
    // A later turn of a handled session does not ask again.
    expect(dropSession(inbox, { session_id: 'abc-1' })).toBe('already-handled');
    expect(pendingSessions(inbox)).toHaveLength(1);
  });
});
