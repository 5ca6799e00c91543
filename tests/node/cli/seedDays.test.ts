import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../../src/shared/units/duration.ts';
import { publishedValue, seedDay, seedPostText, type SeedTask } from '../helpers/seedTasks.ts';
import { tempFolder } from '../helpers/tempJournal.ts';
import { leverage } from './runCli.ts';

/**
 * Enter a published day's tasks through the CLI in an order other than the post's, then check
 * that `stats --json` and `export` reproduce the published figures and cells.
 */
function entryOrder(tasks: SeedTask[]): SeedTask[] {
  // Rotate the list at a point that does not split a run of equal factors, so that ties keep
  // their published relative order (the post lists ties in entry order).
  const factor = (task: SeedTask) => parseDuration(task.human, 'h') / parseDuration(task.agent, 'm');
  let cut = Math.floor(tasks.length / 2);
  while (cut < tasks.length && factor(tasks[cut - 1] as SeedTask) === factor(tasks[cut] as SeedTask)) cut += 1;
  return [...tasks.slice(cut), ...tasks.slice(0, cut)];
}

async function enterSeed(date: '2026-03-01' | '2026-02-28') {
  const db = path.join(tempFolder(), 'seed.db');
  for (const task of entryOrder(seedDay(date).tasks)) {
    const args = ['add', '--date', date, '--title', task.title, '--human', task.human, '--agent', task.agent];
    if (task.tokens) args.push('--tokens', task.tokens);
    const run = await leverage(db, ...args);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  }
  return db;
}

/** "| a | b |" → ["a", "b"] (unescaping \|). */
function cells(row: string): string[] {
  return row
    .slice(2, -2)
    .split(/ (?<!\\)\| /)
    .map((cell) => cell.replace(/\\\|/g, '|'));
}

function tableAfter(markdown: string, heading: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) {
      if (rows.length > 0) break;
      continue;
    }
    rows.push(cells(line));
  }
  return rows.slice(2);
}

describe.each([
  { date: '2026-03-01' as const, tasks: 12, hours: 204, minutes: 503, tokens: 2_620_000, without: 0, leverage: 24.33 },
  { date: '2026-02-28' as const, tasks: 18, hours: 204, minutes: 268, tokens: 1_230_000, without: 2, leverage: 45.67 },
])('the seed day $date entered through the CLI', (seed) => {
  it('gives the published totals in stats --json', async () => {
    const db = await enterSeed(seed.date);
    const run = await leverage(db, 'stats', '--date', seed.date, '--json');
    expect(run.code).toBe(0);
    const stats = JSON.parse(run.stdout);
    expect(stats).toMatchObject({
      taskCount: seed.tasks,
      humanHours: seed.hours,
      agentMinutes: seed.minutes,
      tokens: seed.tokens,
      tasksWithoutTokens: seed.without,
      supervisionMinutes: null,
      supervisoryLeverage: null,
    });
    expect(stats.leverage).toBeCloseTo(seed.leverage, 2);
    expect(stats.leverage).toBeCloseTo((seed.hours * 60) / seed.minutes, 12);
  });

  it('exports a Task Log and Aggregate Stats whose cells equal the published post, row for row', async () => {
    const db = await enterSeed(seed.date);
    const run = await leverage(db, 'export', '--date', seed.date);
    expect(run.code).toBe(0);
    const post = seedPostText(seed.date);

    expect(run.stdout).toContain(`# Leverage Record: ${publishedTitleDate(post)}`);
    const taskLog = tableAfter(run.stdout, '## Task Log');
    const published = seedDay(seed.date).tasks;
    expect(taskLog).toHaveLength(published.length);
    // The published flattened rows read "title human agent [tokens] factor": compare the full lines.
    const publishedLines = post.split('\n');
    taskLog.forEach((row, index) => {
      expect(row[0]).toBe(published[index]?.title);
      const line = row.filter((cell) => cell !== '').join(' ');
      expect(publishedLines).toContain(line);
      expect(publishedLines.indexOf(line)).toBeGreaterThan(publishedLines.indexOf(taskLogLine(publishedLines, index - 1)));
    });

    const aggregate = Object.fromEntries(tableAfter(run.stdout, '## Aggregate Stats').map((row) => [row[0], row[1]]));
    for (const label of ['Total tasks', 'Total human-equivalent hours', 'Total Claude minutes', 'Total tokens', 'Weighted average leverage']) {
      expect(aggregate[label], label).toBe(publishedValue(post, label));
    }
  });
});

function publishedTitleDate(post: string): string {
  return publishedValue(post, 'Leverage Record:');
}

function taskLogLine(lines: string[], index: number): string {
  const header = lines.indexOf('Task Human Est. Claude Time Tokens Leverage');
  return index < 0 ? (lines[header] as string) : (lines[header + 1 + index] as string);
}
