import type { ChannelOutput } from '../../../shared/ipc/contract.ts';
import { formatHours, formatMinutes } from '../../../shared/units/duration.ts';
import { formatTokens } from '../../../shared/units/tokens.ts';
import { useChannel } from '../lib/useChannel.ts';
import './RevisionNotice.css';

export type DayRevision = ChannelOutput<'dayRevision'>;
type FieldValue = string | number | null;

const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  workstream: 'Workstream',
  humanSeconds: 'Human',
  agentSeconds: 'Agent',
  supervisionSeconds: 'Supervision',
  tokens: 'Tokens',
  model: 'Model',
};
const FIGURE_LABELS: Record<string, string> = {
  taskCount: 'Tasks',
  humanHours: 'Human hours',
  agentMinutes: 'Agent minutes',
  tokens: 'Tokens',
  leverage: 'Weighted leverage',
};

/** A task field's stored value as the post prints it (seconds → "6h" / "8min", tokens → "40k"). */
export function formatFieldValue(field: string, value: FieldValue): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'string') return value;
  if (field === 'humanSeconds') return formatHours(value);
  if (field === 'agentSeconds' || field === 'supervisionSeconds') return formatMinutes(value);
  if (field === 'tokens') return formatTokens(value);
  return String(value);
}

function Change({ before, after }: { before: string; after: string }) {
  return (
    <span className="change">
      <del>{before}</del> <span aria-hidden="true">→</span>
      <span className="visually-hidden"> now </span> <ins>{after}</ins>
    </span>
  );
}

/** What changed since the day was published: tasks added, removed or corrected, and the figures. */
export function RevisionDiff({ revision }: { revision: DayRevision }) {
  const { added, removed, changed } = revision.tasks;
  return (
    <div className="revision-diff">
      {revision.figures.length > 0 && (
        <table className="diff-table" aria-label="Figures: published and now">
          <tbody>
            {revision.figures.map((figure) => (
              <tr key={figure.figure}>
                <th scope="row">{FIGURE_LABELS[figure.figure] ?? figure.figure}</th>
                <td>
                  <Change before={figure.beforeText} after={figure.afterText} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ul className="diff-tasks" aria-label="Task changes">
        {added.map((task) => (
          <li key={`added-${task.id}`} className="diff-added">
            <span className="diff-mark">Added</span> {task.title} ({formatHours(task.humanSeconds)}, {formatMinutes(task.agentSeconds)})
          </li>
        ))}
        {removed.map((task) => (
          <li key={`removed-${task.id}`} className="diff-removed">
            <span className="diff-mark">Removed</span> {task.title}
          </li>
        ))}
        {changed.map((task) => (
          <li key={`changed-${task.id}`} className="diff-changed">
            <span className="diff-mark">Changed</span> {task.title}:{' '}
            {task.changes.map((change, index) => (
              <span key={change.field}>
                {index > 0 && '; '}
                {FIELD_LABELS[change.field] ?? change.field} <Change before={formatFieldValue(change.field, change.before)} after={formatFieldValue(change.field, change.after)} />
              </span>
            ))}
          </li>
        ))}
        {revision.introChanged && <li className="diff-changed">The intro was edited.</li>}
        {revision.analysisChanged && <li className="diff-changed">The analysis was edited.</li>}
      </ul>
    </div>
  );
}

/** Shown on the Day screen when a published day has been edited since. */
export function RevisionNotice({ date }: { date: string }) {
  const { value: revision } = useChannel('dayRevision', { date });
  if (!revision || revision.workDate !== date || !revision.published || !revision.changed) return null;
  const when = revision.publishedAt ? new Date(revision.publishedAt).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' }) : 'earlier';
  return (
    <section className="card revision-notice" role="status" aria-labelledby="revision-title">
      <h2 id="revision-title" className="revision-title">
        This day differs from what was published
      </h2>
      <p className="muted small">Published {when}. Publishing again from the Post screen can add a “Revised on” note.</p>
      <RevisionDiff revision={revision} />
    </section>
  );
}
