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
const AGGREGATE_LABELS: readonly (readonly [RegExp, AggregateKey])[] = [
  [/^total tasks$/i, 'taskCount'],
  [/^total human[- ]equivalent(?: hours| time)?$/i, 'humanHours'],
  [/^total (?:claude|agent) (?:minutes|time)$/i, 'agentMinutes'],
  [/^total supervision(?: minutes| time)?$/i, 'supervisionMinutes'],
  [/^total tokens$/i, 'tokens'],
  [/^tokens consumed$/i, 'dayTokens'],
  [/^weighted (?:average )?(?:leverage|factor)$/i, 'leverage'],
  [/^(?:weighted (?:average )?)?supervisory (?:leverage|factor)$/i, 'supervisoryLeverage'],
];

/** Reads one aggregate-table row into `stated`; returns a reason when a known label has an unreadable value. */
function readAggregate(stated: StatedAggregates, label: string, value: string): string | null {
  const key = AGGREGATE_LABELS.find(([pattern]) => pattern.test(label.trim()))?.[1];
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

function emptyPost(title: string | null, date: string | null): ParsedPost {
  return { date, title, intro: '', analysis: '', tasks: [], stated: {}, unparsed: [] };
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
      post.intro = intro.join('\n\n');
      post.analysis = analysis.join('\n\n');
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
        section = name === 'analysis' ? 'analysis' : CHROME_SECTIONS.has(name) ? 'chrome' : section === 'intro' && name !== 'aggregate stats' ? 'intro' : 'other';
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
