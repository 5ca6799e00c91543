import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Journal } from '../../../src/core/journal.ts';
import { SyncEngine } from '../../../src/core/sync/syncEngine.ts';
import { Toasts } from '../../../src/renderer/src/components/Toasts.tsx';
import { SyncSettings } from '../../../src/renderer/src/sync/SyncSettings.tsx';
import { installRealJournal } from '../sessions/realJournal.ts';

let root: string;
let journal: Journal;
let other: Journal;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'leverage-sync-ui-'));
  ({ journal } = installRealJournal({ shell: { chooseSyncFolder: () => ({ folder: path.join(root, 'sync') }) } }));
  other = Journal.open(path.join(root, 'other.db'));
});
afterEach(() => {
  cleanup();
  journal.close();
  other.close();
  fs.rmSync(root, { recursive: true, force: true });
});

test('Settings → Sync turns sync on, shows the peer and a conflict, and keeps the value the person picks', async () => {
  journal.tasks.create({ workDate: '2026-03-10', title: 'Shared', humanSeconds: 3600, agentSeconds: 600 });
  render(
    <>
      <SyncSettings />
      <Toasts />
    </>,
  );
  await userEvent.type(await screen.findByLabelText('This device’s name'), 'desktop');
  await userEvent.click(screen.getByRole('button', { name: 'Choose…' }));
  await waitFor(() => expect(screen.getByLabelText('Sync folder')).toHaveProperty('value', path.join(root, 'sync')));
  await userEvent.click(screen.getByRole('button', { name: 'Turn on sync' }));
  await screen.findByText('Sync is on.');

  // Another device joins and both edit the same title.
  const otherEngine = new SyncEngine(other.db);
  await otherEngine.init({ folder: path.join(root, 'sync'), deviceName: 'laptop' });
  const otherId = other.tasks.listByDate('2026-03-10')[0]?.id ?? 0;
  other.tasks.update(otherId, { title: 'Title from the laptop' });
  journal.tasks.update(journal.tasks.listByDate('2026-03-10')[0]?.id ?? 0, { title: 'Title from the desktop' });
  await otherEngine.syncNow();
  await userEvent.click(screen.getByRole('button', { name: 'Sync now' }));
  await screen.findByText('Synced.');

  await waitFor(() => expect(within(screen.getByLabelText('Sync status')).getByText('laptop')).toBeTruthy());
  const conflicts = await screen.findByText(/Conflicts \(1\)/);
  expect(conflicts).toBeTruthy();
  const shown = journal.tasks.listByDate('2026-03-10')[0]?.title ?? '';
  const otherTitle = shown === 'Title from the laptop' ? 'Title from the desktop' : 'Title from the laptop';
  await userEvent.click(screen.getByRole('button', { name: `Keep “${otherTitle}”` }));
  await waitFor(() => expect(screen.queryByText(/Conflicts \(/)).toBeNull());
  expect(journal.tasks.listByDate('2026-03-10')[0]?.title).toBe(otherTitle);
  await otherEngine.syncNow();
  expect(other.tasks.listByDate('2026-03-10')[0]?.title).toBe(otherTitle);
  expect(otherEngine.conflicts()).toEqual([]);
}, 60_000);

test('a wrong passphrase for an encrypted folder is said plainly and turns nothing on', async () => {
  const first = new SyncEngine(other.db);
  await first.init({ folder: path.join(root, 'sync'), deviceName: 'laptop', passphrase: 'the right one' });
  render(<SyncSettings />);
  await userEvent.type(await screen.findByLabelText('This device’s name'), 'desktop');
  await userEvent.type(screen.getByLabelText('Sync folder'), path.join(root, 'sync'));
  await userEvent.type(screen.getByLabelText(/Passphrase/), 'a wrong one');
  await userEvent.click(screen.getByRole('button', { name: 'Turn on sync' }));
  expect((await screen.findByRole('alert')).textContent).toMatch(/Wrong passphrase .* Nothing was written/);
  expect(screen.getByRole('button', { name: 'Turn on sync' })).toBeTruthy();
}, 60_000);
