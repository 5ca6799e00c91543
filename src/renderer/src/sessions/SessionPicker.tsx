import { lazy, Suspense, useState } from 'react';
import { SessionSumsLine } from './SessionSumsLine.tsx';
import { sumSessions, type AgentSession } from './sessionFigures.ts';
import './sessions.css';

// The dialog (list, scan) loads on first use, so the Day screen and quick add start smaller.
const SessionPickerDialog = lazy(() => import('./SessionPickerDialog.tsx'));

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
        <Suspense fallback={null}>
          <SessionPickerDialog
            initial={value}
            onClose={() => setOpen(false)}
            onPick={(sessions) => {
              onChange(sessions);
              setOpen(false);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
