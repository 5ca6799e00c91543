import { describe, expect, it } from 'vitest';
import { formatHours, formatHoursAndMinutes, formatMinutes, parseDuration } from '../../../src/shared/units/duration.ts';
import { formatFactor, ratio } from '../../../src/shared/units/factor.ts';
import { formatFixed, roundHalfUp } from '../../../src/shared/units/rounding.ts';
import { formatTokenTotal, formatTokens, parseTokens } from '../../../src/shared/units/tokens.ts';

describe('parseDuration', () => {
  it.each([
    ['40h', 'm', 40 * 3600],
    ['1.5h', 'm', 5400],
    ['158.25h', 'm', 569_700],
    ['1h 30m', 'm', 5400],
    ['1h30m', 'm', 5400],
    ['25min', 'h', 1500],
    ['25m', 'h', 1500],
    ['8.6m', 'h', 516],
    ['120 hours', 'm', 120 * 3600],
    ['1.5 hours', 'm', 5400],
    ['40 min', 'h', 2400],
    ['90', 'm', 5400],
    ['6', 'h', 6 * 3600],
    [' 2H 5MIN ', 'm', 7500],
  ] as const)('%s (bare unit %s) is %i seconds', (text, bare, seconds) => {
    expect(parseDuration(text, bare)).toBe(seconds);
  });

  it.each(['', 'h', '4q', '1h 30', '-5m', '1e3h', 'abc', '99999999h'])('rejects %j with a reason', (text) => {
    expect(() => parseDuration(text)).toThrow(/Invalid duration/);
  });
});

describe('duration formatting round-trips', () => {
  it.each(['40h', '1.5h', '158.25h', '0.5h'])('%s', (text) => {
    expect(formatHours(parseDuration(text, 'h'))).toBe(text);
  });
  it.each(['25min', '8.6min', '503min', '180min'])('%s', (text) => {
    expect(formatMinutes(parseDuration(text, 'm'))).toBe(text);
  });
  it('writes hours and minutes as the aggregate table does', () => {
    expect(formatHoursAndMinutes(503 * 60)).toBe('8h 23min');
    expect(formatHoursAndMinutes(268 * 60)).toBe('4h 28min');
    expect(formatHoursAndMinutes(45 * 60)).toBe('45min');
  });
});

describe('tokens', () => {
  it.each([
    ['400k', 400_000],
    ['1.2M', 1_200_000],
    ['~2.62M', 2_620_000],
    ['1,495,000', 1_495_000],
    ['~1,495,000', 1_495_000],
    ['45000', 45_000],
    ['867.5k', 867_500],
  ])('parses %s', (text, value) => {
    expect(parseTokens(text)).toBe(value);
  });
  it.each(['', 'k', '12x', '1.2.3k', '-5k'])('rejects %j', (text) => {
    expect(() => parseTokens(text)).toThrow(/Invalid token count/);
  });
  it('formats cells and totals as the posts do', () => {
    expect(formatTokens(400_000)).toBe('400k');
    expect(formatTokens(25_000)).toBe('25k');
    expect(formatTokens(1_200_000)).toBe('1.2M');
    expect(formatTokens(950)).toBe('950');
    expect(formatTokens(null)).toBe('');
    expect(formatTokenTotal(2_620_000)).toBe('~2.62M');
    expect(formatTokenTotal(1_230_000)).toBe('~1.23M');
    expect(formatTokenTotal(867_500)).toBe('~867.5k');
    expect(formatTokenTotal(null)).toBe('—');
  });
});

describe('rounding', () => {
  it('rounds half up where toFixed does not', () => {
    expect((13.35).toFixed(1)).toBe('13.3'); // the bug we avoid
    expect(formatFixed(13.35, 1)).toBe('13.4');
    expect(formatFixed(1.005, 2)).toBe('1.01');
    expect(formatFixed(2.45, 1)).toBe('2.5');
    expect(roundHalfUp(-2.45, 1)).toBe(-2.5);
    expect(formatFixed(0.05, 1)).toBe('0.1');
  });
});

describe('formatFactor', () => {
  it('writes factors as the series does', () => {
    expect(formatFactor(96)).toBe('96x');
    expect(formatFactor(8 / (7 / 60))).toBe('68.6x');
    expect(formatFactor(6 / 1.5)).toBe('4.0x');
    expect(formatFactor(8 / 3)).toBe('2.7x');
    expect(formatFactor(204 * 60 / 503)).toBe('24.3x');
    expect(formatFactor(10)).toBe('10x');
    expect(formatFactor(9.96)).toBe('10x');
    expect(formatFactor(13.35)).toBe('13.4x');
  });
  it('follows the chosen format', () => {
    expect(formatFactor(96, 'one-decimal')).toBe('96.0x');
    expect(formatFactor(68.571, 'integer')).toBe('69x');
    expect(formatFactor(4, 'integer')).toBe('4x');
  });
  it('shows no factor, never Infinity or NaN, when agent time is zero or unknown', () => {
    expect(ratio(3600, 0)).toBeNull();
    expect(ratio(3600, null)).toBeNull();
    expect(formatFactor(ratio(3600, 0))).toBe('—');
    expect(formatFactor(Number.NaN)).toBe('—');
  });
});
