import { isValid } from 'date-fns/isValid';
import { parse } from 'date-fns/parse';
import { toDateString } from '../../shared/metrics/periods.ts';
import { parseDuration } from '../../shared/units/duration.ts';
import { parseTokens } from '../../shared/units/tokens.ts';
import { parseFactorCell } from './cells.ts';
import type { ParsedPost, PostBlock, StatedAggregates } from './model.ts';
import { CHROME_SECTIONS, headingName, isChrome, isSectionHeading, TITLE_LINE } from './sections.ts';

const DATE_FORMATS = ['MMMM d, yyyy', 'MMM d, yyyy', 'yyyy-MM-dd', 'd MMMM yyyy'];

/** "March 1, 2026", "April 02, 2026", "2026-03-01" → "YYYY-MM-DD"; null when it is not a date. */
export function parsePostDate(text: string): string | null {
  const cleaned = text.trim().replace(/[*_]/g, '').replace(/\s+/g, ' ');
  for (const format of DATE_FORMATS) {
    const date = parse(cleaned, format, new Date(2000, 0, 1));
    if (isValid(date)) return toDateString(date);
  }
  return null;
}

const TOKENS_CONSUMED = /tokens consumed:?\s*(~?\s*\d[\d,]*(?:\.\d+)?\s*[kKMB]?)/i;

type AggregateKey = keyof StatedAggregates;
/** Every wording of an aggregate label the series used, longest first within each figure. */
const AGGREGATE_LABELS: readonly (readonly [RegExp, AggregateKey])[] = [
  [/^(?:total )?(?:number of )?tasks(?: completed| logged)?$/i, 'taskCount'],
  [/^(?:total )?human[- ]equivalent(?: hours| time)?$|^total human(?: est\.?| estimate)?(?: hours)?$/i, 'humanHours'],
  [/^(?:total )?(?:claude|agent)(?: wall[- ]clock)?(?: minutes| time)?$/i, 'agentMinutes'],
  [/^(?:total )?(?:supervision|supervisory)(?: minutes| time)$|^total supervision$/i, 'supervisionMinutes'],
  [/^total tokens$/i, 'tokens'],
  [/^tokens (?:consumed|used)$/i, 'dayTokens'],
  [/^weighted (?:average |avg\.? )?(?:leverage|factor)(?: factor)?$/i, 'leverage'],
  [/^(?:weighted (?:average |avg\.? )?)?supervisory (?:leverage|factor)(?: factor)?$/i, 'supervisoryLeverage'],
];

/** The figure a stated aggregate key names, or undefined when the label is not one of the series'. */
export function aggregateKey(label: string): AggregateKey | undefined {
  const text = label.trim().replace(/:$/, '').replace(/\s+/g, ' ');
  return AGGREGATE_LABELS.find(([pattern]) => pattern.test(text))?.[1];
}

/** A figure as the aggregate table prints it: "24h (3.0 working days)", "~595,000", "41.1x", "142.0". */
const FIGURE = /^~?\s*\d[\d,]*(?:\.\d+)?\s*[a-z×]*\.?(?:\s*\(.*\))?$/i;

/**
 * Splits one aggregate line into its label and figure, however the cells were joined (tab,
 * spaces, a colon, or nothing: "Total tasks2"); null when it is not a known label with a figure.
 */
export function splitAggregateLine(line: string): { label: string; value: string } | null {
  const text = line.trim();
  for (let at = 1; at < text.length && at < 80; at += 1) {
    if (!/[~\d]/.test(text[at] ?? '')) continue;
    const label = text.slice(0, at).replace(/[\s:|]+$/, '');
    const value = text.slice(at).trim();
    if (aggregateKey(label) && FIGURE.test(value)) return { label, value };
  }
  return null;
}

/** Reads one aggregate-table row into `stated`; returns a reason when a known label has an unreadable value. */
function readAggregate(stated: StatedAggregates, label: string, value: string): string | null {
  const key = aggregateKey(label);
  if (!key) return null;
  // "503min (8h 23min)": the figure is before the parenthesis.
  const figure = value.replace(/\(.*\)/, '').trim();
  try {
    switch (key) {
      case 'taskCount':
        if (!/^\d+$/.test(figure)) return `"${value}" is not a task count`;
        stated.taskCount = Number(figure);
        break;
      case 'humanHours':
        stated.humanHours = parseDuration(figure, 'h') / 3600;
        break;
      case 'agentMinutes':
        stated.agentMinutes = parseDuration(figure, 'm') / 60;
        break;
      case 'supervisionMinutes':
        stated.supervisionMinutes = parseDuration(figure, 'm') / 60;
        break;
      case 'tokens':
      case 'dayTokens':
        stated[key] = parseTokens(figure);
        break;
      case 'leverage':
      case 'supervisoryLeverage':
        stated[key] = parseFactorCell(figure);
        break;
    }
  } catch (error) {
    return (error as Error).message;
  }
  return null;
}

/** A page's teaser: a paragraph cut with "…" that another paragraph of the post repeats in full. */
function withoutTeasers(paragraphs: readonly string[], all: readonly string[]): string[] {
  return paragraphs.filter((paragraph) => {
    const cut = /^(.*?)\s*(?:…|\.\.\.)$/s.exec(paragraph)?.[1];
    return !cut || cut.length < 20 || !all.some((other) => other !== paragraph && other.startsWith(cut));
  });
}

function emptyPost(title: string | null, date: string | null): ParsedPost {
  return { date, title, intro: '', analysis: '', tasks: [], stated: {}, unparsed: [], notes: [] };
}

/**
 * Groups blocks into posts: a "Leverage Record: <date>" title starts a post; prose before the
 * task table is the intro, prose under "Analysis" is the analysis; site chrome is dropped.
 * Blocks before any title form one untitled post (a pasted copy) dated `fallbackDate`.
 */
export function assemblePosts(blocks: readonly PostBlock[], fallbackDate: string | null): ParsedPost[] {
  const posts: ParsedPost[] = [];
  let post: ParsedPost | null = null;
  let section: 'intro' | 'analysis' | 'chrome' | 'other' = 'intro';
  const intro: string[] = [];
  const analysis: string[] = [];

  const finish = () => {
    if (post && (post.tasks.length > 0 || post.unparsed.length > 0 || post.title !== null)) {
      const all = [...intro, ...analysis];
      post.intro = withoutTeasers(intro, all).join('\n\n');
      post.analysis = withoutTeasers(analysis, all).join('\n\n');
      posts.push(post);
    }
    intro.length = 0;
    analysis.length = 0;
  };
  const current = (): ParsedPost => (post ??= emptyPost(null, fallbackDate));

  for (const block of blocks) {
    if (block.kind === 'heading' || block.kind === 'paragraph') {
      const title = TITLE_LINE.exec(block.text.trim());
      if (title) {
        finish();
        post = emptyPost(block.text.trim().replace(/^#+\s*/, '').replace(/\*\*/g, ''), parsePostDate(title[1] ?? ''));
        section = 'intro';
        continue;
      }
      if (block.kind === 'heading' || isSectionHeading(block.text)) {
        const name = headingName(block.text);
        section = name === 'analysis' ? 'analysis' : CHROME_SECTIONS.has(name) ? 'chrome' : section === 'intro' && !name.startsWith('aggregate stat') ? 'intro' : 'other';
        continue;
      }
      const consumed = TOKENS_CONSUMED.exec(block.text);
      if (consumed && current().stated.dayTokens === undefined) current().stated.dayTokens = parseTokens(consumed[1] ?? '');
      if (isChrome(block.text) || section === 'chrome' || section === 'other') continue;
      (section === 'analysis' ? analysis : intro).push(block.text);
      continue;
    }
    const target = current();
    if (block.kind === 'taskRow') {
      target.tasks.push(block.task);
      if (block.note) target.notes.push({ line: block.task.line, text: block.task.title, reason: block.note });
      section = 'other';
    } else if (block.kind === 'unparsed') {
      target.unparsed.push(block.unparsed);
      section = 'other';
    } else {
      const problem = readAggregate(target.stated, block.label, block.value);
      if (problem) target.unparsed.push({ line: block.line, text: `${block.label} ${block.value}`, reason: problem });
    }
  }
  finish();
  return posts;
}
