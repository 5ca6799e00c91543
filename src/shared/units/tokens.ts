import { formatTrimmed } from './rounding.ts';

export class TokenParseError extends Error {
  constructor(input: string, reason: string) {
    super(`Invalid token count "${input}": ${reason}`);
    this.name = 'TokenParseError';
  }
}

const SUFFIX: Record<string, number> = { '': 1, k: 1_000, m: 1_000_000, b: 1_000_000_000 };

/** Parses "400k", "1.2M", "~2.62M", "1,495,000", "45000" into a whole token count. */
export function parseTokens(input: string): number {
  const text = input.trim().replace(/^~\s*/, '').replace(/,/g, '').replace(/\s+/g, '').toLowerCase();
  const match = /^(\d+(?:\.\d+)?|\.\d+)([kmb]?)$/.exec(text);
  if (!match) throw new TokenParseError(input, 'expected a number with an optional k, M or B suffix');
  const multiplier = SUFFIX[match[2] ?? ''] ?? 1;
  const value = Math.round(Number(match[1]) * multiplier);
  if (!Number.isSafeInteger(value)) throw new TokenParseError(input, 'it is too large');
  return value;
}

/** Per-task cell: "400k", "1.2M", "950"; unknown (null) is an empty cell, never "0". */
export function formatTokens(tokens: number | null): string {
  if (tokens === null) return '';
  if (tokens >= 1_000_000) return `${formatTrimmed(tokens / 1_000_000, 2)}M`;
  if (tokens >= 1_000) return `${formatTrimmed(tokens / 1_000, 1)}k`;
  return String(tokens);
}

/** Day total: "~2.62M", "~867.5k", "—" when unknown. */
export function formatTokenTotal(tokens: number | null): string {
  if (tokens === null) return '—';
  if (tokens >= 1_000_000) return `~${formatTrimmed(tokens / 1_000_000, 2)}M`;
  if (tokens >= 1_000) return `~${formatTrimmed(tokens / 1_000, 1)}k`;
  return String(tokens);
}
