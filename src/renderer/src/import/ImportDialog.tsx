import { useEffect, useId, useRef, useState, type ClipboardEvent } from 'react';
import { today } from '../../../shared/metrics/periods.ts';
import { call, request } from '../api/client.ts';
import { plural } from '../lib/mutations.ts';
import { useAppStore } from '../stores/appStore.ts';
import { toast } from '../stores/toastStore.ts';
import { ACCEPT, importFileKind, needsDate, readPostFile } from './importFile.ts';
import { DataImportButton } from './DataImportButton.tsx';
import { ImportPreview, type ImportReport } from './ImportPreview.tsx';
import './import.css';

type ConflictMode = 'merge' | 'replace' | 'skip';

/** Where the dialog is: choosing a file, reading it, asking for a date, showing the dry run, or an error. */
export type ImportStep =
  | { step: 'choose' }
  | { step: 'busy'; name: string; what: string }
  | { step: 'data'; name: string }
  | { step: 'failed'; name: string; errors: string[] }
  | { step: 'date'; name: string; text: string }
  | { step: 'preview'; name: string; text: string; date: string | undefined; report: ImportReport };

const PASTED = 'the pasted text';

/** File → Import and window drops: a dry run of the post first, then one commit for all its days. */
export function ImportDialog({ file, onClose }: { file: File | null; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [state, setState] = useState<ImportStep>({ step: 'choose' });
  const [mode, setMode] = useState<ConflictMode | null>(null);
  const [date, setDate] = useState(today());
  const [pasted, setPasted] = useState('');
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    // happy-dom has no showModal; the attribute keeps the dialog visible there.
    if (dialog && typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    }
    else dialog?.setAttribute('open', '');
  }, []);

  useEffect(() => {
    if (file) void take(file);
    // Runs for the file the dialog was opened with (App remounts the dialog for a new drop).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file]);

  async function take(chosen: File) {
    if (importFileKind(chosen.name) === 'data') return setState({ step: 'data', name: chosen.name });
    setState({ step: 'busy', name: chosen.name, what: 'Reading' });
    const read = await readPostFile(chosen);
    if (!read.ok) return setState({ step: 'failed', name: chosen.name, errors: [read.error] });
    await preview(chosen.name, read.text, undefined);
  }

  async function preview(name: string, text: string, forDate: string | undefined) {
    setState({ step: 'busy', name, what: 'Checking' });
    setMode(null);
    try {
      const report = await request('previewPostImport', { text, fileName: name, ...(forDate ? { date: forDate } : {}) });
      if (report.errors.length > 0 && !forDate && needsDate(report.errors)) return setState({ step: 'date', name, text });
      if (report.errors.length > 0) return setState({ step: 'failed', name, errors: report.errors });
      setState({ step: 'preview', name, text, date: forDate, report });
    } catch (error) {
      setState({ step: 'failed', name, errors: [error instanceof Error ? error.message : String(error)] });
    }
  }

  async function commit(current: Extract<ImportStep, { step: 'preview' }>) {
    setState({ step: 'busy', name: current.name, what: 'Importing' });
    const outcome = await call('commitPostImport', {
      text: current.text,
      fileName: current.name,
      ...(current.date ? { date: current.date } : {}),
      ...(mode ? { mode } : {}),
    });
    if (!outcome) return setState(current);
    const app = useAppStore.getState();
    const written = outcome.days.filter((day) => day.action !== 'unchanged' && day.action !== 'skipped');
    const removed = outcome.days.reduce((sum, day) => sum + day.tasksRemoved, 0);
    toast(
      'success',
      written.length === 0
        ? 'Nothing imported: every day was already in the journal or skipped.'
        : `Imported ${plural(outcome.tasksAdded, 'task')} on ${plural(written.length, 'day')}${removed > 0 ? `, replacing ${plural(removed, 'task')}` : ''}`,
    );
    const first = written[0];
    if (first) {
      app.setDate(first.date);
      app.setScreen('day');
    }
    ref.current?.close();
  }

  /**
   * Ctrl/Cmd+V anywhere in the dialog while it asks for a post: the clipboard's HTML flavour first
   * (a copied page or table keeps its cells there), else its plain text; the dry run follows.
   */
  function paste(event: ClipboardEvent) {
    if (state.step !== 'choose') return;
    const html = event.clipboardData.getData('text/html');
    const text = event.clipboardData.getData('text/plain');
    const content = html.trim() !== '' ? html : text;
    if (content.trim() === '') return;
    event.preventDefault();
    setPasted(text);
    void preview(PASTED, content, undefined);
  }

  const conflicts = state.step === 'preview' ? state.report.days.filter((day) => day.status === 'conflict').length : 0;
  const writable = state.step === 'preview' ? state.report.days.filter((day) => day.status !== 'duplicate') : [];
  const toAdd = writable.reduce((sum, day) => sum + day.tasks.length, 0);

  return (
    <dialog ref={ref} className="dialog import-dialog" aria-labelledby={`${id}-title`} onClose={onClose} onCancel={onClose} onPaste={paste}>
      <div className="dialog-head">
        <h2 id={`${id}-title`}>Import a Leverage Record{state.step !== 'choose' && <span className="muted"> · {state.name}</span>}</h2>
      </div>

      <div className="import-body">
        {state.step === 'choose' && (
          <div className="import-choose">
            <label className="button primary file-button">
              Choose a file…
              <input
                type="file"
                accept={ACCEPT}
                className="visually-hidden"
                aria-label="Post file to import"
                onChange={(event) => {
                  const chosen = event.target.files?.[0];
                  if (chosen) void take(chosen);
                }}
              />
            </label>
            <p className="muted">
              A published post as markdown, as a saved web page (<code>.html</code>) or as text copied from the page; one file may hold several days. You can also drop
              the file on the window, or paste a copied page or table here (Ctrl/Cmd+V). Nothing is written until you confirm.
            </p>
            <div className="field">
              <label htmlFor={`${id}-paste`}>Or paste a post (Ctrl/Cmd+V reads a copied page or table)</label>
              <textarea id={`${id}-paste`} rows={5} value={pasted} onChange={(event) => setPasted(event.target.value)} placeholder="Leverage Record: March 1, 2026 …" />
            </div>
            <div className="form-actions">
              <button type="button" className="button" disabled={pasted.trim() === ''} onClick={() => void preview(PASTED, pasted, undefined)}>
                Preview pasted text
              </button>
            </div>
          </div>
        )}

        {state.step === 'busy' && (
          <p className="muted" role="status">
            {state.what} {state.name}…
          </p>
        )}

        {state.step === 'data' && (
          <div className="import-data" role="status">
            <p>
              <strong>{state.name}</strong> looks like the app's own data export (CSV or JSON), not a published post.
            </p>
            <p className="muted">Data import asks for the file again in the system dialog and adds its tasks and days.</p>
            <div className="form-actions">
              <DataImportButton
                onImported={() => {
                  ref.current?.close();
                }}
              />
            </div>
          </div>
        )}

        {state.step === 'failed' && (
          <div className="import-failed" role="alert">
            <p>
              <strong>Nothing was imported.</strong> The journal is unchanged.
            </p>
            <ul>
              {state.errors.map((error) => (
                <li key={error}>{error.replace(/ \(--date YYYY-MM-DD\)/, '')}</li>
              ))}
            </ul>
          </div>
        )}

        {state.step === 'date' && (
          <form
            className="import-date"
            onSubmit={(event) => {
              event.preventDefault();
              if (date) void preview(state.name, state.text, date);
            }}
          >
            <p>This copy has no “Leverage Record: &lt;date&gt;” title line. Which day is it?</p>
            <div className="field inline">
              <label htmlFor={`${id}-date`}>Day of the post</label>
              <input id={`${id}-date`} type="date" value={date} required onChange={(event) => setDate(event.target.value)} />
              <button type="submit" className="button primary" disabled={!date}>
                Preview
              </button>
            </div>
          </form>
        )}

        {state.step === 'preview' && (
          <>
            <p className="import-summary" role="status">
              Dry run: {plural(state.report.days.length, 'day')}, {plural(state.report.days.reduce((sum, day) => sum + day.tasks.length, 0), 'task')}. Nothing is
              written yet.
            </p>
            {conflicts > 0 && (
              <fieldset className="import-mode">
                <legend>{conflicts === 1 ? 'One day already has other tasks.' : `${conflicts} days already have other tasks.`} What should the import do?</legend>
                {(
                  [
                    ['merge', 'Merge', 'add the post’s tasks beside them (rows already there are not added twice)'],
                    ['replace', 'Replace', 'delete the day’s tasks (Undo-able from the Log) and import the post’s'],
                    ['skip', 'Skip', 'leave those days as they are'],
                  ] as const
                ).map(([value, label, hint]) => (
                  <label className="check" key={value}>
                    <input type="radio" name={`${id}-mode`} value={value} checked={mode === value} onChange={() => setMode(value)} />
                    <span>
                      <strong>{label}</strong>: {hint}
                    </span>
                  </label>
                ))}
              </fieldset>
            )}
            <ImportPreview report={state.report} />
          </>
        )}
      </div>

      <div className="form-actions">
        {state.step === 'preview' && (
          <button
            type="button"
            className="button primary"
            disabled={writable.length === 0 || (conflicts > 0 && mode === null)}
            onClick={() => void commit(state)}
          >
            {writable.length === 0 ? 'Already imported' : mode === 'skip' && conflicts === writable.length ? 'Import nothing' : `Import ${plural(toAdd, 'task')}`}
          </button>
        )}
        {(state.step === 'failed' || state.step === 'preview' || state.step === 'date' || state.step === 'data') && (
          <button type="button" className="button" onClick={() => setState({ step: 'choose' })}>
            Choose another file
          </button>
        )}
        <button type="button" className="button" onClick={() => ref.current?.close()}>
          {state.step === 'preview' ? 'Cancel' : 'Close'}
        </button>
      </div>
    </dialog>
  );
}
