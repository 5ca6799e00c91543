import { useEffect, useMemo, useRef } from 'react';
import { SessionList } from './SessionList.tsx';
import { SessionSumsLine } from './SessionSumsLine.tsx';
import { sumSessions, type AgentSession } from './sessionFigures.ts';
import { useAgentSessions } from './useAgentSessions.ts';
import { useSelection } from './useSelection.ts';
import './sessions.css';

/** The picker's list of stored sessions with their sums; loaded only when the picker opens. */
export default function SessionPickerDialog({ initial, onPick, onClose }: { initial: AgentSession[]; onPick: (sessions: AgentSession[]) => void; onClose: () => void }) {
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
