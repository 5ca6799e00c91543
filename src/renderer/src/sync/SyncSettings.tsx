import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../shared/ipc/contract.ts';
import { request } from '../api/client.ts';
import { useAppStore } from '../stores/appStore.ts';
import { toast } from '../stores/toastStore.ts';
import './SyncSettings.css';

type SyncStatus = ChannelOutput<'syncStatus'>;
type SyncConflict = ChannelOutput<'syncConflicts'>[number];

function when(iso: string | null): string {
  if (!iso) return 'never';
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : time.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
}

function shown(value: SyncConflict['value']): string {
  if (value === null) return '(empty)';
  return typeof value === 'string' ? `“${value}”` : String(value);
}

function conflictLabel(conflict: SyncConflict): string {
  if (conflict.table === 'task') return `Task #${conflict.key}, ${conflict.field}`;
  if (conflict.table === 'day') return `${conflict.key}, ${conflict.field}`;
  return `Setting ${conflict.key}`;
}

/** Settings → Sync: this device's name and folder, the last merge, the peers seen, and conflicts to settle. */
export function SyncSettings() {
  const dataVersion = useAppStore((state) => state.dataVersion);
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [conflicts, setConflicts] = useState<SyncConflict[]>([]);
  const [deviceName, setDeviceName] = useState('');
  const [folder, setFolder] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([request('syncStatus'), request('syncConflicts')])
      .then(([next, list]) => {
        if (!live) return;
        setStatus(next);
        setConflicts(list);
        setDeviceName((current) => current || next.deviceName || '');
        setFolder((current) => current || next.folder || '');
      })
      .catch((failure: unknown) => live && setError(failure instanceof Error ? failure.message : String(failure)));
    return () => {
      live = false;
    };
  }, [dataVersion]);

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      toast('success', done);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
      const [next, list] = await Promise.all([request('syncStatus'), request('syncConflicts')]).catch(() => [status, conflicts] as const);
      if (next) setStatus(next);
      setConflicts([...(list ?? [])]);
    }
  };

  const save = () =>
    run(async () => {
      await request('syncSetup', { folder, deviceName, ...(passphrase ? { passphrase } : {}) });
      setPassphrase('');
    }, status?.enabled ? 'Sync settings saved.' : 'Sync is on.');

  return (
    <div className="sync-settings">
      <p className="muted">
        Keep this journal on several computers: pick a folder that Syncthing, Dropbox, iCloud Drive, OneDrive or a network share already carries. Each
        computer writes only its own files there; the journal itself stays on this computer.
      </p>
      <form
        className="sync-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label>
          This device’s name
          <input value={deviceName} onChange={(event) => setDeviceName(event.target.value)} placeholder="laptop" maxLength={100} required />
        </label>
        <div className="sync-folder">
          <label htmlFor="sync-folder-input">Sync folder</label>
          <span className="sync-folder-row">
            <input id="sync-folder-input" value={folder} onChange={(event) => setFolder(event.target.value)} placeholder="/home/me/Sync/leverage" required />
            <button
              type="button"
              onClick={() =>
                void request('chooseSyncFolder')
                  .then(({ folder: chosen }) => chosen && setFolder(chosen))
                  .catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)))
              }
            >
              Choose…
            </button>
          </span>
        </div>
        {!status?.enabled && (
          <label>
            Passphrase (optional: encrypts the folder’s files; every device needs it)
            <input type="password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} autoComplete="new-password" />
          </label>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || !folder.trim() || !deviceName.trim()}>
            {status?.enabled ? 'Save' : 'Turn on sync'}
          </button>
          {status?.enabled && (
            <button type="button" disabled={busy} onClick={() => void run(() => request('syncNow'), 'Synced.')}>
              Sync now
            </button>
          )}
        </div>
      </form>
      {error && (
        <p className="sync-error" role="alert">
          {error}
        </p>
      )}
      {status?.enabled && (
        <dl className="sync-status" aria-label="Sync status">
          <dt>Last sync</dt>
          <dd>{when(status.lastSyncAt)}</dd>
          <dt>Waiting to sync</dt>
          <dd>{status.pendingChanges} change(s)</dd>
          <dt>Encrypted</dt>
          <dd>{status.encrypted ? 'yes' : 'no'}</dd>
          {status.lastError && (
            <>
              <dt>Problem</dt>
              <dd className="sync-error">{status.lastError}</dd>
            </>
          )}
          <dt>Other devices</dt>
          <dd>
            {status.peers.length === 0 ? (
              'none seen yet'
            ) : (
              <ul className="sync-peers">
                {status.peers.map((peer) => (
                  <li key={peer.deviceId}>
                    <strong>{peer.name ?? peer.deviceId.slice(0, 8)}</strong> — last wrote {when(peer.lastSavedAt)}, seen {when(peer.lastSeenAt)}
                    {peer.problem && <span className="sync-error"> — {peer.problem}</span>}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      )}
      {conflicts.length > 0 && (
        <>
          <h3 className="small-title">Conflicts ({conflicts.length})</h3>
          <p className="muted">Changed on two devices at once. Every device shows the first value; keep either.</p>
          <ul className="sync-conflicts">
            {conflicts.map((conflict) => (
              <li key={`${conflict.table}:${conflict.gid}:${conflict.field}`}>
                <span className="conflict-mark" aria-hidden="true">
                  ⚠
                </span>{' '}
                {conflictLabel(conflict)}: {shown(conflict.value)} or {conflict.otherValues.map(shown).join(' or ')}
                <span className="actions">
                  <button type="button" disabled={busy} onClick={() => void run(() => request('syncResolve', { table: conflict.table, key: conflict.key, field: conflict.field, keep: conflict.value }), 'Kept.')}>
                    Keep {shown(conflict.value)}
                  </button>
                  {conflict.otherValues.map((other) => (
                    <button key={JSON.stringify(other)} type="button" disabled={busy} onClick={() => void run(() => request('syncResolve', { table: conflict.table, key: conflict.key, field: conflict.field, keep: other }), 'Kept.')}>
                      Keep {shown(other)}
                    </button>
                  ))}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
