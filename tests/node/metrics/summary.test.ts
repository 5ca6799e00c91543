import { describe, expect, it } from 'vitest';
import { median, summarize, toStatsJson, type MetricTask } from '../../../src/shared/metrics/summary.ts';
import { isoWeekOf, isoWeekRange, monthRange } from '../../../src/shared/metrics/periods.ts';

let nextId = 1;
function task(hours: number, minutes: number, extra: Partial<MetricTask> = {}): MetricTask {
  const id = nextId++;
  return {
    id,
    title: `task ${id}`,
    workstream: null,
    humanSeconds: hours * 3600,
    agentSeconds: minutes * 60,
    supervisionSeconds: null,
    tokens: null,
    ...extra,
  };
}

describe('summarize', () => {
  it('weights leverage by time (Σhuman ÷ Σagent), not by the mean of ratios', () => {
    const tasks = [task(40, 25), task(6, 90)];
    const summary = summarize(tasks);
    expect(summary.leverage).toBeCloseTo((46 * 60) / 115, 10);
    expect(summary.meanLeverage).toBeCloseTo((96 + 4) / 2, 10);
    expect(summary.leverage).not.toBeCloseTo(summary.meanLeverage ?? 0, 1);
  });

  it('gives no factor for zero agent time and leaves such tasks out of the mean and median', () => {
    const summary = summarize([task(2, 0), task(4, 60)]);
    // The zero-agent task has no factor, so it counts on neither side of the weighted ratio (4h over 60min).
    expect(summary.leverage).toBe(4);
    expect(summary.tasksWithoutAgentTime).toBe(1);
    expect(summary.meanLeverage).toBe(4);
    expect(summary.medianLeverage).toBe(4);
    const empty = summarize([task(2, 0)]);
    expect(empty.leverage).toBeNull();
    expect(empty.meanLeverage).toBeNull();
    expect(summarize([]).leverage).toBeNull();
  });

  it('keeps unknown tokens apart from zero', () => {
    const summary = summarize([task(1, 10, { tokens: 5000 }), task(1, 10), task(1, 10, { tokens: 0 })]);
    expect(summary.tokens).toBe(5000);
    expect(summary.tasksWithoutTokens).toBe(1);
    expect(summarize([task(1, 10)]).tokens).toBeNull();
  });

  it('uses a day-level token total only when no task has tokens', () => {
    expect(summarize([task(1, 10)], { dayTokens: 867_500 })).toMatchObject({ tokens: 867_500, tokensFromDayTotal: true });
    expect(summarize([task(1, 10, { tokens: 10 })], { dayTokens: 867_500 })).toMatchObject({ tokens: 10, tokensFromDayTotal: false });
  });

  it('computes the supervisory factor over supervised tasks only', () => {
    const summary = summarize([task(10, 60, { supervisionSeconds: 600 }), task(30, 60)]);
    expect(summary.supervisoryLeverage).toBe(60);
    expect(summary.supervisionSeconds).toBe(600);
    expect(summarize([task(1, 1)]).supervisionSeconds).toBeNull();
  });

  it('finds ceiling, floor and median, and recomputes with tasks excluded', () => {
    const tasks = [task(40, 25), task(8, 7), task(6, 90), task(8, 180)];
    const summary = summarize(tasks);
    expect(summary.ceiling?.id).toBe(tasks[0]?.id);
    expect(summary.floor?.id).toBe(tasks[3]?.id);
    expect(summary.medianLeverage).toBeCloseTo((8 / (7 / 60) + 4) / 2, 10);
    const excluded = summarize(tasks, { exclude: new Set([tasks[2]!.id, tasks[3]!.id]) });
    expect(excluded.taskCount).toBe(2);
    expect(excluded.leverage).toBeCloseTo((48 * 60) / 32, 10);
  });

  it('shares hours and minutes by workstream', () => {
    const summary = summarize([task(30, 60, { workstream: 'a' }), task(10, 60, { workstream: 'b' }), task(0, 120, { workstream: 'a' })]);
    const a = summary.workstreams.find((stream) => stream.workstream === 'a');
    expect(a).toMatchObject({ taskCount: 2, humanShare: 0.75, agentShare: 0.75 });
    expect(summary.workstreams.map((stream) => stream.workstream)).toEqual(['a', 'b']);
  });

  it('prints stats JSON with exactly the documented keys', () => {
    expect(Object.keys(toStatsJson(summarize([task(1, 1)]))).sort()).toEqual(
      ['taskCount', 'humanHours', 'agentMinutes', 'supervisionMinutes', 'tokens', 'tasksWithoutTokens', 'tasksWithoutAgentTime', 'leverage', 'supervisoryLeverage', 'meanLeverage', 'medianLeverage'].sort(),
    );
  });

  it('median of even and odd lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('periods', () => {
  it('maps ISO weeks to Monday..Sunday ranges and back', () => {
    expect(isoWeekRange('2026-W09')).toEqual({ from: '2026-02-23', to: '2026-03-01' });
    expect(isoWeekOf('2026-03-01')).toBe('2026-W09');
    expect(isoWeekOf('2026-01-01')).toBe('2026-W01');
    expect(isoWeekRange('2020-W53')).toEqual({ from: '2020-12-28', to: '2021-01-03' });
    expect(isoWeekRange('2026-W53')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(() => isoWeekRange('2027-W53')).toThrow(/has no week 53/);
    expect(() => isoWeekRange('2026-9')).toThrow(/Invalid ISO week/);
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });
});
