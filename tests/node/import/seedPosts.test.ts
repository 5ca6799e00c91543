import { describe, expect, it } from 'vitest';
import { planImport } from '../../../src/core/import/planImport.ts';
import { toStatsJson } from '../../../src/shared/metrics/summary.ts';
import { formatFactor } from '../../../src/shared/units/factor.ts';
import { formatTokenTotal } from '../../../src/shared/units/tokens.ts';
import { EMPTY, seedPost } from './fixtures.ts';

describe('the two published seed posts (dry run)', () => {
  it('March 1: 12 tasks, 204h, 503 min, ~2.62M tokens, 24.3x, with every stated figure agreeing', () => {
    const report = planImport(seedPost('2026-03-01'), EMPTY, { fileName: 'leverage-record-2026-03-01.txt' });
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.days).toHaveLength(1);
    const [day] = report.days;
    expect(day?.date).toBe('2026-03-01');
    const stats = toStatsJson(day!.summary);
    expect(stats).toMatchObject({ taskCount: 12, humanHours: 204, agentMinutes: 503, tokens: 2_620_000, tasksWithoutTokens: 0 });
    expect(formatTokenTotal(stats.tokens)).toBe('~2.62M');
    expect(formatFactor(stats.leverage)).toBe('24.3x');
    expect(day!.stated).toEqual({ taskCount: 12, humanHours: 204, agentMinutes: 503, tokens: 2_620_000, leverage: { value: 24.3, decimals: 1 } });
    // The right tasks: first and last rows, and a title that contains a comma and parentheses.
    expect(day!.tasks[0]).toMatchObject({
      title: 'Desktop application Phase 1 implementation (Electron scaffolding, engine client, SQLite, IPC, React UI shell, Library and Settings screens)',
      humanSeconds: 40 * 3600,
      agentSeconds: 25 * 60,
      tokens: 400_000,
      statedFactor: { value: 96, decimals: 0 },
    });
    expect(day!.tasks[11]).toMatchObject({ title: 'ML pipeline architecture redesign (gate logic refactoring) and batch synthesis orchestration', humanSeconds: 8 * 3600, agentSeconds: 180 * 60, tokens: 400_000 });
    expect(day!.tasks[3]?.title).toBe('Compile comprehensive reference dataset of US institutions (1,509 entries across 51 states)');
    expect(day!.intro).toMatch(/^Twelve tasks today across five workstreams/);
    expect(day!.intro).not.toMatch(/About the author|These time records capture/);
    expect(day!.analysis).toMatch(/^The desktop application dominated/);
    expect(day!.analysis).toMatch(/average 48\.9x\.$/);
  });

  it('February 28: 18 tasks, 204h, 268 min, ~1.23M with 2 tasks lacking tokens, 45.7x', () => {
    const report = planImport(seedPost('2026-02-28'), EMPTY, { fileName: 'leverage-record-2026-02-28.txt' });
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    const day = report.days[0]!;
    expect(day.date).toBe('2026-02-28');
    const stats = toStatsJson(day.summary);
    expect(stats).toMatchObject({ taskCount: 18, humanHours: 204, agentMinutes: 268, tokens: 1_230_000, tasksWithoutTokens: 2 });
    expect(formatTokenTotal(stats.tokens)).toBe('~1.23M');
    expect(formatFactor(stats.leverage)).toBe('45.7x');
    const untokened = day.tasks.filter((task) => task.tokens === null).map((task) => task.title);
    expect(untokened).toEqual([
      'Resume generator full implementation (6 phases: schemas, CLI, parsers, importers, renderers, LLM integration, templates, tests)',
      'Import pipeline overhaul: 7-phase implementation (schemas, classifier, extractor, DOCX parser, merger, website, tests)',
    ]);
    expect(day.tasks.find((task) => task.title.startsWith('Update docs and push 3 repositories'))).toMatchObject({ humanSeconds: 2 * 3600, agentSeconds: 4 * 60, tokens: 30_000 });
    expect(day.dayTokens).toBeNull();
  });
});
