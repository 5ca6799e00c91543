import { renderDailyPost } from '../../../../src/core/post/dailyPost.ts';
import { emptyDayRecord } from '../../../../src/shared/domain/day.ts';
import { DEFAULT_SETTINGS } from '../../../../src/shared/domain/settings.ts';

export const POSTS_PER_IMPORT = 3;
export const TASKS_PER_POST = 8;

/** The work dates of import number `i` of writer `seed`: fresh days, so every import creates them. */
export function importDates(seed: number, i: number): string[] {
  return Array.from({ length: POSTS_PER_IMPORT }, (_, d) =>
    // 1,000 days per round from 1800: 200 stress rounds stay inside four-digit years (a post's title
    // date must be a calendar date), and a round never reaches the next round's days.
    new Date(Date.UTC(1800, 0, 1) + (seed * 1_000 + i * POSTS_PER_IMPORT + d) * 86_400_000).toISOString().slice(0, 10),
  );
}

export function importedTitle(date: string, k: number): string {
  return `imported ${date} #${k}`;
}

/** A file of POSTS_PER_IMPORT Leverage Record posts in the app's own markdown, as a user would import it. */
export function importText(seed: number, i: number): string {
  return importDates(seed, i)
    .map((date) =>
      renderDailyPost({
        date,
        day: emptyDayRecord(date),
        settings: DEFAULT_SETTINGS,
        tasks: Array.from({ length: TASKS_PER_POST }, (_, k) => ({
          id: k + 1,
          workDate: date,
          title: importedTitle(date, k),
          workstream: null,
          humanSeconds: (k + 1) * 3600,
          agentSeconds: 600 + k * 60,
          supervisionSeconds: null,
          tokens: 1000 * (k + 1),
          model: null,
          notes: '',
          createdAt: '',
          updatedAt: '',
        })),
      }),
    )
    .join('\n\n');
}
