import { useChannel } from '../lib/useChannel.ts';
import './FactsPanel.css';

interface FactsPanelProps {
  date: string;
  /** Inserts a fact's sentence into the Analysis editor at its cursor. */
  onInsert: (text: string) => void;
}

/** Sentences computed from the day's data (dayFacts); one click puts one into the Analysis text. */
export function FactsPanel({ date, onInsert }: FactsPanelProps) {
  const { value: facts } = useChannel('dayFacts', { date });
  return (
    <aside className="facts-panel" aria-labelledby="facts-title">
      <h3 id="facts-title" className="facts-title">
        Facts from the data
      </h3>
      {facts === undefined ? (
        <p className="hint">Computing…</p>
      ) : facts.length === 0 ? (
        <p className="hint">No facts yet: add tasks to this day.</p>
      ) : (
        <ul className="facts-list">
          {facts.map((fact) => (
            <li key={`${fact.kind}:${fact.text}`}>
              <button
                type="button"
                className="fact"
                title="Insert at the cursor in Analysis"
                aria-label={`Insert: ${fact.text}`}
                data-kind={fact.kind}
                // Keeps the focus (and the selection) in the Analysis editor while clicking.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => onInsert(fact.text)}
              >
                <span className="fact-plus" aria-hidden="true">
                  +
                </span>
                <span>{fact.text}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
