import { afterEach, describe, expect, it } from 'vitest';
import type { Journal } from '../../../src/core/journal.ts';
import type { Fact, FactKind } from '../../../src/core/publishing/facts.ts';
import { dayFacts, weekFacts } from '../../../src/core/publishing/journalFacts.ts';
import { formatFactor } from '../../../src/shared/units/factor.ts';
import { addDay, loadFebruary28, openSeededJournal, seedTaskInputs } from './seedJournal.ts';

let journal: Journal | null = null;
afterEach(() => journal?.close());

function byKind(facts: Fact[], kind: FactKind): Fact[] {
  return facts.filter((fact) => fact.kind === kind);
}
function one(facts: Fact[], kind: FactKind): Fact {
  const found = byKind(facts, kind);
  expect(found, kind).toHaveLength(1);
  return found[0] as Fact;
}

describe('facts of the seed day (March 1, 2026)', () => {
  it('match the figures the published post states', () => {
    const seeded = openSeededJournal();
    journal = seeded.journal;
    const { published } = seeded.fixture;
    const facts = dayFacts(journal, '2026-03-01');

    expect(one(facts, 'overview').text).toBe('Twelve tasks today across five workstreams.');

    const excluding = one(facts, 'excluding-lowest');
    if (!published.excludingLowest) throw new Error('the fixture states the excluding figures');
    expect(excluding.figures.excludedCount).toBe(published.excludingLowest.count);
    expect((excluding.figures.excludedFactors as number[]).map((factor) => formatFactor(factor))).toEqual(published.excludingLowest.factors);
    expect(formatFactor(excluding.figures.remainingLeverage as number)).toBe(published.excludingLowest.restAverage);
    expect(excluding.text).toBe('Excluding the two lowest-leverage tasks (4.0x and 2.7x), the remaining ten tasks average 48.9x.');

    const share = one(facts, 'lowest-share');
    expect(share.figures.excludedAgentMinutes).toBe(published.excludingLowest.minutes);
    expect(share.figures.totalAgentMinutes).toBe(published.agentMinutes);
    expect(share.figures.excludedHumanHours).toBe(published.excludingLowest.hours);
    expect(share.figures.totalHumanHours).toBe(published.humanHours);
    expect(share.text).toContain("270 of the day's 503 Claude minutes while contributing only 14 of the 204 human-equivalent hours");

    const weeks = one(facts, 'human-weeks');
    expect(formatFactor(weeks.figures.leverage as number)).toBe(published.leverage);
    expect(weeks.figures.weeks).toBeCloseTo(published.humanHours / 40, 10);
    expect(weeks.text).toContain(`A ${published.leverage} weighted average across ${published.taskCount} tasks means roughly ${published.weeks} weeks`);

    expect(one(facts, 'ceiling').text).toContain('at 96x');
    expect(one(facts, 'floor').text).toContain('at 2.7x');

    const streams = byKind(facts, 'workstream-share');
    expect(streams).toHaveLength(published.workstreams);
    const humanShares = streams.reduce((sum, fact) => sum + (fact.figures.humanShare as number), 0);
    expect(humanShares).toBeCloseTo(1, 10);
    const ml = streams.find((fact) => fact.figures.workstream === 'ML pipeline');
    // 8h + 16h + 6h + 8h = 38h; 7 + 19 + 90 + 180 = 296 min.
    expect(ml?.figures.humanHours).toBe(38);
    expect(ml?.figures.agentMinutes).toBe(296);
  });

  it('lets the user choose how many lowest tasks to set aside', () => {
    journal = openSeededJournal().journal;
    const excluding = one(dayFacts(journal, '2026-03-01', { excludeLowest: 1 }), 'excluding-lowest');
    // Without the 2.7x task: 196h over 323 minutes.
    expect(excluding.figures.remainingLeverage).toBeCloseTo((196 * 60) / 323, 10);
    expect(excluding.text).toBe(`Excluding the lowest-leverage task (2.7x), the remaining eleven tasks average ${formatFactor((196 * 60) / 323)}.`);
  });

  it('states no superlative when the journal holds only this day', () => {
    journal = openSeededJournal().journal;
    const kinds = dayFacts(journal, '2026-03-01').map((fact) => fact.kind);
    for (const kind of ['most-tasks', 'highest-leverage', 'lowest-leverage', 'largest-task'] as const) expect(kinds).not.toContain(kind);
  });
});

describe('superlatives and comparisons against history', () => {
  it('are stated only when strictly true', () => {
    journal = openSeededJournal().journal;
    addDay(journal, '2026-02-28', 3, 10, 60); // 10x, three tasks of 10h
    let facts = dayFacts(journal, '2026-03-01');
    expect(one(facts, 'most-tasks').text).toBe('Twelve tasks is the most of any day in the journal (two days on record; the previous high was 3 on February 28, 2026).');
    expect(one(facts, 'highest-leverage').figures.previousHigh).toBe(10);
    expect(byKind(facts, 'lowest-leverage')).toHaveLength(0);
    expect(one(facts, 'largest-task').figures.previousLargestHours).toBe(10);
    expect(one(facts, 'previous-day').text).toContain('Weighted leverage 24.3x, up from 10x on February 28, 2026');

    // A later day with as many tasks (a tie is no record), a higher factor and a bigger task.
    addDay(journal, '2026-03-05', 12, 50, 10);
    facts = dayFacts(journal, '2026-03-01');
    expect(byKind(facts, 'most-tasks')).toHaveLength(0);
    expect(byKind(facts, 'highest-leverage')).toHaveLength(0);
    expect(byKind(facts, 'largest-task')).toHaveLength(0);

    // The low day, seen from itself: lowest leverage on record, and fewest tasks is no superlative we state.
    const low = dayFacts(journal, '2026-02-28');
    expect(one(low, 'lowest-leverage').figures.previousLow).toBeCloseTo(24.3, 1);
    expect(byKind(low, 'highest-leverage')).toHaveLength(0);
  });

  it('compares a week with the previous week', () => {
    journal = openSeededJournal().journal; // 2026-03-01 is the Sunday of 2026-W09
    addDay(journal, '2026-02-18', 2, 8, 48); // 2026-W08 at 10x
    const facts = weekFacts(journal, '2026-W09');
    expect(one(facts, 'overview').text).toBe('Twelve tasks this week across five workstreams.');
    expect(one(facts, 'previous-week').text).toBe('This week\'s 24.3x is above the weighted 10x of last week (2026-W08: two tasks, 16 hours).');
    expect(one(facts, 'highest-leverage').figures.previousHighPeriod).toBe('2026-02-16');
  });
});

describe('the two seed days together (February 28 and March 1, 2026)', () => {
  it('February 28 matches its post, and its records over March 1 are stated', () => {
    journal = openSeededJournal().journal;
    const february = loadFebruary28();
    journal.tasks.createMany(seedTaskInputs(february));
    const facts = dayFacts(journal, '2026-02-28');
    expect(one(facts, 'overview').text).toBe('Eighteen tasks today across five workstreams.');
    const weeks = one(facts, 'human-weeks');
    expect(formatFactor(weeks.figures.leverage as number)).toBe(february.published.leverage);
    expect(weeks.figures.humanHours).toBe(february.published.humanHours);
    expect(weeks.figures.agentMinutes).toBe(february.published.agentMinutes);
    expect(weeks.text).toContain('A 45.7x weighted average across 18 tasks means roughly five weeks of senior engineering output');
    expect(one(facts, 'ceiling').text).toContain('at 120x');
    expect(one(facts, 'floor').text).toContain('at 4.8x');
    expect(one(facts, 'most-tasks').figures).toMatchObject({ taskCount: 18, previousHigh: 12 });
    expect(one(facts, 'highest-leverage').figures.previousHigh).toBeCloseTo((204 * 60) / 503, 10);
    expect(byKind(facts, 'largest-task')).toHaveLength(0); // 40h on both days: a tie is no record
  });

  it('March 1 does not claim the highest task count after the bigger February 28', () => {
    journal = openSeededJournal().journal;
    journal.tasks.createMany(seedTaskInputs(loadFebruary28()));
    const facts = dayFacts(journal, '2026-03-01');
    expect(byKind(facts, 'most-tasks')).toHaveLength(0);
    expect(byKind(facts, 'highest-leverage')).toHaveLength(0);
    expect(one(facts, 'lowest-leverage').text).toBe('24.3x is the lowest weighted leverage of any day on record (previous low 45.7x on February 28, 2026).');
    expect(one(facts, 'previous-day').text).toBe(
      'Weighted leverage 24.3x, down from 45.7x on February 28, 2026 (twelve tasks and 204 hours, against eighteen tasks and 204 hours).',
    );
  });
});
