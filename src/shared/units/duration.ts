import { formatTrimmed } from './rounding.ts';

/** Durations are stored as whole seconds so that "1.5h", "158.25h" and "8.6m" round-trip exactly. */
export type Seconds = number;

export const SECONDS_PER_MINUTE = 60;
export const SECONDS_PER_HOUR = 3600;

const UNIT_SECONDS: Record<string, number> = {
  h: SECONDS_PER_HOUR,
  hr: SECONDS_PER_HOUR,
  hrs: SECONDS_PER_HOUR,
  hour: SECONDS_PER_HOUR,
  hours: SECONDS_PER_HOUR,
  m: SECONDS_PER_MINUTE,
  min: SECONDS_PER_MINUTE,
  mins: SECONDS_PER_MINUTE,
  minute: SECONDS_PER_MINUTE,
  minutes: SECONDS_PER_MINUTE,
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
};

const PART = /(\d+(?:\.\d+)?|\.\d+)\s*([a-z]+)?/gy;

export class DurationParseError extends Error {
  constructor(input: string, reason: string) {
    super(`Invalid duration "${input}": ${reason}`);
    this.name = 'DurationParseError';
  }
}

/**
 * Parses "40h", "1.5h", "1h 30m", "25min", "25m", "120 hours", "8.6m" into whole seconds.
 * A bare number ("90") is read in `bareUnit` (minutes by default, hours for human estimates).
 */
export function parseDuration(input: string, bareUnit: 'h' | 'm' = 'm'): Seconds {
  const text = input.trim().toLowerCase().replace(/,/g, '');
  if (text === '') throw new DurationParseError(input, 'it is empty');
  let total = 0;
  let index = 0;
  let parts = 0;
  let sawBare = false;
  PART.lastIndex = 0;
  while (index < text.length) {
    while (text[index] === ' ') index += 1;
    if (index >= text.length) break;
    PART.lastIndex = index;
    const match = PART.exec(text);
    if (!match) throw new DurationParseError(input, `unexpected "${text.slice(index)}"`);
    const amount = Number(match[1]);
    const unit = match[2];
    let factor: number;
    if (unit === undefined) {
      sawBare = true;
      factor = bareUnit === 'h' ? SECONDS_PER_HOUR : SECONDS_PER_MINUTE;
    } else {
      const known = UNIT_SECONDS[unit];
      if (known === undefined) throw new DurationParseError(input, `unknown unit "${unit}" (use h, m or s)`);
      factor = known;
    }
    total += amount * factor;
    parts += 1;
    index = PART.lastIndex;
  }
  if (sawBare && parts > 1) throw new DurationParseError(input, 'a bare number cannot be combined with other parts');
  if (!Number.isFinite(total)) throw new DurationParseError(input, 'it is too large');
  const seconds = Math.round(total);
  if (seconds > 10 * 365 * 24 * SECONDS_PER_HOUR) throw new DurationParseError(input, 'it is longer than ten years');
  return seconds;
}

/** "40h", "1.5h", "158.25h": hours with up to two decimals, trailing zeros dropped. */
export function formatHours(seconds: Seconds): string {
  return `${formatTrimmed(seconds / SECONDS_PER_HOUR, 2)}h`;
}

/** "25min", "8.6min": minutes with up to one decimal. */
export function formatMinutes(seconds: Seconds): string {
  return `${formatTrimmed(seconds / SECONDS_PER_MINUTE, 1)}min`;
}

/** "8h 23min" (as in "503min (8h 23min)"); "45min" under an hour. */
export function formatHoursAndMinutes(seconds: Seconds): string {
  const totalMinutes = Math.round(seconds / SECONDS_PER_MINUTE);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours === 0) return `${minutes}min`;
  return `${hours}h ${minutes}min`;
}

export function secondsToHours(seconds: Seconds): number {
  return seconds / SECONDS_PER_HOUR;
}

export function secondsToMinutes(seconds: Seconds): number {
  return seconds / SECONDS_PER_MINUTE;
}
