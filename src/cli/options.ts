import { InvalidArgumentError, type Command } from 'commander';
import { isCalendarDate, isoWeekRange, monthRange, today, weekRangeOf, type DateRange } from '../shared/metrics/periods.ts';
import { parseDuration } from '../shared/units/duration.ts';
import { parseTokens } from '../shared/units/tokens.ts';

/** commander argument parsers: each turns text into a value or throws one clear sentence. */
function wrap<T>(parse: (value: string) => T): (value: string) => T {
  return (value) => {
    try {
      return parse(value);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  };
}

export const parseDateOption = wrap((value: string): string => {
  const text = value === 'today' ? today() : value;
  if (!isCalendarDate(text)) throw new Error(`"${value}" is not a date: use YYYY-MM-DD or "today".`);
  return text;
});

export const parseHumanDuration = wrap((value: string) => parseDuration(value, 'h'));
export const parseAgentDuration = wrap((value: string) => parseDuration(value, 'm'));
export const parseTokenOption = wrap((value: string) => parseTokens(value));
export const parseWeekOption = wrap((value: string) => {
  isoWeekRange(value);
  return value;
});
export const parseMonthOption = wrap((value: string) => {
  monthRange(value);
  return value;
});
export const parseIdArgument = wrap((value: string): number => {
  if (!/^\d+$/.test(value) || Number(value) <= 0 || !Number.isSafeInteger(Number(value))) {
    throw new Error(`"${value}" is not a task id (a positive whole number).`);
  }
  return Number(value);
});

export interface RangeOptions {
  date?: string;
  week?: string;
  month?: string;
  from?: string;
  to?: string;
}

/** The range named by --date, --week, --month or --from/--to (one of them); `fallback` when none is given. */
export function resolveRange(options: RangeOptions, fallback: DateRange | null): DateRange | null {
  const given = [options.date, options.week, options.month, options.from ?? options.to].filter((value) => value !== undefined);
  if (given.length > 1) throw new Error('Give only one of --date, --week, --month or --from/--to.');
  if (options.date) return { from: options.date, to: options.date };
  if (options.week) return isoWeekRange(options.week);
  if (options.month) return monthRange(options.month);
  if (options.from || options.to) {
    const range = { from: options.from ?? '0000-01-01', to: options.to ?? '9999-12-31' };
    if (range.from > range.to) throw new Error(`--from ${range.from} is after --to ${range.to}.`);
    return range;
  }
  return fallback;
}

export function currentWeek(): DateRange {
  return weekRangeOf(today());
}

/** The flags of every command that exports text: publish, export, article, facts. */
export interface RedactionFlags {
  redact?: string;
  /** false with --no-redaction. */
  redaction?: boolean;
  /** false with --no-revision-note. */
  revisionNote?: boolean;
}

/** Adds --redact PROFILE and --no-redaction (and --no-revision-note for a day's post), worded alike everywhere. */
export function addRedactionFlags(command: Command, options: { revisionNote: boolean }): Command {
  command
    .option('--redact <profile>', 'apply this redaction profile (default: the active profile in settings)')
    .option('--no-redaction', 'export without redaction even when a profile is active');
  if (options.revisionNote) command.option('--no-revision-note', 'leave out the "Revised on …" note');
  return command;
}

/** The exporter's profile option: a name, null for none, undefined for the active profile. */
export function redactionProfile(flags: RedactionFlags): string | null | undefined {
  return flags.redaction === false ? null : flags.redact;
}
