import { useEffect, useRef, useState } from 'react';
import type { ChannelOutput } from '../../../shared/ipc/contract.ts';
import { listBackups, restoreBackup } from '../api/client.ts';
import { useAppStore } from '../stores/appStore.ts';
import { useSettingsStore } from '../stores/settingsStore.ts';
import { toast } from '../stores/toastStore.ts';
import './BackupList.css';

export type Backup = ChannelOutput<'listBackups'>[number];

const KIND_LABELS: Record<string, string> = {
  auto: 'Automatic',
  manual: 'Manual',
  'before-restore': 'Before a restore',
  'before-import': 'Before a data import',
  'before-migration': 'Before an upgrade',
};

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function formatCreated(iso: string): string {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : time.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
}

/** The backups folder's journals, each restorable after a confirmation that says what happens first. */
export function BackupList({ refreshToken = 0 }: { refreshToken?: number }) {
  const dataVersion = useAppStore((state) => state.dataVersion);
  const [backups, setBackups] = useState<Backup[] | null>(null);
  const [confirming, setConfirming] = useState<Backup | null>(null);

  useEffect(() => {
    let live = true;
    void listBackups().then((list) => {
      if (live && list) setBackups(list);
    });
    return () => {
      live = false;
    };
  }, [dataVersion, refreshToken]);

  async function restore(backup: Backup) {
    const result = await restoreBackup({ path: backup.path });
    setConfirming(null);
    if (!result) return;
    // Everything on screen came from the journal that was just replaced.
    await useSettingsStore.getState().load();
    toast('success', `Restored ${backup.fileName}.${result.safetyBackup ? ` The journal as it was is kept in ${result.safetyBackup}.` : ''}`);
  }

  if (backups === null) return <p className="hint">Reading the backups folder…</p>;
  return (
    <div className="backup-list">
      {backups.length === 0 ? (
        <p className="hint">No backups yet. One is written every day the app runs, or use Back up now.</p>
      ) : (
        <table className="diff-table backups" aria-label="Backups">
          <thead>
            <tr>
              <th scope="col">Created</th>
              <th scope="col">Kind</th>
              <th scope="col" className="num">
                Size
              </th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((backup) => (
              <tr key={backup.path}>
                <td title={backup.fileName}>{formatCreated(backup.createdAt)}</td>
                <td>{KIND_LABELS[backup.kind] ?? backup.kind}</td>
                <td className="num">{formatSize(backup.sizeBytes)}</td>
                <td>
                  <button type="button" className="button small" aria-label={`Restore ${backup.fileName}`} onClick={() => setConfirming(backup)}>
                    Restore…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming && <RestoreDialog backup={confirming} onConfirm={() => void restore(confirming)} onCancel={() => setConfirming(null)} />}
    </div>
  );
}

function RestoreDialog({ backup, onConfirm, onCancel }: { backup: Backup; onConfirm: () => void; onCancel: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  return (
    <dialog ref={ref} className="dialog confirm-dialog" aria-labelledby="restore-title" aria-describedby="restore-text" onClose={() => !busy && onCancel()}>
      <h2 id="restore-title">Restore this backup?</h2>
      <div id="restore-text">
        <p>
          The journal will be replaced by <strong>{backup.fileName}</strong>, written {formatCreated(backup.createdAt)}.
        </p>
        <p>
          A safety backup of the journal as it is now is taken first, so this can be undone by restoring that one. Tasks added since the
          backup was written are not in it.
        </p>
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="button danger"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            onConfirm();
          }}
        >
          {busy ? 'Restoring…' : 'Restore'}
        </button>
        <button type="button" className="button ghost" autoFocus disabled={busy} onClick={() => ref.current?.close()}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
