import { describe, expect, it } from 'vitest';
import { escapeTableCell, renderDailyPost } from '../../../src/core/post/dailyPost.ts';
import { DEFAULT_SETTINGS } from '../../../src/shared/domain/settings.ts';
import type { Task } from '../../../src/shared/domain/task.ts';
import { emptyDayRecord } from '../../../src/shared/domain/day.ts';

let nextId = 1;
function task(title: string, hours: number, minutes: number, tokens: number | null = null): Task {
  return {
    id: nextId++,
    workDate: '2026-03-01',
    title,
    workstream: null,
    humanSeconds: hours * 3600,
    agentSeconds: minutes * 60,
    supervisionSeconds: null,
    tokens,
    model: null,
    notes: '',
    createdAt: '',
    updatedAt: '',
  };
}

function rowsOf(markdown: string): string[] {
  return markdown.split('\n').filter((line) => line.startsWith('| '));
}

describe('renderDailyPost', () => {
  it('keeps a title with | or a newline inside one table cell, and HTML as text', () => {
    const post = renderDailyPost({
      date: '2026-03-01',
      tasks: [task('Fix a | b\nand <script>alert(1)</script>', 2, 10)],
      day: emptyDayRecord('2026-03-01'),
      settings: DEFAULT_SETTINGS,
    });
    const row = rowsOf(post)[2] as string;
    expect(row).toBe('| Fix a \\| b and &lt;script&gt;alert(1)&lt;/script&gt; | 2h | 10min |  | 12x |');
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(5);
    expect(escapeTableCell('back\\slash')).toBe('back\\\\slash');
  });

  it('sorts by factor, puts tasks without a factor last, and uses the templates', () => {
    const post = renderDailyPost({
      date: '2026-03-01',
      tasks: [task('slow', 1, 60), task('no agent time', 3, 0), task('fast', 10, 10, 1_500_000)],
      day: { ...emptyDayRecord('2026-03-01'), intro: 'Three tasks today.', analysis: 'Fast beat slow.' },
      settings: { ...DEFAULT_SETTINGS, agentLabel: 'Codex', authorLine: 'About the author: me.', footer: 'Bye.', factorFormat: 'one-decimal' },
    });
    const rows = rowsOf(post);
    expect(rows[0]).toBe('| Task | Human Est. | Codex Time | Tokens | Leverage |');
    expect(rows.slice(2, 5).map((row) => row.split(' | ')[0])).toEqual(['| fast', '| slow', '| no agent time']);
    expect(rows[2]).toContain('| 1.5M | 60.0x |');
    expect(rows[4]).toContain('| —');
    expect(post).toContain('| Total Codex minutes | 70min (1h 10min) |');
    const order = ['# Leverage Record: March 1, 2026', 'About the author: me.', 'Three tasks today.', '## About These Records', '## Task Log', '## Aggregate Stats', '## Analysis', 'Fast beat slow.', 'Bye.'];
    const positions = order.map((text) => post.indexOf(text));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('writes optional front matter with the day figures', () => {
    const post = renderDailyPost({
      date: '2026-03-01',
      tasks: [task('a', 40, 25, 400_000)],
      day: { ...emptyDayRecord('2026-03-01'), publicationDate: '2026-03-02' },
      settings: { ...DEFAULT_SETTINGS, frontMatter: true },
    });
    expect(post.startsWith('---\ntitle: "Leverage Record: March 1, 2026"\ndate: 2026-03-02\nwork_date: 2026-03-01\ntasks: 1\nhuman_hours: 40\nagent_minutes: 25\ntokens: 400000\nleverage: 96\n---\n')).toBe(true);
  });

  it('shows an empty day as zero tasks without NaN or Infinity', () => {
    const post = renderDailyPost({ date: '2026-03-01', tasks: [], day: emptyDayRecord('2026-03-01'), settings: DEFAULT_SETTINGS });
    expect(post).toContain('| Total tasks | 0 |');
    expect(post).toContain('| Weighted average leverage | — |');
    expect(post).not.toMatch(/NaN|Infinity/);
  });
});
