import { useEffect, useMemo, useRef } from 'react';
import type { DayTextField, EditConflict } from '../../../shared/domain/editConflict.ts';
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
import { useAutosavedText } from '../lib/autosave.ts';
import { createTask } from '../lib/mutations.ts';
import { SaveStatus } from '../components/SaveStatus.tsx';
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

      <DayProse key={date} date={date} />
    </div>
  );
}

/** The post's intro and analysis for the day, under the app's one save model (see lib/autosave.ts). */
function DayProse({ date }: { date: string }) {
  const { value: record, loading } = useChannel('getDay', { date });
  const { value: conflicts } = useChannel('listEditConflicts', { date });
  const stored = !loading && record?.workDate === date ? record : undefined;
  const saver = (field: DayTextField) => async (value: string, base: string) => {
    const saved = await call('saveDayText', { date, field, value, base });
    if (saved?.conflict) toast('error', `${FIELD_LABELS[field]} of ${date} was also changed elsewhere while you typed: both versions are kept (see below the field).`);
    return saved !== undefined;
  };
  const intro = useAutosavedText(`day:${date}:intro`, stored?.intro, saver('intro'));
  const analysis = useAutosavedText(`day:${date}:analysis`, stored?.analysis, saver('analysis'));
  const analysisRef = useRef<HTMLTextAreaElement>(null);
  // Where the Analysis cursor was when the field lost focus (else a fact goes at the end).
  const lastSelection = useRef<[number, number] | null>(null);

  /** A fact from the panel goes where the Analysis cursor is (at the end if it never had focus). */
  function insertFact(text: string) {
    const field = analysisRef.current;
    const focused = field !== null && document.activeElement === field;
    const [start, end] = focused ? [field.selectionStart, field.selectionEnd] : (lastSelection.current ?? [analysis.value.length, analysis.value.length]);
    const next = insertAtCursor(analysis.value, start, end, text);
    lastSelection.current = [next.caret, next.caret];
    analysis.onChange(next.value);
    requestAnimationFrame(() => {
      field?.focus();
      field?.setSelectionRange(next.caret, next.caret);
    });
  }

  const open = (field: DayTextField) => (conflicts ?? []).filter((conflict) => conflict.field === field && conflict.key === date);
  return (
    <section className="card prose-editors" aria-label="Post text">
      <div className="field">
        <div className="label-row">
          <label htmlFor="day-intro">Intro</label>
          <SaveStatus id="day-intro-status" state={intro.state} onRetry={() => void intro.flush()} />
        </div>
        <textarea id="day-intro" rows={3} value={intro.value} aria-describedby="day-intro-status" placeholder="A sentence or two that opens the day's post" onChange={(event) => intro.onChange(event.target.value)} onBlur={() => void intro.flush()} />
        <ConflictNotes conflicts={open('intro')} />
      </div>
      <div className="field">
        <div className="label-row">
          <label htmlFor="day-analysis">Analysis</label>
          <SaveStatus id="day-analysis-status" state={analysis.state} onRetry={() => void analysis.flush()} />
        </div>
        <textarea
          id="day-analysis"
          ref={analysisRef}
          rows={3}
          value={analysis.value}
          aria-describedby="day-analysis-status"
          placeholder="What drove the day's leverage"
          onChange={(event) => analysis.onChange(event.target.value)}
          onBlur={(event) => {
            lastSelection.current = [event.target.selectionStart, event.target.selectionEnd];
            void analysis.flush();
          }}
        />
        <ConflictNotes conflicts={open('analysis')} />
      </div>
      <FactsPanel date={date} onInsert={insertFact} />
    </section>
  );
}

const FIELD_LABELS: Record<DayTextField, string> = { intro: 'The intro', analysis: 'The analysis' };

/** A field changed here and elsewhere at once: the field shows this window's text; the other is kept here. */
function ConflictNotes({ conflicts }: { conflicts: EditConflict[] }) {
  if (conflicts.length === 0) return null;
  return (
    <>
      {conflicts.map((conflict) => (
        <div className="conflict-note" role="alert" key={conflict.id}>
          <strong>Also changed elsewhere (the command line or another window) while you typed. Both versions are kept; the field shows yours.</strong>
          <span className="muted">The other version:</span>
          <pre>{conflict.remote === '' ? '(empty)' : conflict.remote}</pre>
          <div className="form-actions">
            <button type="button" className="button small" onClick={() => void call('resolveEditConflict', { id: conflict.id, keep: 'local' })}>
              Keep mine
            </button>
            <button type="button" className="button small" onClick={() => void call('resolveEditConflict', { id: conflict.id, keep: 'remote' })}>
              Use the other version
            </button>
          </div>
        </div>
      ))}
    </>
  );
}
