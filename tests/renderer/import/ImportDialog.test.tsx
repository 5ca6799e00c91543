import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ImportDialog } from '../../../src/renderer/src/import/ImportDialog.tsx';
import { useAppStore } from '../../../src/renderer/src/stores/appStore.ts';
import { useToastStore } from '../../../src/renderer/src/stores/toastStore.ts';
import { installRealJournal } from '../sessions/realJournal.ts';

const fixture = (path: string) => readFileSync(resolve(import.meta.dirname, '../../fixtures', path), 'utf8');
const fileOf = (path: string, name = path.split('/').at(-1) as string) => new File([fixture(path)], name, { type: 'text/plain' });
const MARCH_1 = 'posts/leverage-record-2026-03-01.txt';

function aggregate(name: string) {
  const row = within(screen.getByRole('table', { name: /^Figures for/ })).getByRole('rowheader', { name }).closest('tr') as HTMLElement;
  return [...row.querySelectorAll('td')].map((cell) => cell.textContent);
}

let onClose = vi.fn();
beforeEach(() => {
  onClose = vi.fn();
  useToastStore.setState({ toasts: [] });
  useAppStore.setState({ screen: 'log', date: '2026-01-01' });
});
afterEach(cleanup);

describe('ImportDialog', () => {
  test('a dropped seed post shows its dry run, writes nothing, then commits and opens its day', async () => {
    const { journal } = installRealJournal();
    render(<ImportDialog file={fileOf(MARCH_1)} onClose={onClose} />);
    await screen.findByText(/Dry run: 1 day, 12 tasks/);
    expect(journal.tasks.listByDate('2026-03-01')).toHaveLength(0);
    expect(aggregate('Leverage')).toEqual(['24.3x', '24.3x', '✓']);
    expect(aggregate('Tasks')).toEqual(['12', '12', '✓']);
    expect(aggregate('Human')).toEqual(['204h', '204h', '✓']);
    expect(screen.getByText('New day')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Import 12 tasks' }));
    await waitFor(() => expect(journal.tasks.listByDate('2026-03-01')).toHaveLength(12));
    expect(useToastStore.getState().toasts.at(-1)?.message).toBe('Imported 12 tasks on 1 day');
    expect(useAppStore.getState()).toMatchObject({ screen: 'day', date: '2026-03-01' });
  });

  test('importing the same post again is recognised and offers nothing to write', async () => {
    const { journal } = installRealJournal();
    render(<ImportDialog file={fileOf(MARCH_1)} onClose={onClose} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Import 12 tasks' }));
    await waitFor(() => expect(journal.tasks.listByDate('2026-03-01')).toHaveLength(12));
    cleanup();
    render(<ImportDialog file={fileOf(MARCH_1)} onClose={onClose} />);
    expect(await screen.findByText('Already imported: nothing changes')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Already imported' }) as HTMLButtonElement).disabled).toBe(true);
    expect(journal.tasks.listByDate('2026-03-01')).toHaveLength(12);
  });

  test('garbage explains itself in words and nothing is written', async () => {
    const { journal, calls } = installRealJournal();
    render(<ImportDialog file={fileOf('import/garbage.txt')} onClose={onClose} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Nothing was imported/);
    expect(alert.textContent).toMatch(/garbage\.txt holds no Leverage Record task table/);
    expect(calls.map((call) => call.channel)).not.toContain('commitPostImport');
    expect(journal.tasks.query({}).total).toBe(0);
  });

  test('a file that is not a post is refused before anything is sent', async () => {
    const { calls } = installRealJournal();
    render(<ImportDialog file={new File(['\u0000PNG'], 'photo.png')} onClose={onClose} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/photo\.png is not a post/);
    expect(calls).toEqual([]);
  });

  test('a pasted copy without its title asks for the day and imports on it', async () => {
    const { journal } = installRealJournal();
    render(<ImportDialog file={fileOf('import/pasted-no-title.txt')} onClose={onClose} />);
    const day = await screen.findByLabelText('Day of the post');
    await userEvent.clear(day);
    await userEvent.type(day, '2026-02-20');
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await screen.findByText(/Dry run: 1 day/);
    await userEvent.click(screen.getByRole('button', { name: /^Import \d+ tasks?$/ }));
    await waitFor(() => expect(journal.tasks.listByDate('2026-02-20').length).toBeGreaterThan(0));
  });

  test('a day that already has other tasks needs merge, replace or skip before importing', async () => {
    const { journal } = installRealJournal();
    journal.tasks.create({ workDate: '2026-03-01', title: 'Written by hand', humanSeconds: 7200, agentSeconds: 600 });
    render(<ImportDialog file={fileOf(MARCH_1)} onClose={onClose} />);
    expect(await screen.findByText('The day already has 1 other task')).toBeTruthy();
    const importButton = screen.getByRole('button', { name: 'Import 12 tasks' }) as HTMLButtonElement;
    expect(importButton.disabled).toBe(true);
    await userEvent.click(screen.getByRole('radio', { name: /Replace/ }));
    expect(importButton.disabled).toBe(false);
    await userEvent.click(importButton);
    await waitFor(() => expect(journal.tasks.listByDate('2026-03-01').map((task) => task.title)).not.toContain('Written by hand'));
    expect(journal.tasks.listByDate('2026-03-01')).toHaveLength(12);
    expect(useToastStore.getState().toasts.at(-1)?.message).toBe('Imported 12 tasks on 1 day, replacing 1 task');
  });

  test('a stated factor that disagrees with its row is listed, and the row is flagged', async () => {
    installRealJournal();
    render(<ImportDialog file={fileOf('import/factor-mismatch.md')} onClose={onClose} />);
    const group = await screen.findByRole('group', { name: 'Mismatches' });
    expect(group.textContent).toMatch(/imported as written/);
    expect(within(group).getAllByRole('listitem')[0]?.textContent).toMatch(/^line \d+: ".+" states .+ but its numbers give/);
    expect(document.querySelectorAll('.import-tasks tr.differs').length).toBeGreaterThan(0);
  });

  test('a cut-off copy lists the cut line as not imported', async () => {
    installRealJournal();
    render(<ImportDialog file={fileOf('import/cut-off.txt')} onClose={onClose} />);
    const group = await screen.findByRole('group', { name: 'Unparsed lines' });
    expect(within(group).getAllByRole('listitem').length).toBeGreaterThan(0);
  });

  test('a CSV or JSON file is the app’s own data: the dialog offers the data import instead', async () => {
    const importData = vi.fn(() => ({ path: '/tmp/export.csv', tasks: 3, days: 2, duplicates: 0, replaced: 0, skippedDays: [], backupPath: '/tmp/backups/before.db' }));
    const { calls } = installRealJournal({ shell: { importData } });
    render(<ImportDialog file={new File(['id,title\n'], 'export.csv')} onClose={onClose} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Import data…' }));
    await waitFor(() => expect(importData).toHaveBeenCalled());
    expect(calls.map((call) => call.channel)).toEqual(['importData']);
    expect(useToastStore.getState().toasts.at(-1)?.message).toBe('Imported 3 tasks and 2 days from /tmp/export.csv');
  });

  test('the data import offers merge (default), replace or skip for a day that has other tasks, and says what it recognised', async () => {
    const importData = vi.fn((_input?: unknown) => ({ path: '/tmp/export.json', tasks: 1, days: 0, duplicates: 4, replaced: 0, skippedDays: ['2026-03-01'], backupPath: '/tmp/b.db' }));
    installRealJournal({ shell: { importData } });
    render(<ImportDialog file={new File(['{}'], 'export.json')} onClose={onClose} />);
    const choice = await screen.findByLabelText('When a day already has other tasks');
    expect((choice as HTMLSelectElement).value).toBe('merge');
    await userEvent.selectOptions(choice, 'skip');
    await userEvent.click(screen.getByRole('button', { name: 'Import data…' }));
    await waitFor(() => expect(importData).toHaveBeenCalledWith({ mode: 'skip' }));
    expect(useToastStore.getState().toasts.at(-1)?.message).toBe('Imported 1 task and 0 days from /tmp/export.json (4 tasks already there, 1 day skipped)');
  });

  test('opened from the menu it asks for a file, then previews the one chosen', async () => {
    installRealJournal();
    render(<ImportDialog file={null} onClose={onClose} />);
    await userEvent.upload(screen.getByLabelText('Post file to import'), fileOf('posts/leverage-record-2026-02-28.txt'));
    expect(await screen.findByText(/Dry run: 1 day/)).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Import of 2026-02-28' })).toBeTruthy();
  });
});
