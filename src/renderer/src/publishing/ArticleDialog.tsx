import { useEffect, useMemo, useRef, useState } from 'react';
import Markdown, { defaultUrlTransform } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import { saveArticle } from '../api/client.ts';
import { useChannel } from '../lib/useChannel.ts';
import { MARKDOWN_COMPONENTS } from './MarkdownImage.tsx';
import { toast } from '../stores/toastStore.ts';
import { articleFileName, defaultPeriod, periodRequest, type PeriodFields, type PeriodKind } from './articlePeriod.ts';
import './ArticleDialog.css';

const KINDS: Array<{ value: PeriodKind; label: string }> = [
  { value: 'week', label: 'Week' },
  { value: 'month', label: 'Month' },
  { value: 'lastDays', label: 'Last N days' },
  { value: 'range', label: 'Range' },
];

function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/**
 * "Export article…": a period (week, month, last N days, any range), the article's preview, and
 * Save, which hands the markdown and (optionally) its SVG charts to main to write side by side.
 */
export function ArticleDialog({ date, onClose }: { date: string; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [fields, setFields] = useState<PeriodFields>(() => defaultPeriod(date));
  const [charts, setCharts] = useState(true);
  const [saving, setSaving] = useState(false);
  const request = periodRequest(fields, charts);
  const { value: article, loading } = useChannel('periodArticle', request.ok ? request.input : null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);

  // In the preview, the charts the markdown links by file name show from memory (nothing is fetched).
  const chartUrls = useMemo(() => new Map((article?.charts ?? []).map((chart) => [chart.fileName, svgDataUrl(chart.svg)])), [article]);

  async function save() {
    if (!article || !request.ok) return;
    setSaving(true);
    const result = await saveArticle({
      markdown: article.markdown,
      suggestedName: articleFileName(article.from, article.to),
      charts: charts ? article.charts.map((chart) => ({ fileName: chart.fileName, svg: chart.svg })) : [],
    });
    setSaving(false);
    if (result?.path) {
      toast('success', `Saved the article to ${result.path}${charts ? ` with ${article.charts.length} charts` : ''}`);
      ref.current?.close();
    }
  }

  const set = (patch: Partial<PeriodFields>) => setFields({ ...fields, ...patch });
  return (
    <dialog ref={ref} className="dialog article-dialog" aria-labelledby="article-title" onClose={onClose}>
      <h2 id="article-title">Export article</h2>
      <div className="article-controls">
        <div className="segmented" role="radiogroup" aria-label="Period">
          {KINDS.map((kind) => (
            <button type="button" role="radio" key={kind.value} aria-checked={fields.kind === kind.value} onClick={() => set({ kind: kind.value })}>
              {kind.label}
            </button>
          ))}
        </div>
        {fields.kind === 'week' && (
          <div className="field inline">
            <label htmlFor="article-week">Week</label>
            <input id="article-week" type="week" value={fields.week} onChange={(event) => set({ week: event.target.value })} />
          </div>
        )}
        {fields.kind === 'month' && (
          <div className="field inline">
            <label htmlFor="article-month">Month</label>
            <input id="article-month" type="month" value={fields.month} onChange={(event) => set({ month: event.target.value })} />
          </div>
        )}
        {fields.kind === 'lastDays' && (
          <div className="field inline">
            <label htmlFor="article-days">Days</label>
            <input id="article-days" inputMode="numeric" size={5} value={fields.lastDays} onChange={(event) => set({ lastDays: event.target.value })} />
          </div>
        )}
        {fields.kind === 'range' && (
          <>
            <div className="field inline">
              <label htmlFor="article-from">From</label>
              <input id="article-from" type="date" value={fields.from} onChange={(event) => set({ from: event.target.value })} />
            </div>
            <div className="field inline">
              <label htmlFor="article-to">To</label>
              <input id="article-to" type="date" value={fields.to} onChange={(event) => set({ to: event.target.value })} />
            </div>
          </>
        )}
        <label className="check">
          <input type="checkbox" checked={charts} onChange={(event) => setCharts(event.target.checked)} />
          SVG charts beside the article
        </label>
      </div>
      {!request.ok && (
        <p className="field-error" role="alert">
          {request.error}
        </p>
      )}
      <section className="article-preview" aria-label="Article preview" aria-busy={loading}>
        {article && request.ok ? (
          <article className="markdown">
            <Markdown
              remarkPlugins={[remarkGfm]}
              rehypePlugins={[rehypeSanitize]}
              components={MARKDOWN_COMPONENTS}
              urlTransform={(url) => chartUrls.get(url) ?? defaultUrlTransform(url)}
            >
              {article.markdown}
            </Markdown>
          </article>
        ) : (
          <p className="hint">{request.ok ? 'Preparing the article…' : 'Choose a period to preview the article.'}</p>
        )}
      </section>
      <div className="form-actions">
        <button type="button" className="button primary" disabled={!article || !request.ok || loading || saving} onClick={() => void save()}>
          Save article…
        </button>
        <button type="button" className="button ghost" onClick={() => ref.current?.close()}>
          Cancel
        </button>
        {article && request.ok && (
          <span className="hint">
            {article.title} · {article.from} to {article.to}
            {charts ? ` · ${article.charts.map((chart) => chart.fileName).join(', ')}` : ''}
          </span>
        )}
      </div>
    </dialog>
  );
}
