import './Figures.css';
/** A row of labelled figures (a definition list). */
export function Figures({ items, label }: { items: Array<{ name: string; value: string; note?: string; strong?: boolean }>; label: string }) {
  return (
    <dl className="figures" aria-label={label}>
      {items.map((item) => (
        <div className={`figure${item.strong ? ' strong' : ''}`} key={item.name}>
          <dt>{item.name}</dt>
          <dd>{item.value}</dd>
          {item.note && <span className="figure-note">{item.note}</span>}
        </div>
      ))}
    </dl>
  );
}
