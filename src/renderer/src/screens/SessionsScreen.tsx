import { useMemo, useState } from 'react';
import { today } from '../../../shared/metrics/periods.ts';
import { AGENT_NAMES, SessionList } from '../sessions/SessionList.tsx';
import { SessionSumsLine } from '../sessions/SessionSumsLine.tsx';
import { sessionDate, sumSessions, type AgentSession } from '../sessions/sessionFigures.ts';
import { useSessionPrefill } from '../sessions/sessionPrefillStore.ts';
import { useAgentSessions } from '../sessions/useAgentSessions.ts';
import { useSelection } from '../sessions/useSelection.ts';
import { useAppStore } from '../stores/appStore.ts';
import '../sessions/sessions.css';

/** Recent sessions of every coding agent read from their local logs, filterable by agent; one or several become a task. */
export default function SessionsScreen() {
  const { sessions, scanning, scan } = useAgentSessions();
  const { selected, toggle, clear } = useSelection();
  const [hideLinked, setHideLinked] = useState(false);
  const [agent, setAgent] = useState<'' | AgentSession['agent']>('');
  const agents = useMemo(() => [...new Set((sessions ?? []).map((session) => session.agent))].sort(), [sessions]);
  const shown = useMemo(
    () => (sessions ?? []).filter((session) => (!hideLinked || session.linkedTaskIds.length === 0) && (agent === '' || session.agent === agent)),
    [sessions, hideLinked, agent],
  );
  const chosen = useMemo(() => (sessions ?? []).filter((session) => selected.has(session.sessionId)), [sessions, selected]);

  function addAsTask() {
    const app = useAppStore.getState();
    // The task belongs to the day the (latest) session ended.
    const dates = chosen.map(sessionDate).filter((date): date is string => date !== null).sort();
    app.setDate(dates.at(-1) ?? today());
    useSessionPrefill.getState().request(chosen);
    app.setScreen('day');
  }

  return (
    <div className="screen sessions-screen">
      <header className="screen-head">
        <div>
          <h1>Agent sessions</h1>
          <p className="muted">Agent time and tokens from Claude Code's own logs, kept here after the logs are gone.</p>
        </div>
        <div className="toolbar">
          <button type="button" className="button" disabled={scanning} aria-busy={scanning} onClick={() => void scan()}>
            {scanning ? 'Scanning…' : 'Scan now'}
          </button>
        </div>
      </header>

      {sessions !== undefined && sessions.length === 0 ? (
        <section className="card sessions-empty" aria-labelledby="sessions-empty-title">
          <h2 id="sessions-empty-title">No sessions yet</h2>
          <p>
            Claude Code writes one log file per session under <code>~/.claude/projects/</code> (newer versions also <code>~/.config/claude/projects/</code>; the{' '}
            <code>CLAUDE_CONFIG_DIR</code> environment variable can name other folders, comma-separated).
          </p>
          <p>
            <strong>Scan now</strong> reads them and stores each session's agent time and tokens here. Claude Code deletes its logs after 30 days by default,
            so scan at least that often.
          </p>
        </section>
      ) : (
        <section className="card sessions-card" aria-label="Sessions">
          <div className="sessions-toolbar">
            <button type="button" className="button primary" disabled={chosen.length === 0} onClick={addAsTask}>
              Add as task
            </button>
            {chosen.length > 0 ? (
              <>
                <SessionSumsLine sums={sumSessions(chosen)} />
                <button type="button" className="button ghost small" onClick={clear}>
                  Clear selection
                </button>
              </>
            ) : (
              <span className="hint">Select one or several sessions: their agent time and fresh tokens are summed into a new task.</span>
            )}
            {agents.length > 1 && (
              <label className="sessions-filter">
                Agent{' '}
                <select value={agent} onChange={(event) => setAgent(event.target.value as typeof agent)}>
                  <option value="">All agents</option>
                  {agents.map((id) => (
                    <option key={id} value={id}>
                      {AGENT_NAMES[id]}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label className="check sessions-filter">
              <input type="checkbox" checked={hideLinked} onChange={(event) => setHideLinked(event.target.checked)} />
              Hide linked
            </label>
          </div>
          {sessions === undefined ? <p className="muted">Loading sessions…</p> : <SessionList sessions={shown} selected={selected} onToggle={toggle} label="Agent sessions" />}
        </section>
      )}
    </div>
  );
}
