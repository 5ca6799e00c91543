import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Handler } from '../../../src/core/ipc/invokeHandler.ts';
import { BackupList } from '../../../src/renderer/src/backups/BackupList.tsx';
import { Toasts } from '../../../src/renderer/src/components/Toasts.tsx';
import { installRealJournal } from '../sessions/realJournal.ts';

const BACKUPS = [
  { path: '/data/backups/leverage-manual-2026-03-02T09-00-00-000Z.db', fileName: 'leverage-manual-2026-03-02T09-00-00-000Z.db', createdAt: '2026-03-02T09:00:00.000Z', sizeBytes: 2_400_000, kind: 'manual' },
  { path: '/data/backups/leverage-auto-2026-03-01T08-00-00-000Z.db', fileName: 'leverage-auto-2026-03-01T08-00-00-000Z.db', createdAt: '2026-03-01T08:00:00.000Z', sizeBytes: 81_920, kind: 'auto' },
];
let restoreBackup: ReturnType<typeof vi.fn<Handler<'restoreBackup'>>>;
let close: () => void;

beforeEach(() => {
  restoreBackup = vi.fn<Handler<'restoreBackup'>>(({ path }) => ({ restoredFrom: path, safetyBackup: '/data/backups/leverage-before-restore-2026-03-03T10-00-00-000Z.db' }));
  const { journal } = installRealJournal({ shell: { listBackups: () => BACKUPS, restoreBackup, appInfo: () => ({ version: '0', databasePath: '', backupFolder: '', shortcutRegistered: true, shortcutError: null, shortcutNote: null, launchAtLoginAvailable: true }) } });
  close = () => journal.close();
});
afterEach(() => {
  cleanup();
  close();
});

describe('BackupList', () => {
  test('lists each backup with its kind and size', async () => {
    render(<BackupList />);
    const table = await screen.findByRole('table', { name: 'Backups' });
    const rows = within(table).getAllByRole('row').slice(1).map((row) => [...row.querySelectorAll('td')].slice(1, 3).map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Manual', '2.3 MB'],
      ['Automatic', '80 KB'],
    ]);
  });

  test('restore asks first, says a safety backup is taken, and Cancel restores nothing', async () => {
    render(<BackupList />);
    await userEvent.click(await screen.findByRole('button', { name: `Restore ${BACKUPS[1]?.fileName}` }));
    const dialog = screen.getByRole('dialog', { name: 'Restore this backup?' });
    expect(dialog.textContent).toContain(BACKUPS[1]?.fileName);
    expect(dialog.textContent).toMatch(/A safety backup of the journal as it is now is taken first/);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(restoreBackup).not.toHaveBeenCalled();
  });

  test('confirming restores that backup and tells where the previous journal went', async () => {
    render(
      <>
        <BackupList />
        <Toasts />
      </>,
    );
    await userEvent.click(await screen.findByRole('button', { name: `Restore ${BACKUPS[0]?.fileName}` }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(restoreBackup).toHaveBeenCalledWith({ path: BACKUPS[0]?.path }));
    expect(restoreBackup).toHaveBeenCalledTimes(1);
    await screen.findByText(/The journal as it was is kept in \/data\/backups\/leverage-before-restore-/);
  });
});
