import type { SaveState } from '../lib/autosave.ts';

const WORDS: Record<SaveState, string> = { idle: '', editing: 'Editing…', saving: 'Saving…', saved: 'Saved', failed: 'Not saved' };

/** The small save state beside a text field (instead of a toast): Editing…, Saving…, Saved, Not saved. */
export function SaveStatus({ state, id, onRetry }: { state: SaveState; id?: string; onRetry?: () => void }) {
  return (
    <span id={id} className={`save-status ${state}`} role="status" aria-live="polite">
      {WORDS[state]}
      {state === 'failed' && onRetry && (
        <button type="button" className="button ghost small" onClick={onRetry}>
          Try again
        </button>
      )}
    </span>
  );
}
