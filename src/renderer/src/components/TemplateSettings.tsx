import { useState } from 'react';
import { FACTOR_FORMATS } from '../../../shared/units/factor.ts';
import { formatFactor } from '../../../shared/units/factor.ts';
import type { Settings } from '../../../shared/domain/settings.ts';
import { useSettingsStore } from '../stores/settingsStore.ts';

type TemplateFields = Pick<Settings, 'aboutText' | 'authorLine' | 'footer' | 'factorFormat' | 'frontMatter'>;

/** The post template: about text, author line, footer, number format, front matter. */
export function TemplateSettings() {
  const settings = useSettingsStore((state) => state.settings);
  const update = useSettingsStore((state) => state.update);
  const [draft, setDraft] = useState<TemplateFields>({
    aboutText: settings.aboutText,
    authorLine: settings.authorLine,
    footer: settings.footer,
    factorFormat: settings.factorFormat,
    frontMatter: settings.frontMatter,
  });
  const dirty = (Object.keys(draft) as Array<keyof TemplateFields>).some((key) => draft[key] !== settings[key]);
  return (
    <form
      className="settings-form"
      onSubmit={(event) => {
        event.preventDefault();
        void update(draft, 'Template saved');
      }}
    >
      <div className="field">
        <label htmlFor="tpl-author">Author line</label>
        <input id="tpl-author" value={draft.authorLine} placeholder="By Ada Lovelace" onChange={(event) => setDraft({ ...draft, authorLine: event.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="tpl-about">About text</label>
        <textarea id="tpl-about" rows={5} value={draft.aboutText} onChange={(event) => setDraft({ ...draft, aboutText: event.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="tpl-footer">Footer</label>
        <textarea id="tpl-footer" rows={2} value={draft.footer} placeholder="Optional closing line" onChange={(event) => setDraft({ ...draft, footer: event.target.value })} />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="tpl-format">Factor format</label>
          <select id="tpl-format" value={draft.factorFormat} onChange={(event) => setDraft({ ...draft, factorFormat: event.target.value as Settings['factorFormat'] })}>
            {FACTOR_FORMATS.map((format) => (
              <option key={format} value={format}>
                {format} — {formatFactor(96, format)}, {formatFactor(68.63, format)}, {formatFactor(4, format)}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input type="checkbox" checked={draft.frontMatter} onChange={(event) => setDraft({ ...draft, frontMatter: event.target.checked })} />
          Front matter (YAML) at the top of the post
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={!dirty}>
          Save template
        </button>
      </div>
    </form>
  );
}
