import { useEffect, useMemo, useRef, useState } from 'react';
import { call } from '../api/client.ts';
import { TaskGrid } from '../components/TaskGrid.tsx';
import { useChannel } from '../lib/useChannel.ts';
import { isTyping } from '../lib/shortcuts.ts';
import { toast } from '../stores/toastStore.ts';
import './LogScreen.css';

/** Every task, filtered and sorted in SQLite, paged into a virtualized grid. */
export default function LogScreen() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [workstream, setWorkstream] = useState('');
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const { value: workstreams } = useChannel('listWorkstreams', {});

  // Typing is debounced so the query runs once the user pauses, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim()), 200);
    return () => clearTimeout(timer);
  }, [text]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key === '/' && !isTyping(event.target)) {
        event.preventDefault();
        searchRef.current?.focus();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const invalidRange = from !== '' && to !== '' && from > to;
  const filter = useMemo(
    () => ({
      ...(from && !invalidRange ? { from } : {}),
      ...(to && !invalidRange ? { to } : {}),
      ...(workstream ? { workstream } : {}),
      ...(search ? { text: search } : {}),
    }),
    [from, to, workstream, search, invalidRange],
  );

  async function exportView(format: 'csv' | 'json') {
    // Exactly the tasks the grid shows: the same date range, workstream and text filters.
    const result = await call('exportData', { format, ...filter });
    if (result?.path) toast('success', `Exported to ${result.path}`);
  }

  const filtered = Boolean(from || to || workstream || search);
  return (
    <div className="screen log-screen">
      <header className="screen-head">
        <div>
          <h1>Task log</h1>
          <p className="muted">Every task. Double-click or press Enter on a cell to edit it.</p>
        </div>
        <div className="toolbar" role="group" aria-label="Log actions">
          {filtered && (
            <button
              type="button"
              className="button ghost"
              onClick={() => {
                setFrom('');
                setTo('');
                setWorkstream('');
                setText('');
              }}
            >
              Clear filters
            </button>
          )}
          <button type="button" className="button" onClick={() => void exportView('csv')}>
            Export CSV
          </button>
          <button type="button" className="button" onClick={() => void exportView('json')}>
            Export JSON
          </button>
        </div>
      </header>
      <div className="filters" role="search" aria-label="Filter tasks">
        <div className="field">
          <label htmlFor="log-search">Search</label>
          <input id="log-search" ref={searchRef} type="search" placeholder="Title, notes or workstream  ( / )" value={text} onChange={(event) => setText(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="log-from">From</label>
          <input id="log-from" type="date" value={from} onChange={(event) => setFrom(event.target.value)} aria-invalid={invalidRange} />
        </div>
        <div className="field">
          <label htmlFor="log-to">To</label>
          <input id="log-to" type="date" value={to} onChange={(event) => setTo(event.target.value)} aria-invalid={invalidRange} />
        </div>
        <div className="field">
          <label htmlFor="log-workstream">Workstream</label>
          <select id="log-workstream" value={workstream} onChange={(event) => setWorkstream(event.target.value)}>
            <option value="">All workstreams</option>
            {(workstreams ?? []).map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {invalidRange && (
        <p className="field-error" role="alert">
          “From” is after “To”: the date filter is ignored until it is fixed.
        </p>
      )}
      <section className="card grid-card fill" aria-label="All tasks">
        <TaskGrid filter={filter} label="All tasks" emptyText={filtered ? 'No task matches these filters.' : 'No tasks yet. Add one on the Day screen (Ctrl+1).'} />
      </section>
    </div>
  );
}
