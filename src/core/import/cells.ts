import { parseDuration } from '../../shared/units/duration.ts';
import { parseTokens } from '../../shared/units/tokens.ts';
import type { ColumnRole } from './columns.ts';

/** One table cell read into its value; blank optional cells are null. */
export type CellValue = number | null;

/** A factor as printed ("96x", "68.6x", "1,800x", "1440.0x") and its number of decimals. */
export interface StatedFactor {
  value: number;
  decimals: number;
}

const BLANK = /^(?:|—|–|-|n\/a)$/i;
const DURATION = /^(\d[\d,]*(?:\.\d+)?|\.\d+)\s*(h|hr|hrs|hours?|m|min|mins|minutes?)$/i;
const TOKENS = /^~?\s*(\d[\d,]*(?:\.\d+)?)\s*([kKMB])?$/;
const FACTOR = /^~?\s*(\d[\d,]*(?:\.(\d+))?)\s*[x×]$/i;
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;

export class CellError extends Error {}

export function isBlankCell(text: string): boolean {
  return BLANK.test(text.trim());
}

/** Seconds from "40h", "1.5 hours", "25min", "8.6m"; a bare number is read in `bareUnit` (markdown cells only). */
export function parseDurationCell(text: string, bareUnit: 'h' | 'm' | null): number {
  const cell = text.trim();
  if (DURATION.test(cell) || (bareUnit !== null && PLAIN_NUMBER.test(cell))) return parseDuration(cell, bareUnit ?? 'm');
  throw new CellError(`"${cell}" is not a duration`);
}

/** "400k", "~1,495,000", "1.2M"; a lowercase "m" is minutes, never millions. */
export function parseTokensCell(text: string): number {
  const cell = text.trim();
  const match = TOKENS.exec(cell);
  if (!match) throw new CellError(`"${cell}" is not a token count`);
  return parseTokens(cell);
}

export function parseFactorCell(text: string): StatedFactor {
  const match = FACTOR.exec(text.trim());
  if (!match) throw new CellError(`"${text.trim()}" is not a factor`);
  return { value: Number((match[1] ?? '').replace(/,/g, '')), decimals: match[2]?.length ?? 0 };
}

/** "0.50", or "0.50w" as run-together copies print it. */
export function parseWeeksCell(text: string): number {
  const cell = text.trim().replace(/\s*(?:w|wk|wks|weeks?)$/i, '');
  if (!PLAIN_NUMBER.test(cell)) throw new CellError(`"${text.trim()}" is not a number of weeks`);
  return Number(cell);
}

/** The raw cell values of a task row, by role. */
export interface RowCells {
  title: string;
  human: number;
  agent: number;
  tokens: number | null;
  supervision: number | null;
  factor: StatedFactor | null;
  supervisoryFactor: StatedFactor | null;
  weeks: number | null;
}

/** Roles that a row may leave empty. */
export const OPTIONAL_ROLES: ReadonlySet<ColumnRole> = new Set(['tokens', 'supervision', 'supervisoryFactor', 'weeks', 'factor']);

/** Reads one cell of a role into the row; throws CellError when it does not fit. */
export function assignCell(row: RowCells, role: ColumnRole, text: string, bareUnits: boolean): void {
  const blank = isBlankCell(text);
  if (blank && OPTIONAL_ROLES.has(role)) return;
  switch (role) {
    case 'index':
      return;
    case 'title':
      row.title = text.trim();
      return;
    case 'human':
      row.human = parseDurationCell(text, bareUnits ? 'h' : null);
      return;
    case 'agent':
      row.agent = parseDurationCell(text, bareUnits ? 'm' : null);
      return;
    case 'supervision':
      row.supervision = parseDurationCell(text, bareUnits ? 'm' : null);
      return;
    case 'tokens':
      row.tokens = parseTokensCell(text);
      return;
    case 'factor':
      row.factor = parseFactorCell(text);
      return;
    case 'supervisoryFactor':
      row.supervisoryFactor = parseFactorCell(text);
      return;
    case 'weeks':
      row.weeks = parseWeeksCell(text);
      return;
  }
}

export function emptyRow(): RowCells {
  return { title: '', human: -1, agent: -1, tokens: null, supervision: null, factor: null, supervisoryFactor: null, weeks: null };
}
