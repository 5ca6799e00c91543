import { useEffect, useMemo, useRef, useState } from 'react';
import { SessionList } from './SessionList.tsx';
import { SessionSumsLine } from './SessionSumsLine.tsx';
import { sumSessions, type AgentSession } from './sessionFigures.ts';
import { useAgentSessions } from './useAgentSessions.ts';
import { useSelection } from './useSelection.ts';

interface SessionPickerProps {
  /** The sessions picked so far (linked to the task when it is saved). */
  value: AgentSession[];
  /** Called with the new choice; the form fills agent time and tokens from their sums. */
  onChange: (sessions: AgentSession[]) => void;
  /** Leaves out the explanation next to the button (the small quick-add window). */
  terse?: boolean;
}

/** "From sessions…": choose one or several agent sessions; their sums fill the task's agent time and tokens. */
export function SessionPicker({ value, onChange, terse = false }: SessionPickerProps) {
  const [open, setOpen] = useState(false);
  return (
    <div className="session-picker">
      <button type="button" className="button small" onClick={() => setOpen(true)}>
        {value.length > 0 ? 'Change sessions…' : 'From sessions…'}
      </button>
      {value.length > 0 ? (
        <>
          <SessionSumsLine sums={sumSessions(value)} />
          <span className="hint">linked on save</span>
          <button type="button" className="button ghost small" onClick={() => onChange([])}>
            Clear
          </button>
        </>
      ) : (
        !terse && <span className="hint">Fill agent time and tokens from Claude Code sessions</span>
      )}
      {open && (
        <SessionPickerDialog
          initial={value}
          onClose={() => setOpen(false)}
          onPick={(sessions) => {
            onChange(sessions);
            setOpen(false);
          }}
        />
      )}
    </div>
  );
}

function SessionPickerDialog({ initial, onPick, onClose }: { initial: AgentSession[]; onPick: (sessions: AgentSession[]) => void; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const { sessions, scanning, scan } = useAgentSessions();
  const { selected, toggle } = useSelection(initial.map((session) => session.sessionId));
  useEffect(() => {
    const dialog = ref.current;
    // happy-dom has no showModal; the attribute keeps the dialog visible there.
    if (dialog && typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    }
    else dialog?.setAttribute('open', '');
  }, []);
  const chosen = useMemo(() => (sessions ?? []).filter((session) => selected.has(session.sessionId)), [sessions, selected]);

  return (
    <dialog ref={ref} className="dialog session-dialog" aria-labelledby="session-picker-title" onClose={onClose} onCancel={onClose}>
      <div className="dialog-head">
        <h2 id="session-picker-title">Pick agent sessions</h2>
        <button type="button" className="button small" disabled={scanning} onClick={() => void scan()}>
          {scanning ? 'Scanning…' : 'Scan now'}
        </button>
      </div>
      <div className="session-dialog-body">
        {sessions === undefined ? (
          <p className="muted">Loading sessions…</p>
        ) : sessions.length === 0 ? (
          <p className="muted">No sessions stored yet. Scan now reads Claude Code's logs.</p>
        ) : (
          <SessionList sessions={sessions} selected={selected} onToggle={toggle} label="Agent sessions to pick" compact />
        )}
      </div>
      <div className="form-actions">
        <button type="button" className="button primary" disabled={chosen.length === 0} onClick={() => onPick(chosen)}>
          {chosen.length === 0 ? 'Use sessions' : `Use ${chosen.length === 1 ? 'session' : `${chosen.length} sessions`}`}
        </button>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        {chosen.length > 0 && <SessionSumsLine sums={sumSessions(chosen)} />}
      </div>
    </dialog>
  );
}
