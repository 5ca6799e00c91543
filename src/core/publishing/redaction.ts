/**
 * Redaction: an alias map (private name → public phrase) applied to exported text only; the
 * stored data is never altered.
 *
 * Replacement is conservative: a private name is replaced only where it stands as a whole word
 * or identifier — never inside another word ("acesulfame"), another identifier
 * ("inference_engine_aces", "aces-core", "aces.ts") or a path ("~/code/aces/src"), where a
 * replacement would mangle the text. The leak check is aggressive: it reports every remaining
 * occurrence of a private name anywhere, case-insensitively, so those left-alone places are seen.
 *
 * Both compare Unicode-folded text (see `foldText`): NFKC (fullwidth letters, ligatures, NFD
 * accents composed), with invisible characters (soft hyphen, zero-width space and joiners, BOM —
 * every Default_Ignorable_Code_Point) taken out, so `Ａｃｍｅ`, `Ac\u00adme` and `Acme` (NFD é…)
 * all match; between the words of a name any run of whitespace, or none, matches (`AcmeCorp`
 * and `Acme   Corp` match the alias `Acme Corp`). Each match is mapped back to the original text,
 * which is what gets replaced or reported.
 */

export interface Alias {
  from: string;
  to: string;
}

export interface RedactionProfile {
  name: string;
  aliases: readonly Alias[];
}

export interface Replacement {
  /** The private name as written in the text. */
  original: string;
  replacement: string;
  alias: Alias;
  /** Offset in the original text. */
  index: number;
  /** 1-based line and column in the original text. */
  line: number;
  column: number;
  /** The surrounding text (original), for a preview. */
  context: string;
}

export interface Leak {
  name: string;
  found: string;
  index: number;
  line: number;
  column: number;
  context: string;
}

export interface RedactionResult {
  text: string;
  replacements: Replacement[];
  leaks: Leak[];
}

const WORD_CHAR = /[\p{L}\p{N}_$]/u;
/** Characters that glue a name into a path, an address or a scoped package. */
const PATH_CHAR = /[/\\@~]/;
/** Characters that join a name to a neighbouring word only when a word character follows them ("aces-core", "aces.ts"). */
const JOINER = /[-.:]/;

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}

/** True when the match at [start, end) stands alone: no word, identifier or path continues it on either side. */
export function standsAlone(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  if (isWordChar(before) || isWordChar(after)) return false;
  if ((before !== undefined && PATH_CHAR.test(before)) || (after !== undefined && PATH_CHAR.test(after))) return false;
  if (before !== undefined && JOINER.test(before) && isWordChar(text[start - 2])) return false;
  if (after !== undefined && JOINER.test(after) && isWordChar(text[end + 1])) return false;
  return true;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;
const COMBINING = /\p{M}/u;

/** Text folded for matching, and for each folded UTF-16 unit the original range it came from. */
export interface FoldedText {
  readonly text: string;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

/**
 * NFKC with invisible characters removed, keeping a map back to the original. The text is folded
 * one cluster at a time (a character and the combining marks after it), so every folded character
 * maps to the whole cluster it came from.
 */
export function foldText(original: string): FoldedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const characters = Array.from(original);
  let offset = 0;
  for (let index = 0; index < characters.length; ) {
    const start = offset;
    let cluster = '';
    do {
      const char = characters[index] as string;
      if (!INVISIBLE.test(char)) cluster += char;
      offset += char.length;
      index += 1;
    } while (index < characters.length && COMBINING.test(characters[index] as string));
    const folded = cluster.normalize('NFKC').replace(new RegExp(INVISIBLE.source, 'gu'), '');
    for (let unit = 0; unit < folded.length; unit += 1) {
      starts.push(start);
      ends.push(offset);
    }
    text += folded;
  }
  return { text, starts, ends };
}

/** The pattern of a name: its folded words, with any run of whitespace (or none) between them. */
function namePattern(name: string): RegExp | null {
  const words = foldText(name).text.trim().split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return null;
  return new RegExp(words.map(escapeRegExp).join('\\s*'), 'giu');
}

/**
 * The public phrase in the case of the matched text. Spelt as the alias spells it: the phrase as
 * written. Otherwise "ACES" → upper case, "Aces" → capitalised (a sentence start), else as written.
 */
export function matchCase(matched: string, replacement: string, aliasSpelling?: string): string {
  if (matched === aliasSpelling) return replacement;
  const letters = matched.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return replacement.toUpperCase();
  const first = letters[0];
  if (first !== undefined && first === first.toUpperCase() && first !== first.toLowerCase() && letters.slice(1) === letters.slice(1).toLowerCase()) {
    return replacement.length === 0 ? replacement : `${replacement[0]?.toUpperCase() ?? ''}${replacement.slice(1)}`;
  }
  return replacement;
}

function position(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let cursor = text.indexOf('\n'); cursor !== -1 && cursor < index; cursor = text.indexOf('\n', cursor + 1)) {
    line += 1;
    lineStart = cursor + 1;
  }
  return { line, column: index - lineStart + 1 };
}

function contextAround(text: string, start: number, end: number, width = 30): string {
  const from = Math.max(0, start - width);
  const to = Math.min(text.length, end + width);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ')}${to < text.length ? '…' : ''}`;
}

function usableAliases(aliases: readonly Alias[]): Alias[] {
  return aliases.filter((alias) => alias.from.trim() !== '');
}

interface Occurrence {
  alias: Alias;
  /** The span in the original text. */
  start: number;
  end: number;
  /** The span in the folded text. */
  foldedStart: number;
  foldedEnd: number;
}

/** Spans of the folded text where `pattern` matches (overlapping ones too: "aaa" in "aaaa"). */
function foldedMatches(folded: FoldedText, pattern: RegExp): [number, number][] {
  const spans: [number, number][] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(folded.text); match !== null; match = pattern.exec(folded.text)) {
    if (match[0].length > 0) spans.push([match.index, match.index + match[0].length]);
    pattern.lastIndex = match.index + 1;
  }
  return spans;
}

/** Every case-insensitive, Unicode-folded occurrence of every alias, longest name first at equal positions. */
function occurrences(folded: FoldedText, aliases: readonly Alias[]): Occurrence[] {
  const found: Occurrence[] = [];
  for (const alias of usableAliases(aliases)) {
    const pattern = namePattern(alias.from);
    if (!pattern) continue;
    for (const [foldedStart, foldedEnd] of foldedMatches(folded, pattern)) {
      found.push({ alias, start: folded.starts[foldedStart] as number, end: folded.ends[foldedEnd - 1] as number, foldedStart, foldedEnd });
    }
  }
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Replaces every standalone private name in one pass over the original text (a replacement is never re-scanned). */
export function redact(text: string, aliases: readonly Alias[]): RedactionResult {
  const replacements: Replacement[] = [];
  let output = '';
  let cursor = 0;
  const folded = foldText(text);
  for (const hit of occurrences(folded, aliases)) {
    if (hit.start < cursor || !standsAlone(folded.text, hit.foldedStart, hit.foldedEnd)) continue;
    const original = text.slice(hit.start, hit.end);
    const replacement = matchCase(folded.text.slice(hit.foldedStart, hit.foldedEnd), hit.alias.to, foldText(hit.alias.from).text);
    replacements.push({
      original,
      replacement,
      alias: hit.alias,
      index: hit.start,
      ...position(text, hit.start),
      context: contextAround(text, hit.start, hit.end),
    });
    output += text.slice(cursor, hit.start) + replacement;
    cursor = hit.end;
  }
  output += text.slice(cursor);
  return { text: output, replacements, leaks: findLeaks(output, aliases) };
}

/**
 * Every remaining occurrence of a private name in `text`, case-insensitively and anywhere
 * (inside words and paths too). A private name that is also part of its own public phrase
 * ("Acme" → "Acme's client") is not reported where it is that phrase.
 */
export function findLeaks(text: string, aliases: readonly Alias[]): Leak[] {
  const folded = foldText(text);
  const publicSpans: [number, number][] = [];
  for (const alias of usableAliases(aliases)) {
    const pattern = alias.to.trim() === '' ? null : namePattern(alias.to);
    if (pattern) publicSpans.push(...foldedMatches(folded, pattern));
  }
  return occurrences(folded, aliases)
    .filter((hit) => !publicSpans.some(([start, end]) => hit.foldedStart >= start && hit.foldedEnd <= end))
    .map((hit) => ({
      name: hit.alias.from,
      found: text.slice(hit.start, hit.end),
      index: hit.start,
      ...position(text, hit.start),
      context: contextAround(text, hit.start, hit.end),
    }));
}

/** The profile called `name` (or the active one), or null when there is none. */
export function findProfile(profiles: readonly RedactionProfile[], name: string | null | undefined): RedactionProfile | null {
  if (!name) return null;
  return profiles.find((profile) => profile.name === name) ?? null;
}
