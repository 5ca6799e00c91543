import { useState } from 'react';
import type { Settings } from '../../../shared/domain/settings.ts';
import { call } from '../api/client.ts';
import { BackupList } from '../backups/BackupList.tsx';
import { TemplateSettings } from '../components/TemplateSettings.tsx';
import { RedactionProfilesEditor } from '../publishing/RedactionProfilesEditor.tsx';
import { DesktopIntegrationSettings } from '../settings/DesktopIntegrationSettings.tsx';
import { useAppStore } from '../stores/appStore.ts';
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
  const loaded = useSettingsStore((state) => state.loaded);
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
            {loaded && <GeneralSettings key={JSON.stringify([settings.agentLabel, settings.defaultWorkstreams, settings.globalShortcut, settings.backupsToKeep])} settings={settings} />}
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
              <button
                type="button"
                className="button"
                onClick={async () => {
                  const result = await call('importData');
                  if (result?.path) {
                    useAppStore.getState().dataChanged();
                    toast('success', `Imported ${result.tasks} tasks and ${result.days} days from ${result.path}`);
                  }
                }}
              >
                Import data…
              </button>
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
            {loaded && <TemplateSettings key={JSON.stringify([settings.aboutText, settings.authorLine, settings.footer, settings.factorFormat, settings.frontMatter])} />}
          </section>
          <section className="card" aria-labelledby="redaction-title">
            <h2 id="redaction-title" className="card-title">
              Redaction
            </h2>
            <RedactionProfilesEditor />
          </section>
        </div>
      </div>
    </div>
  );
}

function GeneralSettings({ settings }: { settings: Settings }) {
  const update = useSettingsStore((state) => state.update);
  const appInfo = useSettingsStore((state) => state.appInfo);
  const [agentLabel, setAgentLabel] = useState(settings.agentLabel);
  const [workstreams, setWorkstreams] = useState(settings.defaultWorkstreams.join(', '));
  const [shortcut, setShortcut] = useState(settings.globalShortcut);
  const [backups, setBackups] = useState(String(settings.backupsToKeep));
  const [error, setError] = useState<string | null>(null);

  async function save() {
    const keep = Number(backups);
    if (agentLabel.trim() === '') return setError('The agent column label is required.');
    if (!Number.isInteger(keep) || keep < 1 || keep > 365) return setError('Backups to keep must be a whole number from 1 to 365.');
    setError(null);
    const ok = await update({
      agentLabel: agentLabel.trim(),
      defaultWorkstreams: workstreams.split(',').map((item) => item.trim()).filter((item) => item !== ''),
      globalShortcut: shortcut.trim(),
      backupsToKeep: keep,
    });
    if (ok) void useSettingsStore.getState().load();
  }

  return (
    <form
      className="settings-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <div className="field-row">
        <div className="field">
          <label htmlFor="set-agent">Agent column label</label>
          <input id="set-agent" value={agentLabel} onChange={(event) => setAgentLabel(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="set-backups">Backups to keep</label>
          <input id="set-backups" inputMode="numeric" value={backups} onChange={(event) => setBackups(event.target.value)} />
        </div>
      </div>
      <div className="field">
        <label htmlFor="set-workstreams">Default workstreams</label>
        <input id="set-workstreams" value={workstreams} placeholder="scoring, ingest, web" onChange={(event) => setWorkstreams(event.target.value)} />
        <span className="hint">Comma-separated; offered when you type a workstream.</span>
      </div>
      <div className="field">
        <label htmlFor="set-shortcut">Global quick-add shortcut</label>
        <input id="set-shortcut" value={shortcut} onChange={(event) => setShortcut(event.target.value)} aria-describedby="shortcut-status" />
        {appInfo?.shortcutError ? (
          <span id="shortcut-status" className="field-error" role="alert">
            {appInfo.shortcutError}
          </span>
        ) : (
          <span id="shortcut-status" className="hint">
            {appInfo?.shortcutNote ?? (appInfo?.shortcutRegistered ? 'Registered: works from any app.' : 'Electron accelerator, e.g. CommandOrControl+Shift+L')}
          </span>
        )}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button primary">
          Save general settings
        </button>
      </div>
    </form>
  );
}
