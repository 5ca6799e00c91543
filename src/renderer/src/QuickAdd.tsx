import { useEffect, useState } from 'react';
import type { Task } from '../../shared/domain/task.ts';
import { today } from '../../shared/metrics/periods.ts';
import { formatHours, formatMinutes } from '../../shared/units/duration.ts';
import { formatFactor } from '../../shared/units/factor.ts';
import { taskLeverage } from '../../shared/metrics/summary.ts';
import { call, subscribe } from './api/client.ts';
import { answerFlushRequests } from './lib/autosave.ts';
import { QuickSyntaxField } from './components/QuickSyntaxField.tsx';
import { Toasts } from './components/Toasts.tsx';
import { linkSessions } from './sessions/linkSessions.ts';
import { findSession } from './sessions/findSession.ts';
import { SessionPicker } from './sessions/SessionPicker.tsx';
import { sessionDate, suggestedTitle, sumSessions, type AgentSession } from './sessions/sessionFigures.ts';
import { applyTheme, useSettingsStore } from './stores/settingsStore.ts';
import './QuickAdd.css';

/** The small tray window: one line, a date, Enter saves, Escape closes. */
export function QuickAdd() {
  const [date, setDate] = useState(today());
  const [last, setLast] = useState<Task | null>(null);
  const theme = useSettingsStore((state) => state.settings.theme);
  const format = useSettingsStore((state) => state.settings.factorFormat);
  const [sessions, setSessions] = useState<AgentSession[]>([]);
  // The line restarts (new key) with a session's suggested title when main asks to log a session.
  const [line, setLine] = useState({ key: 0, text: '' });
  const sums = sessions.length > 0 ? sumSessions(sessions) : null;

  useEffect(() => {
    void useSettingsStore.getState().load();
    const offs = [
      // Quick add keeps no typed text past a save, but main asks every window before it closes.
      answerFlushRequests(),
      subscribe('settingsChanged', (settings) => useSettingsStore.getState().replace(settings)),
      subscribe('prefillQuickAdd', ({ sessionId }) => {
        void findSession(sessionId).then((session) => {
          if (!session) return;
          setSessions([session]);
          setDate(sessionDate(session) ?? today());
          setLine((previous) => ({ key: previous.key + 1, text: suggestedTitle([session]) ? `${suggestedTitle([session])} ` : '' }));
        });
      }),
    ];
    return () => offs.forEach((off) => off());
  }, []);
  useEffect(() => applyTheme(theme), [theme]);

  const close = () => void call('closeQuickAdd');
  return (
    <main
      className="quick-add"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          close();
        }
      }}
    >
      <QuickSyntaxField
        key={line.key}
        initialText={line.text}
        autoFocus
        fill={sums && { agentSeconds: sums.agentSeconds, tokens: sums.freshTokens }}
        onSubmit={async (task) => {
          const saved = await call('createTask', { ...task, workDate: date, notes: '' });
          if (saved) {
            setLast(saved);
            await linkSessions(saved.id, sessions);
            setSessions([]);
          }
          return Boolean(saved);
        }}
      />
      <div className="quick-add-foot">
        <div className="field inline">
          <label htmlFor="quick-date">Date</label>
          <input id="quick-date" type="date" value={date} onChange={(event) => event.target.value && setDate(event.target.value)} />
        </div>
        <span className="hint">Enter saves · Esc closes</span>
      </div>
      <SessionPicker value={sessions} onChange={setSessions} terse />
      <p className="quick-last" role="status" aria-live="polite">
        {last ? (
          <>
            Saved <strong>{last.title}</strong> on {last.workDate}: {formatHours(last.humanSeconds)} human, {formatMinutes(last.agentSeconds)} agent,{' '}
            {formatFactor(taskLeverage(last), format)}
          </>
        ) : (
          'Nothing saved yet in this window.'
        )}
      </p>
      <Toasts />
    </main>
  );
}
