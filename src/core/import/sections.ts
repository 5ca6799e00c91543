/**
 * The fixed parts of a Leverage Record page: its section headings, and the site's own chrome
 * (navigation, the author box, the "About These Records" note, the footer) that is not part of
 * the day's intro or analysis.
 */
export const TITLE_LINE = /^(?:#+\s*)?(?:\*\*)?Leverage Record:\s*(.+?)(?:\*\*)?\s*$/i;

const SECTION_HEADINGS = ['task log', 'aggregate stats', 'aggregate statistics', 'analysis', 'about these records', "let's build something!", 'ai time record'];

export function isSectionHeading(text: string): boolean {
  return SECTION_HEADINGS.includes(text.trim().toLowerCase().replace(/^#+\s*/, ''));
}

export function headingName(text: string): string {
  return text.trim().toLowerCase().replace(/^#+\s*/, '');
}

/** Paragraphs that belong to the site, not the post. */
const CHROME = [
  /^skip to (?:main )?content$/i,
  /^about the author:/i,
  /^currently taking on select consulting/i,
  // The reading-time line: "Time Record 1 MIN READ MAR 15, 2026", "4 min read".
  /(?:^|\s)\d+\s*min(?:ute)?s?\s+read\b/i,
  // Footers and sharing links.
  /^(?:©|\(c\)|copyright\b)/i,
  /\ball rights reserved\b/i,
  /^(?:share(?: this(?: post)?)?(?: on \w+)?|back to top|subscribe|previous post|next post|read more|powered by .*|tags?:.*)$/i,
];

export function isChrome(text: string): boolean {
  return CHROME.some((pattern) => pattern.test(text.trim()));
}

/** Headings whose following prose is site chrome until the next heading. */
export const CHROME_SECTIONS = new Set(['about these records', "let's build something!"]);
