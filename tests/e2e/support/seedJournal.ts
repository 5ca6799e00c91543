import { parseISO, getISODay } from 'date-fns';
import type { TaskInput } from '../../../src/shared/domain/task.ts';
import { shiftDate } from '../../../src/shared/metrics/periods.ts';
import type { Journal } from '../../../src/core/journal.ts';
import { createRandom } from './random.ts';

/** Work a solo developer might hand to a coding agent, by workstream. */
const WORK: Record<string, string[]> = {
  scoring: [
    'Refactor scoring pipeline into pure stages',
    'Add percentile bands to the risk score',
    'Port legacy score weights to config',
    'Property tests for score normalisation',
    'Explain-score endpoint with per-feature contributions',
  ],
  ingest: [
    'Parse vendor CSV exports with schema validation',
    'Backfill 2024 invoices from the archive bucket',
    'Idempotent webhook ingestion with retries',
    'Stream large JSON uploads instead of buffering',
    'Deduplicate customer records by fuzzy email match',
  ],
  web: [
    'Settings page with optimistic updates',
    'Keyboard navigation for the results table',
    'Dark theme tokens and contrast fixes',
    'Onboarding checklist component',
    'Accessible date range picker',
  ],
  infra: [
    'Migrate CI to cached pnpm installs',
    'Terraform module for the staging database',
    'Nightly backup verification job',
    'Structured logging with request ids',
  ],
  docs: ['API reference from OpenAPI schema', 'Runbook for on-call incidents', 'Rewrite the quick-start guide'],
};
const MODELS = ['opus-4.1', 'sonnet-4.5', 'opus-4.1', 'sonnet-4.5', 'haiku-4.5'];


/** Builds `weeks` weeks of realistic tasks ending on `lastDate` (weekends are lighter). */
export function seedTasks(lastDate: string, weeks: number, seed = 7): TaskInput[] {
  const next = createRandom(seed);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const streams = Object.keys(WORK);
  const tasks: TaskInput[] = [];
  for (let offset = weeks * 7 - 1; offset >= 0; offset -= 1) {
    const date = shiftDate(lastDate, -offset);
    const weekend = getISODay(parseISO(date)) >= 6;
    if (weekend && offset !== 0 && next() < 0.6) continue;
    const count = weekend && offset !== 0 ? 1 + Math.floor(next() * 2) : 3 + Math.floor(next() * 4);
    const usedToday = new Set<string>();
    for (let index = 0; index < count; index += 1) {
      const workstream = pick(streams);
      let title = pick(WORK[workstream] as string[]);
      for (let retry = 0; usedToday.has(title) && retry < 5; retry += 1) title = pick(WORK[workstream] as string[]);
      usedToday.add(title);
      const humanHours = pick([1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 40]);
      // Later weeks get a little more leverage, as workflows improve.
      // Some work (debugging, exploratory UI) gains little; well-specified work gains a lot.
      const speed = next() < 0.18 ? 1.5 + next() * 8 : 10 + next() * 50 + (weeks * 7 - offset) * 0.4 + (next() < 0.1 ? 80 : 0);
      const agentSeconds = Math.max(120, Math.round((humanHours * 3600) / speed / 60) * 60);
      const supervisionSeconds = next() < 0.8 ? Math.round((agentSeconds * (0.3 + next() * 0.7)) / 60) * 60 + 60 * Math.floor(next() * 6) : null;
      tasks.push({
        workDate: date,
        title,
        workstream,
        humanSeconds: Math.round(humanHours * 3600),
        agentSeconds,
        supervisionSeconds,
        tokens: next() < 0.9 ? Math.round((agentSeconds / 60) * (8_000 + next() * 14_000)) : null,
        model: pick(MODELS),
        notes: '',
      });
    }
  }
  return tasks;
}

export function seedJournal(journal: Journal, lastDate: string, weeks = 7): number {
  const tasks = seedTasks(lastDate, weeks);
  journal.db.transaction(() => {
    for (const task of tasks) journal.tasks.create(task);
  })();
  journal.days.update(lastDate, {
    intro: 'A day spent mostly on the scoring pipeline and ingestion hardening, with the agent doing the heavy lifting.',
    analysis: 'Leverage was highest on well-specified refactors with good tests; exploratory UI work needed more supervision.',
  });
  journal.settings.update({ authorLine: 'By Ada Lovelace', defaultWorkstreams: ['scoring', 'ingest', 'web', 'infra', 'docs'] });
  return tasks.length;
}
