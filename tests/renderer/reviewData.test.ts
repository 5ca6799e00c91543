import { describe, expect, test } from 'vitest';
import { presetRange, shiftWeek, toDayRows, toShareRows, toWeekRows, type SeriesPoint, type Summary } from '../../src/renderer/src/charts/reviewData.ts';

function point(period: string, label: string, humanSeconds: number, agentSeconds: number): SeriesPoint {
  return { period, label, taskCount: 2, humanSeconds, agentSeconds, supervisionSeconds: 0, tokens: 1000, tasksWithTokens: 2, tasksWithoutAgentTime: 0, leverage: humanSeconds / agentSeconds, meanLeverage: 3, supervisoryLeverage: null };
}

describe('review chart data', () => {
  test('weekly rows carry both leverage series and hours as numbers', () => {
    expect(toWeekRows([point('2026-02-23', '2026-W09', 36_000, 1800)])).toEqual([
      { week: '2026-W09', leverage: 20, meanLeverage: 3, humanHours: 10, agentHours: 0.5, tokens: 1000, taskCount: 2 },
    ]);
  });

  test('a week has seven days, Monday first, with empty days left without leverage', () => {
    const rows = toDayRows('2026-W09', [point('2026-02-25', '2026-02-25', 7200, 600)]);
    expect(rows.map((row) => row.date)).toEqual(['2026-02-23', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28', '2026-03-01']);
    expect(rows.map((row) => row.leverage)).toEqual([null, null, 12, null, null, null, null]);
    expect(rows[0]?.day).toBe('Mon 23');
  });

  test('workstream shares fold the smallest into Other and name the unnamed', () => {
    const summary = {
      workstreams: [
        { workstream: 'a', humanSeconds: 3600 * 5, humanShare: 0.5 },
        { workstream: null, humanSeconds: 3600 * 3, humanShare: 0.3 },
        { workstream: 'b', humanSeconds: 3600 * 1, humanShare: 0.1 },
        { workstream: 'c', humanSeconds: 3600 * 1, humanShare: 0.1 },
      ],
    } as unknown as Summary;
    expect(toShareRows(summary, 3)).toEqual([
      { name: 'a', hours: 5, share: 0.5 },
      { name: 'No workstream', hours: 3, share: 0.3 },
      { name: 'Other', hours: 2, share: 0.2 },
    ]);
  });

  test('presets end with the current ISO week; weeks shift across years', () => {
    expect(presetRange('week', '2026-03-01')).toEqual({ from: '2026-02-23', to: '2026-03-01' });
    expect(presetRange('4w', '2026-03-01')).toEqual({ from: '2026-02-02', to: '2026-03-01' });
    expect(presetRange('all', '2026-03-01')).toBeNull();
    expect(shiftWeek('2026-W01', -1)).toBe('2025-W52');
    expect(shiftWeek('2020-W53', 1)).toBe('2021-W01');
  });
});
