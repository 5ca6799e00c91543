import { formatMinutes } from '../../../shared/units/duration.ts';
import { formatTokens } from '../../../shared/units/tokens.ts';
import { sessionWhen, type AgentSession } from './sessionFigures.ts';
import './sessions.css';

interface SessionListProps {
  sessions: AgentSession[];
  selected: ReadonlySet<string>;
  onToggle: (sessionId: string) => void;
  label: string;
  /** Fewer columns (the start time joins the project line; no wall time, no models), for the picker dialog. */
  compact?: boolean;
}

const SOURCE_TITLE = {
  turn_duration: 'From turn durations',
  reconstructed: 'Reconstructed from turns',
  mixed: 'Turn durations where logged, the other turns reconstructed',
} as const;

function minutes(session: AgentSession): string {
  return formatMinutes(Math.round(session.agentMinutes * 60));
}

/** Sessions as a table with a checkbox per row; selecting several sums them elsewhere. */
export function SessionList({ sessions, selected, onToggle, label, compact = false }: SessionListProps) {
  return (
    <table className={`session-table${compact ? ' compact' : ''}`} aria-label={label}>
      <thead>
        <tr>
          <th scope="col" className="session-check">
            <span className="visually-hidden">Select</span>
          </th>
          <th scope="col">Session</th>
          {!compact && <th scope="col">Started</th>}
          <th scope="col" className="num" title="Agent time: the time you waited on the agent (main thread or any subagent working); turn durations where the log has them, else reconstructed">
            Agent
          </th>
          <th scope="col" className="num" title="Agent-hours: the sum over parallel threads (subagents side by side count each)">
            Agent-hours
          </th>
          <th scope="col" className="num" title="Your time, measured from the log: gaps between the agent's turn end and your next prompt, each capped">
            You
          </th>
          {!compact && (
            <th scope="col" className="num" title="First to last record, idle included">
              Wall
            </th>
          )}
          <th scope="col" className="num" title="Input + output + cache creation: what a task records">
            Fresh tokens
          </th>
          <th scope="col" className="num optional-column" title="Cache reads re-read the same context; shown apart, not added to tasks">
            Cache reads
          </th>
          <th scope="col">Linked</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((session) => {
          const checked = selected.has(session.sessionId);
          const id = `session-${session.sessionId}`;
          return (
            <tr key={session.sessionId} className={checked ? 'selected' : undefined} data-session-id={session.sessionId}>
              <td className="session-check">
                <input type="checkbox" id={id} checked={checked} onChange={() => onToggle(session.sessionId)} aria-label={`Select ${session.title ?? session.sessionId}`} />
              </td>
              <td>
                <label htmlFor={id} className="session-title">
                  {session.title ?? <span className="muted">Untitled session</span>}
                </label>
                <span className="session-meta">
                  {session.project ?? 'unknown project'}
                  {session.gitBranch && <> · <code>{session.gitBranch}</code></>}
                  {compact && <> · {sessionWhen(session)}</>}
                  {!compact && session.models.length > 0 && <> · {session.models.map((model) => model.replace(/^claude-/, '').replace(/-\d{8}$/, '')).join(', ')}</>}
                </span>
              </td>
              {!compact && <td className="nowrap">{sessionWhen(session)}</td>}
              <td className="num" title={SOURCE_TITLE[session.agentTimeSource]}>
                {minutes(session)}
              </td>
              <td className="num muted">{formatMinutes(Math.round(session.agentHours * 3600))}</td>
              <td className="num muted" title="Measured from the log">
                {formatMinutes(Math.round(session.personMinutes * 60))}
              </td>
              {!compact && <td className="num muted">{formatMinutes(Math.round(session.wallMinutes * 60))}</td>}
              <td className="num">{formatTokens(session.freshTokens) || '0'}</td>
              <td className="num muted optional-column">{formatTokens(session.cacheReadTokens) || '0'}</td>
              <td>
                {session.linkedTaskIds.length > 0 ? (
                  <span className="status-tag linked" title={`Task ${session.linkedTaskIds.map((taskId) => `#${taskId}`).join(', ')}`}>
                    Linked
                  </span>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
