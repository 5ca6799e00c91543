import { FACTOR_FORMATS } from '../../../shared/units/factor.ts';
import { formatFactor } from '../../../shared/units/factor.ts';
import type { Settings } from '../../../shared/domain/settings.ts';
import { useAutosavedText } from '../lib/autosave.ts';
import { useSettingsStore } from '../stores/settingsStore.ts';
import { SaveStatus } from './SaveStatus.tsx';

type TemplateText = 'authorLine' | 'aboutText' | 'footer';

/** One template text under the save model: saved shortly after typing stops and before leaving. */
function TemplateText({ field, label, rows, placeholder }: { field: TemplateText; label: string; rows?: number; placeholder?: string }) {
  const stored = useSettingsStore((state) => (state.loaded ? state.settings[field] : undefined));
  const text = useAutosavedText(`settings:${field}`, stored, (value) => useSettingsStore.getState().save({ [field]: value }));
  const id = `tpl-${field}`;
  const common = { id, value: text.value, placeholder, 'aria-describedby': `${id}-status`, onBlur: () => void text.flush() };
  return (
    <div className="field">
      <div className="label-row">
        <label htmlFor={id}>{label}</label>
        <SaveStatus id={`${id}-status`} state={text.state} onRetry={() => void text.flush()} />
      </div>
      {rows ? <textarea rows={rows} {...common} onChange={(event) => text.onChange(event.target.value)} /> : <input {...common} onChange={(event) => text.onChange(event.target.value)} />}
    </div>
  );
}

/** The post template: author line, about text, footer (saved as typed), number format and front matter (saved on change). */
export function TemplateSettings() {
  const settings = useSettingsStore((state) => state.settings);
  const update = useSettingsStore((state) => state.update);
  return (
    <div className="settings-form">
      <TemplateText field="authorLine" label="Author line" placeholder="By Ada Lovelace" />
      <TemplateText field="aboutText" label="About text" rows={5} />
      <TemplateText field="footer" label="Footer" rows={2} placeholder="Optional closing line" />
      <div className="field-row">
        <div className="field">
          <label htmlFor="tpl-format">Factor format</label>
          <select id="tpl-format" value={settings.factorFormat} onChange={(event) => void update({ factorFormat: event.target.value as Settings['factorFormat'] }, `Factor format: ${event.target.value} (${formatFactor(68.63, event.target.value as Settings['factorFormat'])})`)}>
            {FACTOR_FORMATS.map((format) => (
              <option key={format} value={format}>
                {format} — {formatFactor(96, format)}, {formatFactor(68.63, format)}, {formatFactor(4, format)}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input type="checkbox" checked={settings.frontMatter} onChange={(event) => void update({ frontMatter: event.target.checked }, event.target.checked ? 'Front matter: on' : 'Front matter: off')} />
          Front matter (YAML) at the top of the post
        </label>
      </div>
    </div>
  );
}
