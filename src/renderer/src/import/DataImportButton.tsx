import { useId, useState } from 'react';
import { call } from '../api/client.ts';
import { plural } from '../lib/mutations.ts';
import { toast } from '../stores/toastStore.ts';
import './DataImportButton.css';

type DataImportMode = 'merge' | 'replace' | 'skip';

const MODES: readonly (readonly [DataImportMode, string])[] = [
  ['merge', 'Merge: add only the tasks not there yet'],
  ['replace', 'Replace that day’s tasks (undoable)'],
  ['skip', 'Skip that day'],
];

/**
 * "Import data…" for the app's own CSV/JSON export: the user chooses what happens to a day that
 * already holds other tasks (merge, the default; replace; skip), main writes a backup first, and
 * tasks already in the journal are recognised, never added twice.
 */
export function DataImportButton({ onImported }: { onImported?: () => void }) {
  const id = useId();
  const [mode, setMode] = useState<DataImportMode>('merge');
  return (
    <span className="data-import">
      <label htmlFor={`${id}-mode`}>When a day already has other tasks</label>{' '}
      <select id={`${id}-mode`} value={mode} onChange={(event) => setMode(event.target.value as DataImportMode)}>
        {MODES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>{' '}
      <button
        type="button"
        className="button"
        onClick={async () => {
          const result = await call('importData', { mode });
          if (!result?.path) return;
          const notes = [
            result.duplicates > 0 ? `${plural(result.duplicates, 'task')} already there` : '',
            result.replaced > 0 ? `${plural(result.replaced, 'task')} replaced` : '',
            result.skippedDays.length > 0 ? `${plural(result.skippedDays.length, 'day')} skipped` : '',
          ].filter((note) => note !== '');
          toast('success', `Imported ${plural(result.tasks, 'task')} and ${plural(result.days, 'day')} from ${result.path}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`);
          onImported?.();
        }}
      >
        Import data…
      </button>
    </span>
  );
}
