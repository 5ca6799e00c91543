/**
 * Checks for the stores' writes and reads that load no zod. The stores sit on the CLI's quick
 * paths (`leverage add`, `list`, `stats` must start in milliseconds: npm run bench), and loading
 * zod and building the schemas costs more than the rest of such a run. Each check here mirrors a
 * zod schema in this folder (the one definition, used at the IPC boundary) and answers as it does:
 * the same values accepted, the same output, the same problems in the same words and order
 * (zod 4's messages and its rules for which checks still run after a problem). The tests in
 * tests/node/store/lightChecks.test.ts hold each pair equal on generated input.
 */

export interface Issue {
  readonly path: readonly (string | number)[];
  readonly message: string;
  /** zod's "aborting" issue: later checks without a length condition are skipped. */
  readonly abort: boolean;
}
export interface Checked {
  readonly value: unknown;
  readonly issues: readonly Issue[];
}
export type Check = (value: unknown) => Checked;

/** zod's name for a value's type in "expected string, received …". */
export function typeName(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : Number.isFinite(value) ? 'number' : String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') {
    const prototype = Object.getPrototypeOf(value) as unknown;
    if (prototype !== Object.prototype && 'constructor' in value && typeof value.constructor === 'function' && value.constructor.name) return value.constructor.name;
    return 'object';
  }
  return typeof value;
}

export const wrongType = (expected: string, value: unknown) => `Invalid input: expected ${expected}, received ${typeName(value)}`;

const issue = (message: string, abort: boolean): Issue => ({ path: [], message, abort });
const ok = (value: unknown): Checked => ({ value, issues: [] });

/** The problems as the stores word them: "title is required; humanSeconds cannot be negative". */
export function describeProblems(issues: readonly Issue[]): string {
  return issues.map((entry) => (entry.path.length > 0 ? `${entry.path.join('.')} ${entry.message}` : entry.message)).join('; ');
}

/**
 * zod checks a length on anything that has one, even after a wrong type (an array given for a
 * string); a string's length is counted in Unicode code points (an emoji is one character).
 */
export function lengthOf(value: unknown): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') {
    let length = 0;
    for (const _ of value) length += 1;
    return length;
  }
  const length = (value as { length?: unknown }).length;
  return typeof length === 'number' ? length : undefined;
}

/** zod words a length by what has it: a string's characters, an array's items. */
const lengthOrigin = (value: unknown) => (Array.isArray(value) ? 'array' : typeof value === 'string' ? 'string' : 'unknown');
const lengthWords = (value: unknown) => `expected ${lengthOrigin(value)} to ${lengthOrigin(value) === 'unknown' ? 'be' : 'have'}`;
const lengthUnit = (value: unknown) => ({ array: ' items', string: ' characters', unknown: '' })[lengthOrigin(value)];

type Limit = readonly [number, string?];

/** z.string() with, in this order, .trim(), .min(), .max(), .regex(). */
export function string(options: { type?: string; trim?: boolean; min?: Limit; max?: Limit; regex?: readonly [RegExp, string] } = {}): Check {
  return (value) => {
    const isString = typeof value === 'string';
    const text = isString && options.trim ? value.trim() : value;
    const issues: Issue[] = isString ? [] : [issue(options.type ?? wrongType('string', value), true)];
    const length = lengthOf(text);
    if (options.min && length !== undefined && length < options.min[0]) issues.push(issue(options.min[1] ?? `Too small: ${lengthWords(text)} >=${options.min[0]}${lengthUnit(text)}`, false));
    if (options.max && length !== undefined && length > options.max[0]) issues.push(issue(options.max[1] ?? `Too big: ${lengthWords(text)} <=${options.max[0]}${lengthUnit(text)}`, false));
    if (isString && options.regex && !options.regex[0].test(text as string)) issues.push(issue(options.regex[1], false));
    return { value: text, issues };
  };
}

/** z.number() with .int(), .min(), .max(). */
export function number(options: { int?: boolean; min?: number; max?: number } = {}): Check {
  return (value) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return { value, issues: [issue(wrongType('number', value), true)] };
    if (options.int && !Number.isInteger(value)) return { value, issues: [issue('Invalid input: expected int, received number', true)] };
    const issues: Issue[] = [];
    if (options.int && value > Number.MAX_SAFE_INTEGER) issues.push(issue(`Too big: expected int to be <=${Number.MAX_SAFE_INTEGER}`, false));
    if (options.int && value < Number.MIN_SAFE_INTEGER) issues.push(issue(`Too small: expected int to be >=${Number.MIN_SAFE_INTEGER}`, false));
    if (options.min !== undefined && value < options.min) issues.push(issue(`Too small: expected number to be >=${options.min}`, false));
    if (options.max !== undefined && value > options.max) issues.push(issue(`Too big: expected number to be <=${options.max}`, false));
    return { value, issues };
  };
}

export const boolean = (): Check => (value) => (typeof value === 'boolean' ? ok(value) : { value, issues: [issue(wrongType('boolean', value), true)] });

export function oneOf(values: readonly string[]): Check {
  return (value) => (typeof value === 'string' && values.includes(value) ? ok(value) : { value, issues: [issue(`Invalid option: expected one of ${values.map((entry) => `"${entry}"`).join('|')}`, true)] });
}

/** A local calendar date "YYYY-MM-DD" that exists, with one message for every problem (workDateSchema). */
export function calendarDate(isCalendarDate: (text: string) => boolean, message: string): Check {
  return (value) => (typeof value === 'string' && isCalendarDate(value) ? ok(value) : { value, issues: [issue(message, true)] });
}

export const nullable = (check: Check): Check => (value) => (value === null ? ok(null) : check(value));
export const optional = (check: Check): Check => (value) => (value === undefined ? ok(undefined) : check(value));

const within = (key: string | number, issues: readonly Issue[]): Issue[] => issues.map((entry) => ({ ...entry, path: [key, ...entry.path] }));

/** z.array(item) with .max() and a .refine() on the whole array. */
export function array(item: Check, options: { max?: number; refine?: readonly [(items: unknown[]) => boolean, string] } = {}): Check {
  return (value) => {
    if (!Array.isArray(value)) {
      const length = lengthOf(value);
      const tooLong = options.max !== undefined && length !== undefined && length > options.max;
      return { value, issues: [issue(wrongType('array', value), true), ...(tooLong ? [issue(`Too big: ${lengthWords(value)} <=${options.max}${lengthUnit(value)}`, false)] : [])] };
    }
    // Over its maximum, the array is refused before any item is read (zod's size cap).
    if (options.max !== undefined && value.length > options.max) return { value, issues: [issue(`Too big: expected array to have <=${options.max} items`, true)] };
    const issues: Issue[] = [];
    const items = value.map((entry, index) => {
      const checked = item(entry);
      issues.push(...within(index, checked.issues));
      return checked.value;
    });
    if (options.refine && !issues.some((entry) => entry.abort) && !options.refine[0](items)) issues.push(issue(options.refine[1], false));
    return { value: items, issues };
  };
}

/**
 * z.object(shape) (unknown keys dropped), or z.strictObject (unknown keys a problem); `partial`
 * as .partial(): a key left out stays out, a key given as undefined stays in.
 */
export function object(shape: Readonly<Record<string, Check>>, options: { strict?: boolean; partial?: boolean } = {}): Check {
  const keys = Object.keys(shape);
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { value, issues: [issue(wrongType('object', value), true)] };
    const record = value as Record<string, unknown>;
    const output: Record<string, unknown> = {};
    const issues: Issue[] = [];
    for (const key of keys) {
      const given = record[key];
      if (options.partial && given === undefined) {
        if (key in record) output[key] = undefined;
        continue;
      }
      const checked = (shape[key] as Check)(given);
      issues.push(...within(key, checked.issues));
      if (checked.value !== undefined || key in record) output[key] = checked.value;
    }
    if (options.strict) {
      const unknown = Object.keys(record).filter((key) => !keys.includes(key));
      if (unknown.length > 0) issues.push(issue(`Unrecognized key${unknown.length > 1 ? 's' : ''}: ${unknown.map((key) => `"${key}"`).join(', ')}`, false));
    }
    return { value: output, issues };
  };
}

/** The checked value, or the problems in the stores' wording. */
export function run<T>(check: Check, value: unknown): { ok: true; value: T } | { ok: false; problems: string } {
  const checked = check(value);
  return checked.issues.length > 0 ? { ok: false, problems: describeProblems(checked.issues) } : { ok: true, value: checked.value as T };
}
