import { call } from '../api/client.ts';
import { useChannel } from '../lib/useChannel.ts';
import { useSettingsStore } from '../stores/settingsStore.ts';
import { toast } from '../stores/toastStore.ts';
import { RedactionPreview, type RedactionResult } from './RedactionPreview.tsx';
import { revisionNoteOf } from './publishPreview.ts';
import './PublishPanel.css';

interface PublishPanelProps {
  date: string;
  profile: string | null;
  preview: RedactionResult | undefined;
  withNote: boolean;
  onWithNote: (value: boolean) => void;
}

/** Redaction profile, every replacement and the leak check, the revision status and Publish. */
export function PublishPanel({ date, profile, preview, withNote, onWithNote }: PublishPanelProps) {
  const profiles = useSettingsStore((state) => state.settings.redactionProfiles);
  const update = useSettingsStore((state) => state.update);
  const { value: revision } = useChannel('dayRevision', { date });
  const { value: metrics } = useChannel('dayMetrics', { date });
  const note = preview ? revisionNoteOf(preview.markdown) : null;
  const current = revision?.workDate === date ? revision : undefined;

  async function publish() {
    const result = await call('publishDay', { date, profile, revisionNote: withNote });
    if (!result) return;
    const leaks = result.leaks.length > 0 ? `; ${result.leaks.length} private names remain` : '';
    toast(result.leaks.length > 0 ? 'error' : 'success', `Marked ${date} as published${result.note ? ' with the revision note' : ''}${leaks}`);
  }

  return (
    <section className="card publish-panel" aria-label="Publishing">
      <div className="publish-side">
        <div className="field">
          <label htmlFor="redaction-profile">Redaction profile</label>
          <select
            id="redaction-profile"
            value={profile ?? ''}
            onChange={(event) => void update({ activeRedactionProfile: event.target.value === '' ? null : event.target.value }, event.target.value === '' ? 'Redaction off' : `Redaction profile: ${event.target.value}`)}
          >
            <option value="">None (as written)</option>
            {profiles.map((item) => (
              <option value={item.name} key={item.name}>
                {item.name} ({item.aliases.length} {item.aliases.length === 1 ? 'alias' : 'aliases'})
              </option>
            ))}
          </select>
          {profiles.length === 0 && <span className="hint">Add profiles in Settings → Redaction.</span>}
        </div>
        <p className="publish-status" role="status">
          {!current || !current.published
            ? 'Not published yet.'
            : current.changed
              ? `Published ${formatWhen(current.publishedAt)}; changed since.`
              : `Published ${formatWhen(current.publishedAt)}; unchanged since.`}
        </p>
        {note && (
          <label className="check revision-check">
            <input type="checkbox" checked={withNote} onChange={(event) => onWithNote(event.target.checked)} />
            <span>
              Add the note <em className="revision-note">{note}</em>
            </span>
          </label>
        )}
        <div className="form-actions">
          <button type="button" className="button primary" disabled={!metrics?.taskCount} onClick={() => void publish()}>
            {current?.published ? 'Publish again' : 'Publish'}
          </button>
          <span className="hint">Marks the day as published; later edits show as a revision.</span>
        </div>
      </div>
      <div className="publish-redaction" aria-label="Redaction preview" role="region">
        {preview ? <RedactionPreview result={preview} /> : <p className="hint">Preparing the preview…</p>}
      </div>
    </section>
  );
}

function formatWhen(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' }) : 'earlier';
}
