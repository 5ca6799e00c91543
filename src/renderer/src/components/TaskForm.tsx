import { useId, useState, type FormEvent } from 'react';
import type { TaskInput } from '../../../shared/domain/task.ts';
import { draftToInput, emptyDraft, type DraftErrors, type DraftField, type TaskDraft } from '../lib/taskDraft.ts';

interface TaskFormProps {
  date: string;
  workstreams: string[];
  agentLabel: string;
  onSave: (input: TaskInput) => Promise<boolean>;
  titleRef?: React.Ref<HTMLInputElement>;
}

const FIELDS: Array<{ field: DraftField; label: string; placeholder: string; hint?: string; wide?: boolean }> = [
  { field: 'title', label: 'Title', placeholder: 'What the agent built', wide: true },
  { field: 'workstream', label: 'Workstream', placeholder: 'e.g. scoring' },
  { field: 'model', label: 'Model', placeholder: 'e.g. opus-4' },
  { field: 'human', label: 'Human estimate', placeholder: '6h', hint: 'Bare numbers are hours' },
  { field: 'agent', label: 'Agent time', placeholder: '8m', hint: 'Bare numbers are minutes' },
  { field: 'supervision', label: 'Supervision', placeholder: '15m', hint: 'Optional' },
  { field: 'tokens', label: 'Tokens', placeholder: '40k', hint: 'Optional: 40k, 1.2M' },
];

/** Every field of a task, validated with the shared parsers and schema before it is sent. */
export function TaskForm({ date, workstreams, agentLabel, onSave, titleRef }: TaskFormProps) {
  const [draft, setDraft] = useState<TaskDraft>(() => emptyDraft(date));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [saving, setSaving] = useState(false);
  const id = useId();

  const [shownDate, setShownDate] = useState(date);
  if (shownDate !== date) {
    // The day changed (previous/next, date picker): the form follows it.
    setShownDate(date);
    setDraft((previous) => ({ ...previous, workDate: date }));
  }

  function set(field: DraftField, value: string) {
    setDraft((previous) => ({ ...previous, [field]: value }));
    if (errors[field]) setErrors((previous) => ({ ...previous, [field]: undefined }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = draftToInput(draft);
    if (!result.ok) {
      setErrors(result.errors);
      // Focus the first invalid field in the order the form shows them.
      const first = ['workDate', ...FIELDS.map((item) => item.field)].find((field) => result.errors[field as DraftField]);
      if (first) document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setSaving(true);
    const saved = await onSave(result.input);
    setSaving(false);
    if (saved) {
      setDraft({ ...emptyDraft(draft.workDate), workstream: draft.workstream, model: draft.model });
      setErrors({});
    }
  }

  return (
    <form
      className="task-form"
      onSubmit={submit}
      noValidate
      aria-label="New task"
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          event.currentTarget.requestSubmit();
        }
      }}
    >
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-workDate`}>Date</label>
          <input id={`${id}-workDate`} type="date" value={draft.workDate} onChange={(event) => set('workDate', event.target.value)} aria-invalid={Boolean(errors.workDate)} />
          {errors.workDate && <span className="field-error">Date {errors.workDate}</span>}
        </div>
        {FIELDS.map(({ field, label, placeholder, hint, wide }) => (
          <div className={`field${wide ? ' wide' : ''}`} key={field}>
            <label htmlFor={`${id}-${field}`}>{field === 'agent' ? `${agentLabel} time` : label}</label>
            <input
              id={`${id}-${field}`}
              ref={field === 'title' ? titleRef : undefined}
              value={draft[field]}
              placeholder={placeholder}
              list={field === 'workstream' ? `${id}-workstreams` : undefined}
              autoComplete="off"
              aria-invalid={Boolean(errors[field])}
              aria-describedby={errors[field] ? `${id}-${field}-error` : undefined}
              onChange={(event) => set(field, event.target.value)}
            />
            {errors[field] ? (
              <span className="field-error" id={`${id}-${field}-error`}>
                {label} {errors[field]}
              </span>
            ) : (
              hint && <span className="hint">{hint}</span>
            )}
          </div>
        ))}
        <div className="field wide">
          <label htmlFor={`${id}-notes`}>Notes</label>
          <textarea id={`${id}-notes`} rows={2} value={draft.notes} onChange={(event) => set('notes', event.target.value)} placeholder="Optional context for the post" />
        </div>
      </div>
      <datalist id={`${id}-workstreams`}>
        {workstreams.map((workstream) => (
          <option value={workstream} key={workstream} />
        ))}
      </datalist>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={saving}>
          Save task
        </button>
        <span className="hint">Ctrl+Enter saves from any field</span>
      </div>
    </form>
  );
}
