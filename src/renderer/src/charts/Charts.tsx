import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { FactorFormat } from '../../../shared/units/factor.ts';
import { formatFactor } from '../../../shared/units/factor.ts';
import { formatHours } from '../../../shared/units/duration.ts';
import { PALETTE } from './palette.ts';
import type { DayRow, ShareRow, WeekRow } from './reviewData.ts';
import './Charts.css';

type Theme = keyof typeof PALETTE;
const HEIGHT = 220;

function hours(value: unknown): string {
  return typeof value === 'number' ? formatHours(Math.round(value * 3600)) : '—';
}
function tokens(value: unknown): string {
  return typeof value === 'number' ? `${value.toLocaleString('en-US')} tokens` : '—';
}
function compact(value: number): string {
  return new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

function common(theme: Theme) {
  const colors = PALETTE[theme];
  return {
    grid: <CartesianGrid stroke={colors.grid} vertical={false} />,
    tick: { fill: colors.axis, fontSize: 12 },
    tooltip: {
      contentStyle: { background: 'var(--surface-raised)', border: '1px solid var(--border)', borderRadius: 8, color: 'var(--text)' },
      labelStyle: { color: 'var(--text)', fontWeight: 600 },
      cursor: { fill: colors.grid, opacity: 0.5 },
    },
  };
}

export function LeverageChart({ rows, theme, format, onSelectWeek }: { rows: WeekRow[]; theme: Theme; format: FactorFormat; onSelectWeek: (week: string) => void }) {
  const c = common(theme);
  const colors = PALETTE[theme];
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} onClick={(state) => state?.activeLabel && onSelectWeek(String(state.activeLabel))}>
        {c.grid}
        <XAxis dataKey="week" tick={c.tick} tickLine={false} axisLine={false} minTickGap={16} tickMargin={6} />
        <YAxis tick={c.tick} tickLine={false} axisLine={false} width={44} tickFormatter={(value: number) => `${value}x`} />
        <Tooltip {...c.tooltip} formatter={(value) => formatFactor(typeof value === 'number' ? value : null, format)} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Line type="monotone" dataKey="leverage" name="Weighted (Σ human ÷ Σ agent)" stroke={colors.human} strokeWidth={2.5} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
        <Line type="monotone" dataKey="meanLeverage" name="Simple mean of task factors" stroke={colors.mean} strokeDasharray="5 4" strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}

export function HoursChart({ rows, theme }: { rows: WeekRow[]; theme: Theme }) {
  const c = common(theme);
  const colors = PALETTE[theme];
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <BarChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        {c.grid}
        <XAxis dataKey="week" tick={c.tick} tickLine={false} axisLine={false} minTickGap={16} tickMargin={6} />
        <YAxis tick={c.tick} tickLine={false} axisLine={false} width={44} tickFormatter={(value: number) => `${compact(value)}h`} />
        <Tooltip {...c.tooltip} formatter={hours} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="humanHours" name="Human-equivalent hours" fill={colors.human} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        <Bar dataKey="agentHours" name="Agent hours" fill={colors.agent} radius={[3, 3, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function TokensChart({ rows, theme }: { rows: WeekRow[]; theme: Theme }) {
  const c = common(theme);
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <BarChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        {c.grid}
        <XAxis dataKey="week" tick={c.tick} tickLine={false} axisLine={false} minTickGap={16} tickMargin={6} />
        <YAxis tick={c.tick} tickLine={false} axisLine={false} width={44} tickFormatter={compact} />
        <Tooltip {...c.tooltip} formatter={tokens} />
        <Bar dataKey="tokens" name="Tokens" fill={PALETTE[theme].tokens} radius={[3, 3, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function DailyLeverageChart({ rows, theme, format }: { rows: DayRow[]; theme: Theme; format: FactorFormat }) {
  const c = common(theme);
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <BarChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        {c.grid}
        <XAxis dataKey="day" tick={c.tick} tickLine={false} axisLine={false} />
        <YAxis tick={c.tick} tickLine={false} axisLine={false} width={44} tickFormatter={(value: number) => `${value}x`} />
        <Tooltip {...c.tooltip} formatter={(value) => formatFactor(typeof value === 'number' ? value : null, format)} />
        <Bar dataKey="leverage" name="Weighted leverage" fill={PALETTE[theme].human} radius={[3, 3, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function DistributionChart({ rows, theme }: { rows: Array<{ label: string; count: number }>; theme: Theme }) {
  const c = common(theme);
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <BarChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        {c.grid}
        <XAxis dataKey="label" tick={c.tick} tickLine={false} axisLine={false} interval={0} />
        <YAxis tick={c.tick} tickLine={false} axisLine={false} width={44} allowDecimals={false} />
        <Tooltip {...c.tooltip} formatter={(value) => `${String(value)} tasks`} />
        <Bar dataKey="count" name="Tasks" fill={PALETTE[theme].series[2]} radius={[3, 3, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function ShareChart({ rows, theme }: { rows: ShareRow[]; theme: Theme }) {
  const colors = PALETTE[theme].series;
  const c = common(theme);
  return (
    <div className="share-chart">
      <ResponsiveContainer width="50%" height={HEIGHT}>
        <PieChart>
          <Pie data={rows} dataKey="hours" nameKey="name" innerRadius="55%" outerRadius="90%" paddingAngle={1} isAnimationActive={false} stroke="none">
            {rows.map((row, index) => (
              <Cell key={row.name} fill={colors[index % colors.length]} />
            ))}
          </Pie>
          <Tooltip {...c.tooltip} formatter={(value, _name, item) => `${hours(value)} (${Math.round(((item.payload as ShareRow).share ?? 0) * 100)}%)`} />
        </PieChart>
      </ResponsiveContainer>
      <ul className="share-legend">
        {rows.map((row, index) => (
          <li key={row.name}>
            <span className="swatch" style={{ background: colors[index % colors.length] }} aria-hidden="true" />
            <span className="share-name">{row.name}</span>
            <span className="share-value">{Math.round(row.share * 100)}%</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
