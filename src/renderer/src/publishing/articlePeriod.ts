import type { ChannelInput } from '../../../shared/ipc/contract.ts';
import { isoWeekOf, shiftDate } from '../../../shared/metrics/periods.ts';

export const PERIOD_KINDS = ['week', 'month', 'lastDays', 'range'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** What the article dialog's period fields hold, as typed. */
export interface PeriodFields {
  kind: PeriodKind;
  week: string;
  month: string;
  lastDays: string;
  from: string;
  to: string;
}

export function defaultPeriod(date: string): PeriodFields {
  return { kind: 'week', week: isoWeekOf(date), month: date.slice(0, 7), lastDays: '30', from: shiftDate(date, -6), to: date };
}

/** The periodArticle request for the fields, or a sentence saying what is missing. */
export function periodRequest(fields: PeriodFields, charts: boolean): { ok: true; input: ChannelInput<'periodArticle'> } | { ok: false; error: string } {
  // With charts, the markdown embeds them by file name: they are saved beside the article.
  const extra = charts ? { chartsLink: '' } : {};
  switch (fields.kind) {
    case 'week':
      return /^\d{4}-W\d{2}$/.test(fields.week) ? { ok: true, input: { week: fields.week, ...extra } } : { ok: false, error: 'Choose a week.' };
    case 'month':
      return /^\d{4}-(0[1-9]|1[0-2])$/.test(fields.month) ? { ok: true, input: { month: fields.month, ...extra } } : { ok: false, error: 'Choose a month.' };
    case 'lastDays': {
      const days = Number(fields.lastDays);
      return Number.isInteger(days) && days >= 1 && days <= 3660 ? { ok: true, input: { lastDays: days, ...extra } } : { ok: false, error: 'The number of days must be a whole number from 1 to 3660.' };
    }
    case 'range':
      if (!fields.from || !fields.to) return { ok: false, error: 'Choose both dates of the range.' };
      if (fields.from > fields.to) return { ok: false, error: 'The range starts after it ends.' };
      return { ok: true, input: { from: fields.from, to: fields.to, ...extra } };
  }
}

/** A file name for the article: "leverage-2026-03-01-to-2026-03-07.md". */
export function articleFileName(from: string, to: string): string {
  return from === to ? `leverage-${from}.md` : `leverage-${from}-to-${to}.md`;
}
