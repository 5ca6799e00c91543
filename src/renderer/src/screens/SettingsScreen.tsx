import { useState } from 'react';
import type { Settings } from '../../../shared/domain/settings.ts';
import { call } from '../api/client.ts';
import { BackupList } from '../backups/BackupList.tsx';
import { SaveStatus } from '../components/SaveStatus.tsx';
import { ShortcutRecorder } from '../components/ShortcutRecorder.tsx';
import { DataImportButton } from '../import/DataImportButton.tsx';
import { TemplateSettings } from '../components/TemplateSettings.tsx';
import { showAccelerator } from '../lib/accelerator.ts';
import { useAutosavedText } from '../lib/autosave.ts';
import { RedactionProfilesEditor } from '../publishing/RedactionProfilesEditor.tsx';
import { SyncSettings } from '../sync/SyncSettings.tsx';
import { DesktopIntegrationSettings } from '../settings/DesktopIntegrationSettings.tsx';
import { applyTheme, useSettingsStore } from '../stores/settingsStore.ts';
import { toast } from '../stores/toastStore.ts';
import './SettingsScreen.css';

const THEMES: Array<{ value: Settings['theme']; label: string }> = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export default function SettingsScreen() {
  const settings = useSettingsStore((state) => state.settings);
  const appInfo = useSettingsStore((state) => state.appInfo);
  const update = useSettingsStore((state) => state.update);
  // Bumped by "Back up now" so the backup list shows the new file.
  const [backupsWritten, setBackupsWritten] = useState(0);

  return (
    <div className="screen settings-screen">
      <header className="screen-head">
        <div>
          <h1>Settings</h1>
          <p className="muted">{appInfo ? `Leverage Journal ${appInfo.version}` : 'Leverage Journal'}</p>
        </div>
      </header>
      <div className="settings-columns">
        <div className="settings-column">
          <section className="card" aria-labelledby="general-title">
            <h2 id="general-title" className="card-title">
              General
            </h2>
            <div className="field">
              <span className="label" id="theme-label">
                Theme
              </span>
              <div className="segmented" role="radiogroup" aria-labelledby="theme-label">
                {THEMES.map((theme) => (
                  <button
                    type="button"
                    role="radio"
                    aria-checked={settings.theme === theme.value}
                    key={theme.value}
                    onClick={() => {
                      applyTheme(theme.value);
                      void update({ theme: theme.value }, `Theme: ${theme.label}`);
                    }}
                  >
                    {theme.label}
                  </button>
                ))}
              </div>
            </div>
            {appInfo?.launchAtLoginAvailable !== false && (
              <label className="check">
                <input type="checkbox" checked={settings.launchAtLogin} onChange={(event) => void update({ launchAtLogin: event.target.checked })} />
                Launch at login
              </label>
            )}
            <label className="check">
              <input type="checkbox" checked={settings.closeToTray} onChange={(event) => void update({ closeToTray: event.target.checked })} />
              Keep running in the tray when the window is closed
            </label>
            <GeneralSettings />
          </section>
          <section className="card" aria-labelledby="data-title">
            <h2 id="data-title" className="card-title">
              Data and backups
            </h2>
            <dl className="paths">
              <dt>Journal file</dt>
              <dd>
                <code>{appInfo?.databasePath ?? '—'}</code>
              </dd>
              <dt>Backups</dt>
              <dd>
                <code>{appInfo?.backupFolder ?? '—'}</code>
              </dd>
            </dl>
            <div className="form-actions">
              <button
                type="button"
                className="button"
                onClick={async () => {
                  await call('openDataFolder');
                }}
              >
                Open data folder
              </button>
              <button
                type="button"
                className="button"
                onClick={async () => {
                  const result = await call('backupNow');
                  if (result) {
                    setBackupsWritten((count) => count + 1);
                    toast('success', `Backed up to ${result.path}`);
                  }
                }}
              >
                Back up now
              </button>
              <DataImportButton />
            </div>
            <h3 className="small-title">Backups</h3>
            <BackupList refreshToken={backupsWritten} />
          </section>
        </div>
        <div className="settings-column">
          <section className="card" aria-labelledby="integration-title">
            <h2 id="integration-title" className="card-title">
              Command line and Claude Code
            </h2>
            <DesktopIntegrationSettings />
          </section>
          <section className="card" aria-labelledby="template-title">
            <h2 id="template-title" className="card-title">
              Post template
            </h2>
            <TemplateSettings />
          </section>
          <section className="card" aria-labelledby="redaction-title">
            <h2 id="redaction-title" className="card-title">
              Redaction
            </h2>
            <RedactionProfilesEditor />
          </section>
          <section className="card" aria-labelledby="sync-title">
            <h2 id="sync-title" className="card-title">
              Sync
            </h2>
            <SyncSettings />
          </section>
        </div>
      </div>
    </div>
  );
}

const sameList = (a: string, b: string) => splitList(a).join(',') === splitList(b).join(',');
const splitList = (text: string) => text.split(',').map((item) => item.trim()).filter((item) => item !== '');

/** The general settings: each text saved as typed (with its own check), the shortcut by recording it. */
function GeneralSettings() {
  const loaded = useSettingsStore((state) => state.loaded);
  const settings = useSettingsStore((state) => state.settings);
  const appInfo = useSettingsStore((state) => state.appInfo);
  const save = useSettingsStore((state) => state.save);
  const [errors, setErrors] = useState<{ agent?: string; backups?: string }>({});
  const agent = useAutosavedText('settings:agentLabel', loaded ? settings.agentLabel : undefined, async (value) => {
    const label = value.trim();
    const error = label === '' ? 'The agent label is required: it names the agent-time column and fields.' : label.length > 40 ? 'The agent label can be at most 40 characters.' : undefined;
    setErrors((current) => ({ ...current, agent: error }));
    return error ? false : save({ agentLabel: label });
  });
  const backups = useAutosavedText('settings:backupsToKeep', loaded ? String(settings.backupsToKeep) : undefined, async (value) => {
    const keep = Number(value.trim());
    const error = value.trim() === '' || !Number.isInteger(keep) || keep < 1 || keep > 365 ? `Backups to keep must be a whole number from 1 to 365 (not “${value.trim()}”).` : undefined;
    setErrors((current) => ({ ...current, backups: error }));
    return error ? false : save({ backupsToKeep: keep });
  });
  const workstreams = useAutosavedText(
    'settings:defaultWorkstreams',
    loaded ? settings.defaultWorkstreams.join(', ') : undefined,
    (value) => save({ defaultWorkstreams: splitList(value) }),
    sameList,
  );

  return (
    <div className="settings-form">
      <div className="field-row">
        <div className="field">
          <div className="label-row">
            <label htmlFor="set-agent">Agent label</label>
            <SaveStatus id="set-agent-status" state={agent.state} />
          </div>
          <input id="set-agent" value={agent.value} aria-invalid={errors.agent ? true : undefined} aria-describedby="set-agent-status set-agent-hint" onChange={(event) => agent.onChange(event.target.value)} onBlur={() => void agent.flush()} />
          <span id="set-agent-hint" className={errors.agent ? 'field-error' : 'hint'}>
            {errors.agent ?? 'Names the agent-time column and fields (e.g. Claude).'}
          </span>
        </div>
        <div className="field">
          <div className="label-row">
            <label htmlFor="set-backups">Backups to keep</label>
            <SaveStatus id="set-backups-status" state={backups.state} />
          </div>
          <input id="set-backups" inputMode="numeric" value={backups.value} aria-invalid={errors.backups ? true : undefined} aria-describedby="set-backups-status" onChange={(event) => backups.onChange(event.target.value)} onBlur={() => void backups.flush()} />
          {errors.backups && <span className="field-error">{errors.backups}</span>}
        </div>
      </div>
      <div className="field">
        <div className="label-row">
          <label htmlFor="set-workstreams">Default workstreams</label>
          <SaveStatus id="set-workstreams-status" state={workstreams.state} />
        </div>
        <input id="set-workstreams" value={workstreams.value} placeholder="scoring, ingest, web" aria-describedby="set-workstreams-status" onChange={(event) => workstreams.onChange(event.target.value)} onBlur={() => void workstreams.flush()} />
        <span className="hint">Comma-separated; offered when you type a workstream.</span>
      </div>
      <div className="field">
        <span className="label" id="set-shortcut-label">
          Global quick-add shortcut
        </span>
        <ShortcutRecorder
          id="set-shortcut"
          value={settings.globalShortcut}
          describedBy="set-shortcut-label shortcut-status"
          onSave={(accelerator) => void useSettingsStore.getState().update({ globalShortcut: accelerator }, `Quick-add shortcut: ${showAccelerator(accelerator)}`).then(() => useSettingsStore.getState().load())}
        />
        {appInfo?.shortcutError ? (
          <span id="shortcut-status" className="field-error" role="alert">
            {appInfo.shortcutError}
          </span>
        ) : (
          <span id="shortcut-status" className="hint">
            {appInfo?.shortcutNote ?? (appInfo?.shortcutRegistered ? 'Registered: works from any app. Click it and press new keys to change it.' : 'Click it and press the keys, e.g. Ctrl + Shift + L.')}
          </span>
        )}
      </div>
    </div>
  );
}
