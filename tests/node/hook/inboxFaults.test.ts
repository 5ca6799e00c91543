import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dropSession, sessionFileName, markSessionHandled, pendingSessions } from '../../../src/core/hook/inbox.ts';
import { tempFolder } from '../helpers/tempJournal.ts';
import { runCliProcess } from '../reliability/support/processes.ts';

describe('hostile files in the inbox', () => {
  it.runIf(process.platform !== 'win32')('a FIFO named *.json (and a symlink to one) does not hang hook pending; the real sessions are listed', async () => {
    const folder = tempFolder();
    const inbox = path.join(folder, 'inbox');
    dropSession(inbox, { session_id: 'real-session', cwd: '/work/app' }, new Date('2026-03-01T10:00:00Z'));
    execFileSync('mkfifo', [path.join(inbox, 'trap.json')]);
    execFileSync('mkfifo', [path.join(folder, 'elsewhere.fifo')]);
    fs.symlinkSync(path.join(folder, 'elsewhere.fifo'), path.join(inbox, 'link.json'));
    fs.symlinkSync('/dev/zero', path.join(inbox, 'zero.json'));

    // In its own process: a blocking read of a FIFO would hang it (and this test would time out).
    const started = Date.now();
    const run = await runCliProcess(['--db', path.join(folder, 'leverage.db'), 'hook', 'pending', '--inbox', inbox, '--json']);
    const seconds = (Date.now() - started) / 1000;
    console.log(`hook pending with a FIFO, a symlinked FIFO and /dev/zero in the inbox: exit ${run.code} in ${seconds.toFixed(1)} s`);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { sessionId: string }[]).map((session) => session.sessionId)).toEqual(['real-session']);
    expect(pendingSessions(inbox).map((session) => session.sessionId)).toEqual(['real-session']);
  }, 30_000);
});

describe('session ids that sanitise to the same characters', () => {
  it('a/b and a_b (and ABC and abc) get distinct inbox files and are handled separately', () => {
    const inbox = path.join(tempFolder(), 'inbox');
    const ids = ['a/b', 'a_b', 'a:b', 'ABC', 'abc', '../a_b'];
    for (const id of ids) expect(dropSession(inbox, { session_id: id, cwd: `/cwd/${id}` })).toBe('added');
    expect(new Set(ids.map(sessionFileName)).size).toBe(ids.length);
    expect(new Set(ids.map((id) => sessionFileName(id).toLowerCase())).size).toBe(ids.length);
    expect(pendingSessions(inbox).map((session) => [session.sessionId, session.cwd]).sort()).toEqual(ids.map((id) => [id, `/cwd/${id}`]).sort());

    expect(dropSession(inbox, { session_id: 'a/b' })).toBe('updated');
    expect(pendingSessions(inbox).find((session) => session.sessionId === 'a_b')?.stops).toBe(1);
    expect(markSessionHandled(inbox, 'a/b')).toBe(true);
    expect(pendingSessions(inbox).map((session) => session.sessionId)).toContain('a_b');
    expect(dropSession(inbox, { session_id: 'a/b' })).toBe('already-handled');
    expect(dropSession(inbox, { session_id: 'a_b' })).toBe('updated');
  });

  it("a session file written under an earlier version's name is still updated and handled", () => {
    const inbox = path.join(tempFolder(), 'inbox');
    fs.mkdirSync(inbox, { recursive: true });
    const legacy = { sessionId: 'x/y', transcriptPath: null, cwd: '/w', event: 'Stop', firstStopAt: '2026-03-01T10:00:00.000Z', lastStopAt: '2026-03-01T10:00:00.000Z', stops: 1 };
    fs.writeFileSync(path.join(inbox, 'x_y.json'), JSON.stringify(legacy));
    expect(dropSession(inbox, { session_id: 'x/y' })).toBe('updated');
    expect(pendingSessions(inbox)).toHaveLength(1);
    expect(pendingSessions(inbox)[0]?.stops).toBe(2);
    expect(markSessionHandled(inbox, 'x/y')).toBe(true);
    expect(pendingSessions(inbox)).toEqual([]);
  });
});

describe.runIf(process.platform !== 'win32')('inbox permissions', () => {
  it('the inbox is 0700 and each session file 0600, whatever the umask; no temporary file is left', () => {
    const inbox = path.join(tempFolder(), 'inbox');
    const previous = process.umask(0o000);
    try {
      dropSession(inbox, { session_id: 'private-1', cwd: '/clients/acme' });
      dropSession(inbox, { session_id: 'private-1' });
      markSessionHandled(inbox, 'private-1');
      dropSession(inbox, { session_id: 'private-2' });
    } finally {
      process.umask(previous);
    }
    expect(fs.statSync(inbox).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(inbox, 'handled')).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(inbox, 'private-2.json')).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(inbox, 'handled', 'private-1.json')).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(inbox).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
