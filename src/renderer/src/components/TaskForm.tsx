import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { TaskInput } from '../../../shared/domain/task.ts';
import { draftToInput, emptyDraft, type DraftErrors, type DraftField, type TaskDraft } from '../lib/taskDraft.ts';
import { linkSessions } from '../sessions/linkSessions.ts';
import { SessionPicker } from '../sessions/SessionPicker.tsx';
import { agentTimeText, sessionDraftFill, sumSessions, type AgentSession } from '../sessions/sessionFigures.ts';
import { useSessionPrefill } from '../sessions/sessionPrefillStore.ts';
import './TaskForm.css';

interface TaskFormProps {
  date: string;
  workstreams: string[];
  agentLabel: string;
  /** Resolves to the saved task (its id links picked sessions), or true/false when the caller keeps it. */
  onSave: (input: TaskInput) => Promise<boolean | { id: number } | undefined>;
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
  // "Add as task" on the Sessions screen leaves sessions for the form that mounts next on the Day screen.
  const [prefill] = useState(() => useSessionPrefill.getState().pending);
  const [draft, setDraft] = useState<TaskDraft>(() => ({ ...emptyDraft(date), ...(prefill ? sessionDraftFill(prefill, '') : {}) }));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [saving, setSaving] = useState(false);
  const [sessions, setSessions] = useState<AgentSession[]>(prefill ?? []);
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();
  // The person's time measured in the picked sessions' logs: offered while supervision is empty.
  const personSeconds = sessions.length > 0 && draft.supervision.trim() === '' ? sumSessions(sessions).personSeconds : 0;
  const supervisionSuggestion = personSeconds > 0 ? agentTimeText(personSeconds) : null;

  const [shownDate, setShownDate] = useState(date);
  if (shownDate !== date) {
    // The day changed (previous/next, date picker): the form follows it.
    setShownDate(date);
    setDraft((previous) => ({ ...previous, workDate: date }));
  }

  function pickSessions(picked: AgentSession[]) {
    setSessions(picked);
    if (picked.length === 0) return;
    setDraft((previous) => ({ ...previous, ...sessionDraftFill(picked, previous.title) }));
    setErrors((previous) => ({ ...previous, agent: undefined, tokens: undefined }));
  }

  useEffect(() => {
    // Sessions sent from the Sessions screen: show the full form and ask for what logs cannot say.
    const reveal = () => {
      const details = formRef.current?.closest('details');
      if (details) details.open = true;
      document.getElementById(`${id}-human`)?.focus();
    };
    if (useSessionPrefill.getState().take()) reveal();
    return useSessionPrefill.subscribe((state) => {
      if (!state.pending) return;
      const pending = useSessionPrefill.getState().take();
      if (pending) {
        pickSessions(pending);
        reveal();
      }
    });
  }, [id]);

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
    if (saved && sessions.length > 0 && typeof saved === 'object') await linkSessions(saved.id, sessions);
    setSaving(false);
    if (saved) {
      setDraft({ ...emptyDraft(draft.workDate), workstream: draft.workstream, model: draft.model });
      setErrors({});
      setSessions([]);
    }
  }

  return (
    <form
      ref={formRef}
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
      <SessionPicker value={sessions} onChange={(picked) => pickSessions(picked)} />
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
            ) : field === 'supervision' && supervisionSuggestion ? (
              <span className="hint suggestion">
                {supervisionSuggestion} measured from the log{' '}
                <button type="button" className="button ghost small" aria-label={`Use ${supervisionSuggestion} measured from the log as supervision`} onClick={() => set('supervision', supervisionSuggestion)}>
                  Use
                </button>
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
