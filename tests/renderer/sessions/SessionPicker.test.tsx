import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TaskForm } from '../../../src/renderer/src/components/TaskForm.tsx';
import SessionsScreen from '../../../src/renderer/src/screens/SessionsScreen.tsx';
import { agentTimeText, sumSessions } from '../../../src/renderer/src/sessions/sessionFigures.ts';
import { withSessionFill } from '../../../src/renderer/src/sessions/quickFill.ts';
import { useSessionPrefill } from '../../../src/renderer/src/sessions/sessionPrefillStore.ts';
import { useAppStore } from '../../../src/renderer/src/stores/appStore.ts';
import { useToastStore } from '../../../src/renderer/src/stores/toastStore.ts';
import { parseQuickSyntax } from '../../../src/shared/quickSyntax.ts';
import { parseDuration } from '../../../src/shared/units/duration.ts';
import { installRealJournal } from './realJournal.ts';

// Two sessions of the fixture corpus (figures as the scanner derives them from the logs).
const IMPORT_SESSION = 'Add an importer for published posts'; // 4⅔ min from turn durations, 5,865 fresh, 6,500 cache reads
const LIST_SESSION = 'Build the sessions list'; // 8 min reconstructed, 5,550 fresh, 8,400 cache reads

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

beforeEach(() => useSessionPrefill.setState({ pending: null }));
afterEach(cleanup);

describe('session sums', () => {
  test('agent time text parses back to the exact seconds', () => {
    for (const seconds of [0, 45, 60, 280, 760, 3600, 86_399]) expect(parseDuration(agentTimeText(seconds))).toBe(seconds);
  });

  test('a picked session completes a quick line that gives only the estimate; typed values win', () => {
    const fill = { agentSeconds: 280, tokens: 5865 };
    const partial = withSessionFill(parseQuickSyntax('Import posts 6h'), fill);
    expect(partial).toMatchObject({ ok: true, task: { title: 'Import posts', humanSeconds: 21_600, agentSeconds: 280, tokens: 5865 } });
    const typed = withSessionFill(parseQuickSyntax('Import posts 6h 10m 9k'), fill);
    expect(typed.task).toMatchObject({ agentSeconds: 600, tokens: 9000 });
    expect(withSessionFill(parseQuickSyntax('Import posts'), fill).ok).toBe(false);
  });
});

describe('session picker in the task form', () => {
  test('picking two sessions fills their summed agent time and fresh tokens, and links both on save', async () => {
    const { journal } = installRealJournal({ sessions: true });
    const onSave = vi.fn(async (task: Parameters<typeof journal.tasks.create>[0]) => journal.tasks.create(task));
    render(<TaskForm date="2026-03-01" workstreams={[]} agentLabel="Claude" onSave={onSave} />);
    await userEvent.click(screen.getByRole('button', { name: 'From sessions…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Pick agent sessions' });
    await userEvent.click(await within(dialog).findByRole('checkbox', { name: `Select ${IMPORT_SESSION}` }));
    await userEvent.click(within(dialog).getByRole('checkbox', { name: `Select ${LIST_SESSION}` }));
    // 4⅔ + 8 = 12⅔ min; 5,865 + 5,550 fresh; cache reads 6.5k + 8.4k shown apart.
    expect(within(dialog).getByText(/agent, .* fresh tokens/).textContent).toBe('2 sessions: 12.7min agent, 11.4k fresh tokens (14.9k cache reads)');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Use 2 sessions' }));

    expect(input('Claude time').value).toBe('12m 40s');
    expect(input('Tokens').value).toBe('11415');
    expect(input('Title').value).not.toBe('');
    await userEvent.type(input('Human estimate'), '6');
    await userEvent.click(screen.getByRole('button', { name: 'Save task' }));
    await waitFor(() => expect(onSave).toHaveBeenCalled());
    const saved = journal.tasks.listByDate('2026-03-01')[0];
    expect(saved).toMatchObject({ agentSeconds: 760, tokens: 11_415, humanSeconds: 21_600 });
    const linked = journal.agentSessions.listSessions().filter((session) => session.linkedTaskIds.includes(saved?.id as number));
    expect(linked.map((session) => session.title).sort()).toEqual([IMPORT_SESSION, LIST_SESSION]);
    expect(screen.getByRole('button', { name: 'From sessions…' })).toBeTruthy();
  });

  test('the sums shown equal what the form fills, for any choice of sessions', async () => {
    installRealJournal({ sessions: true });
    const sessions = (await (window as unknown as { api: { listAgentSessions: (input: object) => Promise<{ value: Parameters<typeof sumSessions>[0] }> } }).api.listAgentSessions({})).value;
    expect(sessions.length).toBe(4);
    const all = sumSessions(sessions);
    expect(all.freshTokens).toBe(sessions.reduce((sum, session) => sum + session.inputTokens + session.outputTokens + session.cacheCreationTokens, 0));
    expect(all.agentSeconds).toBe(Math.round(sessions.reduce((sum, session) => sum + session.agentMinutes, 0) * 60));
  });
});

describe('Sessions screen', () => {
  test('explains where Claude Code keeps its logs when nothing is stored, and Scan now fills the list', async () => {
    const { calls } = installRealJournal();
    render(<SessionsScreen />);
    expect((await screen.findByRole('heading', { name: 'No sessions yet' })).parentElement?.textContent).toMatch(/~\/\.claude\/projects\//);
    await userEvent.click(screen.getByRole('button', { name: 'Scan now' }));
    await waitFor(() => expect(calls.map((call) => call.channel)).toContain('scanAgentSessions'));
    expect(await screen.findByRole('table', { name: 'Agent sessions' })).toBeTruthy();
    expect(screen.getAllByRole('checkbox', { name: /^Select / })).toHaveLength(4);
  });

  test('Scan now is disabled and says so while the scan runs', async () => {
    let finish: () => void = () => undefined;
    const scanned = new Promise<void>((resolve) => (finish = resolve));
    installRealJournal({
      shell: {
        scanAgentSessions: async () => {
          await scanned;
          return { roots: [], filesSeen: 0, filesRead: 0, bytesRead: 0, linesRead: 0, badLines: 0, longLines: 0, sessionsUpdated: 0, skippedFiles: 0, skipped: [] };
        },
      },
    });
    render(<SessionsScreen />);
    await userEvent.click(await screen.findByRole('button', { name: 'Scan now' }));
    const busy = screen.getByRole('button', { name: 'Scanning…' }) as HTMLButtonElement;
    expect(busy.disabled).toBe(true);
    finish();
    await waitFor(() => expect((screen.getByRole('button', { name: 'Scan now' }) as HTMLButtonElement).disabled).toBe(false));
    expect(useToastStore.getState().toasts.at(-1)?.message).toMatch(/^No Claude Code log folder found/);
  });

  test('Add as task sends the selected sessions to the Day screen’s form, dated the day they ended', async () => {
    installRealJournal({ sessions: true });
    render(<SessionsScreen />);
    const add = screen.getByRole('button', { name: 'Add as task' }) as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    await userEvent.click(await screen.findByRole('checkbox', { name: `Select ${LIST_SESSION}` }));
    await userEvent.click(add);
    expect(useAppStore.getState()).toMatchObject({ screen: 'day', date: '2026-03-01' });
    cleanup();
    render(<TaskForm date="2026-03-01" workstreams={[]} agentLabel="Claude" onSave={async () => true} />);
    expect(input('Claude time').value).toBe('8m');
    expect(input('Tokens').value).toBe('5550');
    expect(input('Title').value).toBe(LIST_SESSION);
    expect(useSessionPrefill.getState().pending).toBeNull();
  });
});

describe('supervision suggested from the log', () => {
  const sessionsByTitle = async (...titles: string[]) => {
    const api = (window as unknown as { api: { listAgentSessions: (input: object) => Promise<{ value: Parameters<typeof sumSessions>[0] }> } }).api;
    const all = (await api.listAgentSessions({})).value;
    return titles.map((title) => all.find((session) => session.title === title) as (typeof all)[number]);
  };

  test('the person’s measured time is shown as a suggestion, and saving without accepting it leaves supervision empty', async () => {
    const { journal } = installRealJournal({ sessions: true });
    const picked = await sessionsByTitle(IMPORT_SESSION, LIST_SESSION);
    // 5 min + 10 min of the person's gaps (capped at 5 min each) in the fixture logs.
    expect(sumSessions(picked).personSeconds).toBe(900);
    useSessionPrefill.setState({ pending: picked });
    const onSave = vi.fn(async (task: Parameters<typeof journal.tasks.create>[0]) => journal.tasks.create(task));
    render(<TaskForm date="2026-03-01" workstreams={[]} agentLabel="Claude" onSave={onSave} />);
    expect(input('Supervision').value).toBe('');
    expect(screen.getByText(/measured from the log/).textContent).toBe('15m measured from the log Use');
    await userEvent.type(input('Human estimate'), '6');
    await userEvent.click(screen.getByRole('button', { name: 'Save task' }));
    await waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(journal.tasks.listByDate('2026-03-01')[0]).toMatchObject({ supervisionSeconds: null, agentSeconds: 760 });
  });

  test('accepting the suggestion fills the field, and the saved task has it as supervision', async () => {
    const { journal } = installRealJournal({ sessions: true });
    useSessionPrefill.setState({ pending: await sessionsByTitle(LIST_SESSION) });
    const onSave = vi.fn(async (task: Parameters<typeof journal.tasks.create>[0]) => journal.tasks.create(task));
    render(<TaskForm date="2026-03-01" workstreams={[]} agentLabel="Claude" onSave={onSave} />);
    await userEvent.click(screen.getByRole('button', { name: 'Use 10m measured from the log as supervision' }));
    expect(input('Supervision').value).toBe('10m');
    expect(screen.queryByText(/measured from the log/)).toBeNull();
    await userEvent.type(input('Human estimate'), '6');
    await userEvent.click(screen.getByRole('button', { name: 'Save task' }));
    await waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(journal.tasks.listByDate('2026-03-01')[0]).toMatchObject({ supervisionSeconds: 600 });
  });

  test('a supervision the person typed is kept and no suggestion is offered; sessions with no measured time offer none', async () => {
    installRealJournal({ sessions: true });
    useSessionPrefill.setState({ pending: await sessionsByTitle(LIST_SESSION) });
    render(<TaskForm date="2026-03-01" workstreams={[]} agentLabel="Claude" onSave={async () => true} />);
    await userEvent.type(input('Supervision'), '3m');
    expect(screen.queryByText(/measured from the log/)).toBeNull();
    expect(input('Supervision').value).toBe('3m');
    cleanup();
    useSessionPrefill.setState({ pending: await sessionsByTitle('Refactor the scoring CLI') });
    render(<TaskForm date="2026-03-01" workstreams={[]} agentLabel="Claude" onSave={async () => true} />);
    expect(input('Claude time').value).not.toBe('');
    expect(screen.queryByText(/measured from the log/)).toBeNull();
  });
});
