import { useMemo, useState, type ReactNode } from 'react';
import { isoWeekOf, isoWeekRange, today } from '../../../shared/metrics/periods.ts';
import { humanWeeks } from '../../../shared/metrics/summary.ts';
import { formatHours } from '../../../shared/units/duration.ts';
import { formatFactor } from '../../../shared/units/factor.ts';
import { formatTokenTotal } from '../../../shared/units/tokens.ts';
import { DailyLeverageChart, DistributionChart, HoursChart, LeverageChart, ShareChart, TokensChart } from '../charts/Charts.tsx';
import { PRESETS, presetRange, shiftWeek, toDayRows, toShareRows, toWeekRows, type PresetId } from '../charts/reviewData.ts';
import { Figures } from '../components/Figures.tsx';
import { useChannel } from '../lib/useChannel.ts';
import { useResolvedTheme } from '../lib/useResolvedTheme.ts';
import { useSettingsStore } from '../stores/settingsStore.ts';
import './ReviewScreen.css';

function ChartCard({ title, subtitle, empty, children, wide }: { title: string; subtitle?: string; empty: boolean; children: ReactNode; wide?: boolean }) {
  return (
    <section className={`card chart-card${wide ? ' wide' : ''}`} aria-label={title}>
      <header className="chart-head">
        <h2 className="card-title">{title}</h2>
        {subtitle && <span className="muted small">{subtitle}</span>}
      </header>
      {empty ? <div className="empty chart-empty">No tasks in this period yet.</div> : <div className="chart-body">{children}</div>}
    </section>
  );
}

export default function ReviewScreen() {
  const theme = useResolvedTheme();
  const format = useSettingsStore((state) => state.settings.factorFormat);
  const [preset, setPreset] = useState<PresetId>('12w');
  const [week, setWeek] = useState(() => isoWeekOf(today()));
  const range = useMemo(() => presetRange(preset, today()), [preset]);
  const rangeInput = useMemo(() => range ?? {}, [range]);

  const { value: weekly } = useChannel('weeklySeries', rangeInput);
  const { value: distribution } = useChannel('factorDistribution', rangeInput);
  const { value: cumulative } = useChannel('cumulativeMetrics', {});
  const { value: summary } = useChannel('rangeMetrics', range ?? { from: cumulative?.firstDate ?? '2000-01-01', to: cumulative?.lastDate ?? today() });
  const weekRange = isoWeekRange(week);
  const { value: daily } = useChannel('dailySeries', weekRange);

  const weekRows = useMemo(() => toWeekRows(weekly ?? []), [weekly]);
  const dayRows = useMemo(() => toDayRows(week, daily ?? []), [week, daily]);
  const shareRows = useMemo(() => toShareRows(summary), [summary]);
  const f = (value: number | null | undefined) => formatFactor(value ?? null, format);
  const noWeeks = weekRows.length === 0;

  return (
    <div className="screen review-screen">
      <header className="screen-head">
        <div>
          <h1>Review</h1>
          <p className="muted">{range ? `${range.from} – ${range.to}` : cumulative?.firstDate ? `${cumulative.firstDate} – ${cumulative.lastDate}` : 'All history'}</p>
        </div>
        <div className="toolbar">
          <div className="segmented" role="group" aria-label="Range">
            {PRESETS.map((item) => (
              <button type="button" key={item.id} aria-pressed={preset === item.id} onClick={() => setPreset(item.id)}>
                {item.label}
              </button>
            ))}
          </div>
        </div>
      </header>

      <section className="card" aria-labelledby="all-time-title">
        <h2 id="all-time-title" className="card-title">
          All time
        </h2>
        <Figures
          label="Cumulative figures"
          items={[
            { name: 'Tasks', value: (cumulative?.taskCount ?? 0).toLocaleString('en-US') },
            { name: 'Days', value: String(cumulative?.days ?? 0) },
            { name: 'Human hours', value: formatHours(cumulative?.humanSeconds ?? 0) },
            { name: 'Human weeks', value: humanWeeks(cumulative?.humanSeconds ?? 0).toFixed(1), note: '40-hour weeks' },
            { name: 'Tokens', value: formatTokenTotal(cumulative?.tokens ?? null) },
            { name: 'Leverage', value: f(cumulative?.leverage), strong: true, note: `mean of tasks ${f(cumulative?.meanLeverage)}` },
          ]}
        />
      </section>

      <div className="chart-grid">
        <ChartCard title="Leverage per week" subtitle="Weighted vs simple mean" empty={noWeeks}>
          <LeverageChart rows={weekRows} theme={theme} format={format} onSelectWeek={setWeek} />
        </ChartCard>
        <ChartCard title="Human vs agent hours" subtitle="per week" empty={noWeeks}>
          <HoursChart rows={weekRows} theme={theme} />
        </ChartCard>
        <ChartCard title="Tokens per week" empty={noWeeks}>
          <TokensChart rows={weekRows} theme={theme} />
        </ChartCard>
        <section className="card chart-card" aria-label="Leverage per day">
          <header className="chart-head">
            <h2 className="card-title">Leverage per day</h2>
            <div className="week-picker" role="group" aria-label="ISO week">
              <button type="button" className="button icon small" aria-label="Previous week" onClick={() => setWeek(shiftWeek(week, -1))}>
                ‹
              </button>
              <input type="week" aria-label="Week" value={week} onChange={(event) => event.target.value && setWeek(event.target.value)} />
              <button type="button" className="button icon small" aria-label="Next week" onClick={() => setWeek(shiftWeek(week, 1))}>
                ›
              </button>
            </div>
          </header>
          {dayRows.every((row) => row.taskCount === 0) ? (
            <div className="empty chart-empty">No tasks in {week}.</div>
          ) : (
            <div className="chart-body">
              <DailyLeverageChart rows={dayRows} theme={theme} format={format} />
            </div>
          )}
        </section>
        <ChartCard title="Task factors" subtitle="How many tasks fall in each leverage band" empty={!distribution || distribution.every((bucket) => bucket.count === 0)}>
          <DistributionChart rows={distribution ?? []} theme={theme} />
        </ChartCard>
        <ChartCard title="Hours by workstream" subtitle="Share of human-equivalent hours" empty={shareRows.length === 0}>
          <ShareChart rows={shareRows} theme={theme} />
        </ChartCard>
      </div>
    </div>
  );
}
