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

export const AGENT_NAMES: Record<AgentSession['agent'], string> = { claude: 'Claude Code', codex: 'Codex CLI', gemini: 'Gemini CLI', opencode: 'OpenCode' };
const AGENT_MARKS: Record<AgentSession['agent'], string> = { claude: 'CC', codex: 'CX', gemini: 'GE', opencode: 'OC' };

/** The agent's name with a small mark of its own (colour and initials), so a mixed list reads at a glance. */
export function AgentBadge({ agent }: { agent: AgentSession['agent'] }) {
  return (
    <span className={`agent-badge agent-${agent}`} title={AGENT_NAMES[agent]} role="img" aria-label={AGENT_NAMES[agent]}>
      <span className="agent-mark">{AGENT_MARKS[agent]}</span>
    </span>
  );
}

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
          <th scope="col" className="num" title="Agent time: from turn durations where the log has them, else reconstructed from turns">
            Agent
          </th>
          {!compact && (
            <th scope="col" className="num" title="First prompt to last record">
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
                  <AgentBadge agent={session.agent} />
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
              <td className="num" title={session.agentTimeSource === 'turn_duration' ? 'From turn durations' : 'Reconstructed from turns'}>
                {minutes(session)}
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
