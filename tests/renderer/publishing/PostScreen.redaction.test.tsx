import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Handler } from '../../../src/core/ipc/invokeHandler.ts';
import type { Journal } from '../../../src/core/journal.ts';
import { exportDay } from '../../../src/core/publishing/publishDay.ts';
import PostScreen from '../../../src/renderer/src/screens/PostScreen.tsx';
import { useAppStore } from '../../../src/renderer/src/stores/appStore.ts';
import { useSettingsStore } from '../../../src/renderer/src/stores/settingsStore.ts';
import { installRealJournal } from '../sessions/realJournal.ts';

const DATE = '2026-03-01';
let journal: Journal;
let close: () => void;
let savePost: ReturnType<typeof vi.fn<Handler<'savePost'>>>;
const saved: string[] = [];

beforeEach(() => {
  // main's savePost writes exportDay's text: the same stand-in here, recording what it would write.
  savePost = vi.fn<Handler<'savePost'>>(({ date, profile, revisionNote }) => {
    saved.push(exportDay(journal, date, { profile, revisionNote }).markdown);
    return { path: '/tmp/out.md' };
  });
  saved.length = 0;
  ({ journal } = installRealJournal({ shell: { savePost } }));
  close = () => journal.close();
  journal.tasks.createMany([
    { workDate: DATE, title: 'Tune Aces scoring for Acme', humanSeconds: 6 * 3600, agentSeconds: 8 * 60 },
    { workDate: DATE, title: 'Rename inference_engine_aces module', humanSeconds: 3600, agentSeconds: 10 * 60 },
  ]);
  journal.settings.update({
    redactionProfiles: [{ name: 'public', aliases: [{ from: 'Aces', to: 'an inference engine' }, { from: 'Acme', to: 'a client' }] }],
    activeRedactionProfile: 'public',
  });
  useSettingsStore.setState({ settings: journal.settings.get(), loaded: true });
  useAppStore.setState({ date: DATE, screen: 'post' });
});
afterEach(() => {
  cleanup();
  close();
});

describe('Post screen: redaction preview', () => {
  test('lists every replacement with its line and context, and the leak check names what remains', async () => {
    render(<PostScreen />);
    const table = await screen.findByRole('table', { name: 'Replacements' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.querySelectorAll('td')].slice(1, 3).map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Aces', 'an inference engine'],
      ['Acme', 'a client'],
    ]);
    expect(within(table).getAllByRole('row')[1]?.textContent).toContain('Tune Aces scoring');
    // Inside an identifier the name is left alone, and the leak check says so.
    const leaks = screen.getByRole('list', { name: 'Remaining private names' });
    expect(leaks.textContent).toContain('inference_engine_aces');
    expect(screen.getByRole('alert').textContent).toMatch(/Leak check: 1 private name remains/);
    const source = document.querySelector('.post-source pre')?.textContent ?? '';
    expect(source).toContain('Tune an inference engine scoring for a client');
    expect(source).not.toMatch(/\bAcme\b/);
  });

  test('choosing no profile saves the setting and shows the post as written', async () => {
    render(<PostScreen />);
    await screen.findByRole('table', { name: 'Replacements' });
    await userEvent.selectOptions(screen.getByLabelText('Redaction profile'), '');
    await waitFor(() => expect(journal.settings.get().activeRedactionProfile).toBeNull());
    await screen.findByText('No redaction profile: the post is exported as written.');
    await waitFor(() => expect(document.querySelector('.post-source pre')?.textContent).toContain('Tune Aces scoring for Acme'));
  });

  test('Save to file saves the post with the chosen profile: exactly the previewed, redacted text', async () => {
    render(<PostScreen />);
    await screen.findByRole('table', { name: 'Replacements' });
    await userEvent.click(screen.getByRole('button', { name: 'Save to file…' }));
    await waitFor(() => expect(savePost).toHaveBeenCalledTimes(1));
    expect(savePost.mock.calls[0]?.[0]).toMatchObject({ date: DATE, profile: 'public', revisionNote: true });
    expect(saved[0]).toContain('Tune an inference engine scoring for a client');
    expect(saved[0]).not.toMatch(/\bAcme\b/);
    expect(saved[0]).toBe(document.querySelector('.post-source pre')?.textContent);
  });
});
