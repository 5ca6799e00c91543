import { useId, useState } from 'react';
import type { RedactionProfileSetting } from '../../../shared/domain/settings.ts';
import { useSettingsStore } from '../stores/settingsStore.ts';
import { aliasError, profileNameError } from './aliasValidation.ts';
import './RedactionProfilesEditor.css';

/** Redaction profiles (private name → public phrase), applied on export only; saved as they change. */
export function RedactionProfilesEditor() {
  const profiles = useSettingsStore((state) => state.settings.redactionProfiles);
  const active = useSettingsStore((state) => state.settings.activeRedactionProfile);
  const update = useSettingsStore((state) => state.update);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  const save = (next: RedactionProfileSetting[], message: string, patch: { activeRedactionProfile?: string | null } = {}) => update({ redactionProfiles: next, ...patch }, message);

  async function addProfile() {
    const problem = profileNameError(profiles, name);
    setError(problem);
    if (problem) return;
    const trimmed = name.trim();
    // The first profile becomes the active one: that is why it was made.
    if (await save([...profiles, { name: trimmed, aliases: [] }], `Added the profile “${trimmed}”`, active === null ? { activeRedactionProfile: trimmed } : {})) setName('');
  }

  return (
    <div className="redaction-editor">
      <p className="hint">
        Private names are replaced by their public phrase in exported posts only, as whole words and identifiers; the journal keeps the real names.
      </p>
      {profiles.map((profile, index) => (
        <ProfileEditor
          key={profile.name}
          profile={profile}
          active={profile.name === active}
          onChange={(next, message) => save(profiles.map((item, at) => (at === index ? next : item)), message)}
          onRemove={() => void save(profiles.filter((_, at) => at !== index), `Removed the profile “${profile.name}”`, profile.name === active ? { activeRedactionProfile: null } : {})}
        />
      ))}
      <form
        className="inline-add"
        aria-label="New redaction profile"
        onSubmit={(event) => {
          event.preventDefault();
          void addProfile();
        }}
      >
        <div className="field">
          <label htmlFor="new-profile">New profile</label>
          <input id="new-profile" value={name} placeholder="e.g. public" aria-invalid={Boolean(error)} onChange={(event) => setName(event.target.value)} />
        </div>
        <button type="submit" className="button">
          Add profile
        </button>
      </form>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

interface ProfileEditorProps {
  profile: RedactionProfileSetting;
  active: boolean;
  onChange: (profile: RedactionProfileSetting, message: string) => Promise<boolean>;
  onRemove: () => void;
}

function ProfileEditor({ profile, active, onChange, onRemove }: ProfileEditorProps) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  async function add() {
    const alias = { from: from.trim(), to: to.trim() };
    const problem = aliasError(profile, alias);
    setError(problem);
    if (problem) return;
    if (await onChange({ ...profile, aliases: [...profile.aliases, alias] }, `Alias added to “${profile.name}”`)) {
      setFrom('');
      setTo('');
    }
  }

  return (
    <fieldset className="profile">
      <legend>
        {profile.name}
        {active && <span className="badge">active</span>}
      </legend>
      {profile.aliases.length === 0 ? (
        <p className="hint">No aliases yet.</p>
      ) : (
        <ul className="aliases" aria-label={`Aliases of ${profile.name}`}>
          {profile.aliases.map((alias, index) => (
            <li key={alias.from}>
              <code>{alias.from}</code>
              <span aria-hidden="true">→</span>
              <span>{alias.to === '' ? <em className="muted">(removed)</em> : alias.to}</span>
              <button
                type="button"
                className="button ghost small"
                aria-label={`Remove the alias ${alias.from}`}
                onClick={() => void onChange({ ...profile, aliases: profile.aliases.filter((_, at) => at !== index) }, `Alias removed from “${profile.name}”`)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="inline-add"
        aria-label={`New alias for ${profile.name}`}
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-from`}>Private name</label>
          <input id={`${id}-from`} value={from} placeholder="aces" autoComplete="off" onChange={(event) => setFrom(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>Public phrase</label>
          <input id={`${id}-to`} value={to} placeholder="an inference engine" autoComplete="off" onChange={(event) => setTo(event.target.value)} />
        </div>
        <button type="submit" className="button">
          Add alias
        </button>
        <button type="button" className="button ghost danger-text" onClick={onRemove}>
          Delete profile
        </button>
      </form>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
