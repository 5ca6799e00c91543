import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Journal } from '../../../src/core/journal.ts';
import DayScreen from '../../../src/renderer/src/screens/DayScreen.tsx';
import { useAppStore } from '../../../src/renderer/src/stores/appStore.ts';
import { installRealJournal } from '../sessions/realJournal.ts';

const DATE = '2026-03-01';
let journal: Journal;
let close: () => void;

beforeEach(() => {
  ({ journal } = installRealJournal());
  close = () => journal.close();
  journal.tasks.createMany([
    { workDate: DATE, title: 'Refactor scoring pipeline', humanSeconds: 6 * 3600, agentSeconds: 8 * 60, workstream: 'scoring' },
    { workDate: DATE, title: 'Fix flaky ingest test', humanSeconds: 3600, agentSeconds: 30 * 60, workstream: 'ingest' },
  ]);
  journal.days.update(DATE, { analysis: 'Start. End.' });
  useAppStore.setState({ date: DATE, screen: 'day' });
});
afterEach(() => {
  cleanup();
  close();
});

const analysis = () => screen.getByLabelText('Analysis') as HTMLTextAreaElement;

describe('Day screen: facts beside the Analysis editor', () => {
  test('a fact is inserted at the cursor, between the words there, and saved with the text', async () => {
    render(<DayScreen />);
    await waitFor(() => expect(analysis().value).toBe('Start. End.'));
    const ceiling = await screen.findByRole('button', { name: /^Insert: .*Refactor scoring pipeline/ });
    const sentence = (ceiling.getAttribute('aria-label') ?? '').replace(/^Insert: /, '');
    // Put the cursor right after "Start." and click the fact.
    await userEvent.click(analysis());
    analysis().setSelectionRange(6, 6);
    await userEvent.click(ceiling);
    expect(analysis().value).toBe(`Start. ${sentence} End.`);
    expect(document.activeElement).toBe(analysis());
    expect(analysis().selectionStart).toBe(7 + sentence.length);
    // Saved by itself shortly after the last change (the autosave), with no button to press.
    await waitFor(() => expect(journal.days.get(DATE).analysis).toBe(`Start. ${sentence} End.`), { timeout: 3000 });
    await waitFor(() => expect(screen.getByText('Saved')).toBeTruthy());
  });

  test('a fact replaces the selected text; without a cursor it goes at the end', async () => {
    render(<DayScreen />);
    await waitFor(() => expect(analysis().value).toBe('Start. End.'));
    const facts = await screen.findAllByRole('button', { name: /^Insert: / });
    const first = (facts[0]?.getAttribute('aria-label') ?? '').replace(/^Insert: /, '');
    await userEvent.click(facts[0] as HTMLElement);
    expect(analysis().value).toBe(`Start. End. ${first}`);
    analysis().setSelectionRange(0, 6);
    await userEvent.click(facts[0] as HTMLElement);
    expect(analysis().value).toBe(`${first} End. ${first}`);
  });
});

describe('Day screen: revision notice', () => {
  test('nothing before publishing; after an edit, the changed task and figures with before and after', async () => {
    const { unmount } = render(<DayScreen />);
    await screen.findAllByRole('button', { name: /^Insert: / });
    expect(screen.queryByText('This day differs from what was published')).toBeNull();
    unmount();

    await window.api.publishDay({ date: DATE, profile: null });
    const task = journal.tasks.listByDate(DATE).find((item) => item.title === 'Fix flaky ingest test');
    journal.tasks.update(task?.id as number, { humanSeconds: 2 * 3600 });
    journal.tasks.createMany([{ workDate: DATE, title: 'Write the release notes', humanSeconds: 2 * 3600, agentSeconds: 6 * 60 }]);
    render(<DayScreen />);
    const notice = await screen.findByRole('status', { name: 'This day differs from what was published' });
    const text = notice.textContent ?? '';
    expect(text).toContain('Added Write the release notes (2h, 6min)');
    expect(text).toMatch(/Changed Fix flaky ingest test:\s*Human\s*1h\s*→\s*now\s*2h/);
    const figures = screen.getByRole('table', { name: 'Figures: published and now' });
    const rows = [...figures.querySelectorAll('tr')].map((row) => [...row.children].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()).join(' '));
    // 7h ÷ 38min = 11.1x before; 10h ÷ 44min = 13.6x after.
    expect(rows).toEqual(['Tasks 2 → now 3', 'Human hours 7h → now 10h', 'Agent minutes 38min → now 44min', 'Weighted leverage 11.1x → now 13.6x']);
  });
});
