import { useState, type KeyboardEvent } from 'react';
import { recordAccelerator, showAccelerator } from '../lib/accelerator.ts';

/**
 * The global shortcut as a recorder: focus it (or press Record) and press the keys. An invalid
 * combination is refused with its reason; a valid one is saved at once.
 */
export function ShortcutRecorder({ id, value, onSave, describedBy }: { id: string; value: string; onSave: (accelerator: string) => void; describedBy: string }) {
  const [recording, setRecording] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (!recording) {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        setRecording(true);
        setProblem(null);
      }
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    if (event.key === 'Escape' && !event.ctrlKey && !event.altKey && !event.metaKey && !event.shiftKey) {
      setRecording(false);
      return;
    }
    const result = recordAccelerator(event.nativeEvent);
    if ('pending' in result) return;
    if ('error' in result) {
      setProblem(result.error);
      return;
    }
    setRecording(false);
    setProblem(null);
    if (result.accelerator !== value) onSave(result.accelerator);
  }

  return (
    <>
      <button
        type="button"
        id={id}
        className={`button shortcut-recorder${recording ? ' recording' : ''}`}
        aria-describedby={`${describedBy}${problem ? ` ${id}-problem` : ''}`}
        aria-pressed={recording}
        onClick={() => {
          setRecording(!recording);
          setProblem(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setRecording(false)}
      >
        {recording ? 'Press the keys… (Esc to cancel)' : value ? showAccelerator(value) : 'Record a shortcut'}
      </button>
      {problem && (
        <span id={`${id}-problem`} className="field-error" role="alert">
          {problem}
        </span>
      )}
    </>
  );
}
