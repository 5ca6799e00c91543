import { formatFixed } from './rounding.ts';

/**
 * How a leverage factor is printed:
 * - "series": as the published series writes it: one decimal, ".0" dropped at 10x and above
 *   (96x, 68.6x, 4.0x);
 * - "one-decimal": always one decimal (96.0x);
 * - "integer": rounded to a whole number (97x).
 */
export const FACTOR_FORMATS = ['series', 'one-decimal', 'integer'] as const;
export type FactorFormat = (typeof FACTOR_FORMATS)[number];

export const NO_FACTOR = '—';

export function formatFactor(value: number | null, format: FactorFormat = 'series'): string {
  if (value === null || !Number.isFinite(value)) return NO_FACTOR;
  if (format === 'integer') return `${formatFixed(value, 0)}x`;
  const oneDecimal = formatFixed(value, 1);
  if (format === 'series' && Number(oneDecimal) >= 10 && oneDecimal.endsWith('.0')) {
    return `${oneDecimal.slice(0, -2)}x`;
  }
  return `${oneDecimal}x`;
}

/** A ratio that is undefined (null) rather than Infinity/NaN when the divisor is zero or unknown. */
export function ratio(numerator: number, denominator: number | null): number | null {
  if (denominator === null || denominator <= 0 || !Number.isFinite(denominator)) return null;
  const value = numerator / denominator;
  return Number.isFinite(value) ? value : null;
}
