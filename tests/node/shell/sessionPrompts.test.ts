import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { scanAgentLogs } from '../../../src/core/agentLogs/scanLogs.ts';
import { dropSession, inboxFolderFor, pendingSessions } from '../../../src/core/hook/inbox.ts';
import { createSessionPrompter, describePendingSession, logRootOf, markSessionsLogged, MAX_PROMPTS_AT_ONCE, type SessionPrompterOptions } from '../../../src/main/hook/sessionPrompts.ts';
import { formatMinutes } from '../../../src/shared/units/duration.ts';
import { formatTokens } from '../../../src/shared/units/tokens.ts';
import { copyCorpus, S1 } from '../agentLogs/corpus.ts';
import { tempJournal } from '../helpers/tempJournal.ts';

function transcriptOf(root: string, sessionId: string): string {
  const projects = path.join(root, 'projects');
  for (const project of fs.readdirSync(projects)) {
    const file = path.join(projects, project, `${sessionId}.jsonl`);
    if (fs.existsSync(file)) return file;
  }
  throw new Error(`no transcript for ${sessionId}`);
}

/** A prompter over a real inbox, with notifications recorded instead of shown. */
function prompterFor(inbox: string) {
  const notifications: Array<{ sessionId: string; click: () => void; close: ReturnType<typeof vi.fn> }> = [];
  const options = {
    pending: () => pendingSessions(inbox),
    describe: (session) => ({ sessionId: session.sessionId, title: 'Log this session?', body: session.sessionId }),
    notify: vi.fn((prompt, onClick) => {
      const close = vi.fn();
      notifications.push({ sessionId: prompt.sessionId, click: onClick, close });
      return { close };
    }),
    notifyMore: vi.fn(() => null),
    accept: vi.fn(),
    onError: vi.fn(),
  } satisfies SessionPrompterOptions;
  return { prompter: createSessionPrompter(options), options, notifications };
}

describe('"Log this session?" prompts', () => {
  it('describes a session not yet scanned by reading its log root first: title, agent minutes, fresh tokens', () => {
    const journal = tempJournal();
    const { rootA } = copyCorpus();
    const transcript = transcriptOf(rootA, S1);
    expect(logRootOf(transcript)).toBe(rootA);
    expect(logRootOf('/tmp/elsewhere/session.jsonl')).toBeNull();

    const prompt = describePendingSession(journal, { sessionId: S1, transcriptPath: transcript, cwd: '/home/dev/leverage-journal', event: 'Stop', firstStopAt: 'x', lastStopAt: 'x', stops: 1 });
    expect(prompt.scanned).toBe(true);
    // The same figures as a direct scan of that root into another journal.
    const other = tempJournal();
    scanAgentLogs(other.db, [rootA]);
    const session = other.agentSessions.requireSession(S1);
    expect(prompt.title).toBe('Log this session?');
    expect(prompt.body).toContain(session.title?.slice(0, 40) ?? 'no title');
    expect(prompt.body).toContain(`${formatMinutes(Math.round(session.agentMinutes * 60))} agent time · ${formatTokens(session.freshTokens)} tokens`);
    // Known now: a second description does not scan again.
    expect(describePendingSession(journal, { sessionId: S1, transcriptPath: transcript, cwd: null, event: 'Stop', firstStopAt: 'x', lastStopAt: 'x', stops: 2 }).scanned).toBe(false);
  });

  it('describes an unknown session without a transcript from its folder name', () => {
    const journal = tempJournal();
    const scan = vi.fn();
    const prompt = describePendingSession(journal, { sessionId: 'abc', transcriptPath: null, cwd: '/home/dev/my-app', event: 'Stop', firstStopAt: 'x', lastStopAt: 'x', stops: 1 }, scan);
    expect(scan).not.toHaveBeenCalled();
    expect(prompt.body).toBe('Claude Code session in my-app\nFigures not read yet');
  });

  it('notifies each new pending session once; a click accepts it; it stays pending until logged or dismissed', () => {
    const journal = tempJournal();
    const inbox = inboxFolderFor(journal.path);
    const { prompter, options, notifications } = prompterFor(inbox);
    prompter.check();
    expect(options.notify).not.toHaveBeenCalled();

    dropSession(inbox, { session_id: 'one' }, new Date('2026-03-01T10:00:00Z'));
    dropSession(inbox, { session_id: 'two' }, new Date('2026-03-01T10:05:00Z'));
    prompter.check();
    prompter.check();
    expect(notifications.map((shown) => shown.sessionId)).toEqual(['two', 'one']);

    // Another turn of a session already asked about stays quiet.
    dropSession(inbox, { session_id: 'one' }, new Date('2026-03-01T10:10:00Z'));
    prompter.check();
    expect(options.notify).toHaveBeenCalledTimes(2);

    notifications[1]?.click();
    expect(options.accept).toHaveBeenCalledWith('one');
    // Accepting opens quick add; it does not answer the question by itself.
    expect(pendingSessions(inbox).map((session) => session.sessionId).sort()).toEqual(['one', 'two']);

    // Saved with a task: handled for good, its notification taken down.
    expect(markSessionsLogged(journal, ['one', 'not-pending'])).toBe(1);
    prompter.check();
    expect(notifications[1]?.close).toHaveBeenCalledOnce();
    expect(notifications[0]?.close).not.toHaveBeenCalled();
    // A later turn of a handled session is not offered again.
    expect(dropSession(inbox, { session_id: 'one' })).toBe('already-handled');
    prompter.check();
    expect(options.notify).toHaveBeenCalledTimes(2);
    expect(options.onError).not.toHaveBeenCalled();
  });

  it('asks again on the next start for sessions never answered (the app was closed)', () => {
    const journal = tempJournal();
    const inbox = inboxFolderFor(journal.path);
    dropSession(inbox, { session_id: 'while-closed' });
    const first = prompterFor(inbox);
    first.prompter.check();
    const second = prompterFor(inbox);
    second.prompter.check();
    expect(second.notifications.map((shown) => shown.sessionId)).toEqual(['while-closed']);
  });

  it('shows at most a few notifications at once and one summary for the rest', () => {
    const journal = tempJournal();
    const inbox = inboxFolderFor(journal.path);
    for (let n = 0; n < MAX_PROMPTS_AT_ONCE + 3; n += 1) dropSession(inbox, { session_id: `s${n}` }, new Date(Date.UTC(2026, 2, 1, 10, n)));
    const { prompter, options } = prompterFor(inbox);
    prompter.check();
    expect(options.notify).toHaveBeenCalledTimes(MAX_PROMPTS_AT_ONCE);
    expect(options.notifyMore).toHaveBeenCalledWith(3);
    prompter.check();
    expect(options.notifyMore).toHaveBeenCalledOnce();
  });

  it('a description that fails is reported and the others are still shown', () => {
    const journal = tempJournal();
    const inbox = inboxFolderFor(journal.path);
    dropSession(inbox, { session_id: 'bad' }, new Date('2026-03-01T10:00:00Z'));
    dropSession(inbox, { session_id: 'good' }, new Date('2026-03-01T09:00:00Z'));
    const { prompter, options, notifications } = prompterFor(inbox);
    const describe = options.describe;
    (options as { describe: SessionPrompterOptions['describe'] }).describe = (session) => {
      if (session.sessionId === 'bad') throw new Error('log unreadable');
      return describe(session);
    };
    const wrapped = createSessionPrompter(options);
    wrapped.check();
    expect(options.onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'log unreadable' }));
    expect(notifications.map((shown) => shown.sessionId)).toEqual(['good']);
    expect(prompter.shownCount()).toBe(0);
  });
});
