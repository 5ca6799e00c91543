import { useId, useState, type FormEvent } from 'react';
import { call } from '../api/client.ts';
import { createTask } from '../lib/mutations.ts';
import { draftToInput, type DraftErrors, type DraftField, type TaskDraft } from '../lib/taskDraft.ts';
import { useChannel } from '../lib/useChannel.ts';
import { toast } from '../stores/toastStore.ts';
import { draftFromSession, folderName, type AgentSession } from './hookSessionDraft.ts';
import './HookSessionsBanner.css';

const FIELDS: Array<{ field: DraftField; label: string; placeholder: string }> = [
  { field: 'title', label: 'Title', placeholder: 'What the agent built' },
  { field: 'human', label: 'Human estimate', placeholder: '6h' },
  { field: 'agent', label: 'Agent time', placeholder: '8m' },
  { field: 'tokens', label: 'Tokens', placeholder: '40k' },
  { field: 'workstream', label: 'Workstream', placeholder: 'e.g. scoring' },
];

/**
 * "Log this session?": Claude Code sessions the Stop hook dropped in the inbox, each with Log it
 * (a short form filled from the session's log) and Dismiss. Sessions finished while the app was
 * closed show on the next start, because the inbox is a folder, not a message.
 */
export function HookSessionsBanner({ date }: { date: string }) {
  const { value: pending } = useChannel('pendingHookSessions', {});
  const { value: sessions } = useChannel('listAgentSessions', pending && pending.length > 0 ? {} : null);
  const [open, setOpen] = useState<string | null>(null);
  if (!pending || pending.length === 0) return null;
  const byId = new Map((sessions ?? []).map((session) => [session.sessionId, session]));

  async function handled(sessionId: string, message: string) {
    const result = await call('markHookSessionHandled', { sessionId });
    if (result) {
      setOpen(null);
      toast('info', message);
    }
  }

  return (
    <section className="card hook-banner" aria-labelledby="hook-title">
      <h2 id="hook-title" className="hook-title">
        {pending.length === 1 ? 'A Claude Code session finished: log it?' : `${pending.length} Claude Code sessions finished: log them?`}
      </h2>
      <ul className="hook-sessions">
        {pending.map((item) => {
          const session = byId.get(item.sessionId);
          const name = session?.title ?? (folderName(item.cwd) || item.sessionId);
          return (
            <li key={item.sessionId} className="hook-session">
              <div className="hook-session-head">
                <div>
                  <strong className="hook-session-name">{name}</strong>
                  <span className="muted small">
                    {' '}
                    · {item.cwd ?? 'unknown folder'} · finished {new Date(item.lastStopAt).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })}
                  </span>
                </div>
                <div className="toolbar">
                  <button type="button" className="button primary small" aria-expanded={open === item.sessionId} onClick={() => setOpen(open === item.sessionId ? null : item.sessionId)}>
                    Log it
                  </button>
                  <button type="button" className="button ghost small" onClick={() => void handled(item.sessionId, 'Session dismissed')}>
                    Dismiss
                  </button>
                </div>
              </div>
              {open === item.sessionId && (
                <SessionTaskForm
                  draft={draftFromSession(item, session, date)}
                  session={session}
                  onSaved={() => void handled(item.sessionId, 'Session logged')}
                />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function SessionTaskForm({ draft: initial, session, onSaved }: { draft: TaskDraft; session: AgentSession | undefined; onSaved: () => void }) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<DraftErrors>({});
  const id = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = draftToInput(draft);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    const task = await createTask(result.input);
    if (!task) return;
    // The session's log stays linked to the task it became (as `leverage add --session` does).
    if (session) await call('linkSessionsToTask', { taskId: task.id, sessionIds: [session.sessionId] });
    onSaved();
  }

  return (
    <form className="hook-form" aria-label="Log this session" onSubmit={submit} noValidate>
      {FIELDS.map(({ field, label, placeholder }) => (
        <div className="field" key={field}>
          <label htmlFor={`${id}-${field}`}>{label}</label>
          <input
            id={`${id}-${field}`}
            value={draft[field]}
            placeholder={placeholder}
            autoComplete="off"
            // The human estimate is the one thing the log cannot tell: start there.
            autoFocus={field === 'human'}
            aria-invalid={Boolean(errors[field])}
            onChange={(event) => {
              setDraft({ ...draft, [field]: event.target.value });
              setErrors({ ...errors, [field]: undefined });
            }}
          />
          {errors[field] && (
            <span className="field-error">
              {label} {errors[field]}
            </span>
          )}
        </div>
      ))}
      <div className="form-actions">
        <button type="submit" className="button primary">
          Save task
        </button>
        {!session && <span className="hint">This session is not in the scanned agent logs yet: fill in its time and tokens.</span>}
      </div>
    </form>
  );
}
