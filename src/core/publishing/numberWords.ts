const SMALL = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty',
] as const;

/**
 * A count as the posts write it: words up to twenty ("twelve", "five"), digits above ("42").
 * Style guides spell out small numbers; large ones read faster as digits.
 */
export function countWord(count: number): string {
  return Number.isInteger(count) && count >= 0 && count < SMALL.length ? (SMALL[count] as string) : String(count);
}

export function capitalize(text: string): string {
  return text.length === 0 ? text : `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`;
}

/** "one task", "twelve tasks", "42 tasks". */
export function countNoun(count: number, singular: string, plural = `${singular}s`): string {
  return `${countWord(count)} ${count === 1 ? singular : plural}`;
}

/** "4.0x and 2.7x", "a, b and c". */
export function listJoin(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}
