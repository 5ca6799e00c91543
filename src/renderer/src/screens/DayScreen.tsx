import { useEffect, useMemo, useRef, useState } from 'react';
import type { DayRecord } from '../../../shared/domain/day.ts';
import { shiftDate, today } from '../../../shared/metrics/periods.ts';
import { longDate } from '../../../shared/metrics/longDate.ts';
import { noAgentTimeText } from '../../../shared/metrics/summary.ts';
import { formatHours, formatHoursAndMinutes } from '../../../shared/units/duration.ts';
import { formatFactor } from '../../../shared/units/factor.ts';
import { formatTokenTotal } from '../../../shared/units/tokens.ts';
import { call } from '../api/client.ts';
import { Figures } from '../components/Figures.tsx';
import { QuickSyntaxField } from '../components/QuickSyntaxField.tsx';
import { TaskForm } from '../components/TaskForm.tsx';
import { TaskGrid } from '../components/TaskGrid.tsx';
import { createTask } from '../lib/mutations.ts';
import { FactsPanel } from '../publishing/FactsPanel.tsx';
import { HookSessionsBanner } from '../publishing/HookSessionsBanner.tsx';
import { insertAtCursor } from '../publishing/insertAtCursor.ts';
import { RevisionNotice } from '../publishing/RevisionNotice.tsx';
import { useChannel } from '../lib/useChannel.ts';
import { useAppStore } from '../stores/appStore.ts';
import { useSettingsStore } from '../stores/settingsStore.ts';
import { toast } from '../stores/toastStore.ts';
import './DayScreen.css';

export function DateNavigator({ date, onChange }: { date: string; onChange: (date: string) => void }) {
  return (
    <div className="date-nav" role="group" aria-label="Choose the day">
      <button type="button" className="button icon" onClick={() => onChange(shiftDate(date, -1))} aria-label="Previous day" title="Previous day ([)">
        ‹
      </button>
      <input type="date" aria-label="Date" value={date} onChange={(event) => event.target.value && onChange(event.target.value)} />
      <button type="button" className="button icon" onClick={() => onChange(shiftDate(date, 1))} aria-label="Next day" title="Next day (])">
        ›
      </button>
      <button type="button" className="button ghost" onClick={() => onChange(today())} disabled={date === today()}>
        Today
      </button>
    </div>
  );
}

export default function DayScreen() {
  const date = useAppStore((state) => state.date);
  const setDate = useAppStore((state) => state.setDate);
  const focusToken = useAppStore((state) => state.focusFormToken);
  const settings = useSettingsStore((state) => state.settings);
  const { value: metrics } = useChannel('dayMetrics', { date });
  const { value: known } = useChannel('listWorkstreams', {});
  const quickRef = useRef<HTMLInputElement>(null);
  const workstreams = useMemo(() => [...new Set([...settings.defaultWorkstreams, ...(known ?? [])])].sort(), [settings.defaultWorkstreams, known]);
  const filter = useMemo(() => ({ from: date, to: date }), [date]);

  useEffect(() => {
    if (focusToken > 0) quickRef.current?.focus();
  }, [focusToken]);

  const f = (value: number | null) => formatFactor(value, settings.factorFormat);
  return (
    <div className="screen day-screen">
      <header className="screen-head">
        <div>
          <h1>{longDate(date)}</h1>
          <p className="muted">{date === today() ? 'Today' : date < today() ? 'Past day' : 'Upcoming day'}</p>
        </div>
        <DateNavigator date={date} onChange={setDate} />
      </header>

      <HookSessionsBanner date={date} />
      <RevisionNotice date={date} />

      <section className="card" aria-labelledby="figures-title">
        <h2 id="figures-title" className="card-title">
          Day figures
        </h2>
        <Figures
          label="Day figures"
          items={[
            { name: 'Tasks', value: String(metrics?.taskCount ?? 0) },
            { name: 'Human', value: formatHours(metrics?.humanSeconds ?? 0) },
            { name: settings.agentLabel, value: formatHoursAndMinutes(metrics?.agentSeconds ?? 0) },
            { name: 'Supervision', value: metrics?.supervisionSeconds == null ? '—' : formatHoursAndMinutes(metrics.supervisionSeconds) },
            { name: 'Tokens', value: formatTokenTotal(metrics?.tokens ?? null) },
            {
              name: 'Leverage',
              value: f(metrics?.leverage ?? null),
              strong: true,
              note: metrics && metrics.tasksWithoutAgentTime > 0 ? `Σhuman ÷ Σagent; ${noAgentTimeText(metrics.tasksWithoutAgentTime)} (left out)` : 'Σhuman ÷ Σagent',
            },
            { name: 'Supervisory', value: f(metrics?.supervisoryLeverage ?? null), note: 'Σhuman ÷ Σsupervision' },
          ]}
        />
      </section>

      <section className="card" aria-label="Add a task">
        <QuickSyntaxField
          inputRef={quickRef}
          onSubmit={async (task) => Boolean(await createTask({ ...task, workDate: date, notes: '' }))}
        />
        <details className="full-form">
          <summary>All fields</summary>
          <TaskForm date={date} workstreams={workstreams} agentLabel={settings.agentLabel} onSave={createTask} />
        </details>
      </section>

      <section className="card grid-card" aria-label="Tasks of the day">
        <TaskGrid
          filter={filter}
          label={`Tasks on ${date}`}
          height={Math.min(Math.max((metrics?.taskCount ?? 0) * 36 + 2, 74), 360)}
          emptyText="No tasks on this day yet. Add one above."
          hideDate
          initialSort={[{ id: 'leverage', desc: true }]}
        />
      </section>

      <DayProse date={date} />
    </div>
  );
}

/** The post's intro and analysis for the day; saved on demand or when the field loses focus. */
function DayProse({ date }: { date: string }) {
  const { value: record } = useChannel('getDay', { date });
  const [draft, setDraft] = useState<Pick<DayRecord, 'intro' | 'analysis'> | null>(null);
  const [forDate, setForDate] = useState(date);
  const analysisRef = useRef<HTMLTextAreaElement>(null);
  // Where the Analysis cursor was when the field lost focus, for that day (else a fact goes at the end).
  const lastSelection = useRef<{ date: string; range: [number, number] } | null>(null);
  if (forDate !== date) {
    setForDate(date);
    setDraft(null);
  }
  const current = draft ?? { intro: record?.workDate === date ? record.intro : '', analysis: record?.workDate === date ? record.analysis : '' };
  const dirty = draft !== null && record !== undefined && (draft.intro !== record.intro || draft.analysis !== record.analysis);

  async function save() {
    if (!dirty || !draft) return;
    const saved = await call('updateDay', { date, patch: draft });
    if (saved) {
      useAppStore.getState().dataChanged();
      setDraft(null);
      toast('success', 'Post text saved');
    }
  }

  /** A fact from the panel goes where the Analysis cursor is (at the end if it never had focus). */
  function insertFact(text: string) {
    const field = analysisRef.current;
    const focused = field !== null && document.activeElement === field;
    const remembered = lastSelection.current?.date === date ? lastSelection.current.range : null;
    const [start, end] = focused ? [field.selectionStart, field.selectionEnd] : (remembered ?? [current.analysis.length, current.analysis.length]);
    const next = insertAtCursor(current.analysis, start, end, text);
    lastSelection.current = { date, range: [next.caret, next.caret] };
    setDraft({ ...current, analysis: next.value });
    requestAnimationFrame(() => {
      field?.focus();
      field?.setSelectionRange(next.caret, next.caret);
    });
  }

  return (
    <section className="card prose-editors" aria-label="Post text">
      <div className="field">
        <label htmlFor="day-intro">Intro</label>
        <textarea id="day-intro" rows={3} value={current.intro} placeholder="A sentence or two that opens the day's post" onChange={(event) => setDraft({ ...current, intro: event.target.value })} onBlur={() => void save()} />
      </div>
      <div className="field">
        <label htmlFor="day-analysis">Analysis</label>
        <textarea id="day-analysis" ref={analysisRef} rows={3} value={current.analysis} placeholder="What drove the day's leverage" onChange={(event) => setDraft({ ...current, analysis: event.target.value })} onBlur={(event) => {
          lastSelection.current = { date, range: [event.target.selectionStart, event.target.selectionEnd] };
          void save();
        }} />
      </div>
      <FactsPanel date={date} onInsert={insertFact} />
      <div className="form-actions">
        <button type="button" className="button" disabled={!dirty} onClick={() => void save()}>
          Save text
        </button>
        {dirty && <span className="hint">Unsaved changes</span>}
      </div>
    </section>
  );
}
