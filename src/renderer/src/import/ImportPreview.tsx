import type { ChannelOutput } from '../../../shared/ipc/contract.ts';
import { longDate } from '../../../shared/metrics/longDate.ts';
import { formatHours, formatMinutes } from '../../../shared/units/duration.ts';
import { formatFactor } from '../../../shared/units/factor.ts';
import { formatTokens, formatTokenTotal } from '../../../shared/units/tokens.ts';
import { plural } from '../lib/mutations.ts';
import './import.css';

export type ImportReport = ChannelOutput<'previewPostImport'>;
type DayReport = ImportReport['days'][number];

const factor = (value: number | null) => (value === null ? '—' : formatFactor(value, 'one-decimal'));
const hours = (value: number | null) => (value === null ? '—' : formatHours(Math.round(value * 3600)));
const minutes = (value: number | null) => (value === null ? '—' : formatMinutes(Math.round(value * 60)));

/** Stated (read from the post) against computed (from its rows) for each aggregate the post gives. */
function aggregateRows(day: DayReport): Array<{ name: string; stated: string | null; computed: string }> {
  const { stated, summary } = day;
  const rows = [
    { name: 'Tasks', stated: stated.taskCount === null ? null : String(stated.taskCount), computed: String(summary.taskCount) },
    { name: 'Human', stated: stated.humanHours === null ? null : hours(stated.humanHours), computed: formatHours(summary.humanSeconds) },
    { name: 'Agent', stated: stated.agentMinutes === null ? null : minutes(stated.agentMinutes), computed: formatMinutes(summary.agentSeconds) },
    {
      name: 'Supervision',
      stated: stated.supervisionMinutes === null ? null : minutes(stated.supervisionMinutes),
      computed: summary.supervisionSeconds === null ? '—' : formatMinutes(summary.supervisionSeconds),
    },
    {
      name: summary.tokensFromDayTotal ? 'Tokens (day total)' : 'Tokens',
      stated: (stated.tokens ?? stated.dayTokens) === null ? null : formatTokenTotal(stated.tokens ?? stated.dayTokens),
      computed: formatTokenTotal(summary.tokens),
    },
    { name: 'Leverage', stated: stated.leverage === null ? null : factor(stated.leverage), computed: factor(summary.leverage) },
    { name: 'Supervisory leverage', stated: stated.supervisoryLeverage === null ? null : factor(stated.supervisoryLeverage), computed: factor(summary.supervisoryLeverage) },
  ];
  return rows.filter((row) => row.stated !== null || row.computed !== '—');
}

function statusText(day: DayReport): string {
  if (day.status === 'duplicate') return 'Already imported: nothing changes';
  if (day.status === 'conflict') return `The day already has ${plural(day.existingTaskCount, 'other task')}`;
  return 'New day';
}

/** One day of a dry run: its tasks, stated vs computed figures, and everything that did not add up or parse. */
export function DayPreview({ day, expanded }: { day: DayReport; expanded: boolean }) {
  const mismatchLines = new Set(day.mismatches.map((text) => /^line (\d+):/.exec(text)?.[1]).filter(Boolean).map(Number));
  return (
    <section className={`import-day ${day.status}`} aria-label={`Import of ${day.date}`}>
      <header className="import-day-head">
        <h3>{longDate(day.date)}</h3>
        <span className="muted">{plural(day.tasks.length, 'task')}</span>
        <span className={`status-tag ${day.status}`}>{statusText(day)}</span>
      </header>
      {day.title && <p className="muted small">{day.title}</p>}

      <table className="import-aggregates" aria-label={`Figures for ${day.date}`}>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col" className="num">
              Stated in the post
            </th>
            <th scope="col" className="num">
              Computed from rows
            </th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {aggregateRows(day).map((row) => (
            <tr key={row.name} className={row.stated !== null && row.stated !== row.computed ? 'differs' : undefined}>
              <th scope="row">{row.name}</th>
              <td className="num">{row.stated ?? <span className="muted">not stated</span>}</td>
              <td className="num">{row.computed}</td>
              <td className="mark">{row.stated === null ? '' : row.stated === row.computed ? '✓' : '≠'}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {day.mismatches.length > 0 && (
        <div className="import-problems" role="group" aria-label="Mismatches">
          <h4>{plural(day.mismatches.length, 'mismatch')} (imported as written, not corrected)</h4>
          <ul>
            {day.mismatches.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      )}
      {day.unparsed.length > 0 && (
        <div className="import-problems" role="group" aria-label="Unparsed lines">
          <h4>{plural(day.unparsed.length, 'line')} not imported</h4>
          <ul>
            {day.unparsed.map((item) => (
              <li key={`${item.line}-${item.text}`}>
                line {item.line}: <code>{item.text}</code> — {item.reason}
              </li>
            ))}
          </ul>
        </div>
      )}

      <details className="import-tasks" open={expanded}>
        <summary>Tasks</summary>
        <table className="session-table compact">
          <thead>
            <tr>
              <th scope="col">Task</th>
              <th scope="col" className="num">
                Human
              </th>
              <th scope="col" className="num">
                Agent
              </th>
              <th scope="col" className="num">
                Supv.
              </th>
              <th scope="col" className="num">
                Tokens
              </th>
              <th scope="col" className="num">
                Stated
              </th>
              <th scope="col" className="num">
                Computed
              </th>
            </tr>
          </thead>
          <tbody>
            {day.tasks.map((task) => (
              <tr key={task.line} className={mismatchLines.has(task.line) ? 'differs' : undefined}>
                <td>{task.title}</td>
                <td className="num">{formatHours(task.humanSeconds)}</td>
                <td className="num">{formatMinutes(task.agentSeconds)}</td>
                <td className="num">{task.supervisionSeconds === null ? '' : formatMinutes(task.supervisionSeconds)}</td>
                <td className="num">{formatTokens(task.tokens)}</td>
                <td className="num">{factor(task.statedFactor)}</td>
                <td className="num">{factor(task.computedFactor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

/** Every day a dry run would write, and the file-level warnings. */
export function ImportPreview({ report }: { report: ImportReport }) {
  return (
    <div className="import-preview">
      {report.warnings.length > 0 && (
        <ul className="import-warnings">
          {report.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      {report.days.map((day) => (
        <DayPreview key={day.date} day={day} expanded={report.days.length === 1} />
      ))}
    </div>
  );
}
