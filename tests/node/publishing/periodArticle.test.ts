import { afterEach, describe, expect, it } from 'vitest';
import type { Journal } from '../../../src/core/journal.ts';
import { periodArticle, resolvePeriod } from '../../../src/core/publishing/periodArticle.ts';
import { barChart, escapeXml } from '../../../src/core/publishing/svgChart.ts';
import { isoWeekOf } from '../../../src/shared/metrics/periods.ts';
import { formatFactor } from '../../../src/shared/units/factor.ts';
import { openSeededJournal } from './seedJournal.ts';

let journal: Journal | null = null;
afterEach(() => journal?.close());

/** The seed day plus tasks on three other days, across ISO weeks 2026-W09, W10 and W11. */
function seeded(): Journal {
  const opened = openSeededJournal().journal;
  opened.tasks.createMany([
    { workDate: '2026-02-26', title: 'Thursday task', humanSeconds: 10 * 3600, agentSeconds: 30 * 60, supervisionSeconds: 10 * 60, tokens: 50_000 },
    { workDate: '2026-03-02', title: 'Monday task', humanSeconds: 6 * 3600, agentSeconds: 45 * 60 },
    { workDate: '2026-03-02', title: 'Monday | pipe <b>', humanSeconds: 2 * 3600, agentSeconds: 60, supervisionSeconds: 20 * 60 },
    { workDate: '2026-03-10', title: 'Next week task', humanSeconds: 3 * 3600, agentSeconds: 60 * 60 },
  ]);
  return opened;
}

function tableRows(markdown: string, heading: string): string[][] {
  const section = markdown.split(`## ${heading}\n\n`)[1]?.split('\n\n')[0] ?? '';
  return section
    .split('\n')
    .slice(2)
    .map((line) => line.slice(2, -2).split(' | '));
}

describe('period articles', () => {
  it('weekly figures match MetricEngine.weeklySeries and an independent sum of the tasks', () => {
    journal = seeded();
    const article = periodArticle(journal, { from: '2026-02-23', to: '2026-03-15' });
    const series = journal.metrics.weeklySeries({ from: '2026-02-23', to: '2026-03-15' });
    expect(article.weeks).toEqual(series);

    const byWeek = new Map<string, { human: number; agent: number; count: number }>();
    for (const task of journal.tasks.listRange('2026-02-23', '2026-03-15')) {
      const week = byWeek.get(isoWeekOf(task.workDate)) ?? { human: 0, agent: 0, count: 0 };
      week.human += task.humanSeconds;
      week.agent += task.agentSeconds;
      week.count += 1;
      byWeek.set(isoWeekOf(task.workDate), week);
    }
    const rows = tableRows(article.markdown, 'Per Week');
    expect(rows.map((row) => row[0])).toEqual(['2026-W09', '2026-W10', '2026-W11']);
    for (const row of rows) {
      const expected = byWeek.get(row[0] as string);
      expect(row[1]).toBe(String(expected?.count));
      expect(row[5]).toBe(formatFactor((expected?.human ?? 0) / (expected?.agent ?? 1)));
    }
    // W09 = Feb 26 + the seed day: 214h over 533 min.
    expect(rows[0]).toEqual(['2026-W09', '13', '214h', '533min', '~2.67M', formatFactor((214 * 60) / 533)]);
    expect(rows[1]?.slice(0, 4)).toEqual(['2026-W10', '2', '8h', '46min']);
  });

  it('has the per-day table, best and worst tasks, and the facts', () => {
    journal = seeded();
    const { markdown } = periodArticle(journal, { month: '2026-03' });
    expect(markdown.startsWith('# Leverage Record: March 2026\n')).toBe(true);
    const days = tableRows(markdown, 'Per Day');
    expect(days[0]).toEqual(['2026-03-01', '12', '204h', '503min', '—', '~2.62M', '24.3x', '—']);
    expect(days[1]).toEqual(['2026-03-02', '2', '8h', '46min', '20min', '—', formatFactor((8 * 60) / 46), '6.0x']);
    expect(tableRows(markdown, 'Best Tasks').map((row) => row[5])).toEqual(['120x', '96x', '80x', '68.6x', '68.6x']);
    expect(tableRows(markdown, 'Worst Tasks').map((row) => row[5])).toEqual(['2.7x', '3.0x', '4.0x', '8.0x', '10.9x']);
    expect(markdown).toContain('Monday \\| pipe &lt;b&gt;');
    expect(markdown).toContain('- Fifteen tasks in this period across five workstreams.');
  });

  it('an exact ISO week uses the week\'s facts, and charts are linked when asked', () => {
    journal = seeded();
    const article = periodArticle(journal, { week: '2026-W10' }, { chartsLink: 'charts/' });
    expect(article.period.range).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(article.markdown).toContain('- Two tasks this week');
    expect(article.markdown).toContain('![Weighted leverage per week](charts/leverage-per-week.svg)');
    expect(resolvePeriod({ from: '2026-03-02', to: '2026-03-08' }).week).toBe('2026-W10');
    expect(resolvePeriod({ lastDays: 7, until: '2026-03-08' }).range).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    const hours = article.charts.find((chart) => chart.name === 'human-hours-per-day')?.svg ?? '';
    expect(hours.match(/<rect class="bar"/g)).toHaveLength(1);
  });
});

describe('SVG charts', () => {
  it('escape every text and draw one bar per point with a value', () => {
    const svg = barChart({
      title: 'Hours <script>alert("x")</script> & more',
      points: [
        { label: 'a<b', value: 3 },
        { label: "it's", value: null },
        { label: 'c', value: 7.5 },
      ],
      formatValue: (value) => `${value}h`,
    });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain(escapeXml('Hours <script>alert("x")</script> & more'));
    expect(svg).toContain('a&lt;b');
    expect(svg).toContain('it&apos;s');
    expect(svg.match(/<rect class="bar"/g)).toHaveLength(2);
    // The axis top is 10 (the nice maximum over 7.5): the 7.5 bar fills three quarters of the 224px plot.
    expect(svg).toContain('height="168"');
  });
});
