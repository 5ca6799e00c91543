import type { StatedFactor } from './cells.ts';

/** A task row read from a post, in the store's units (seconds), with the factors the post printed. */
export interface PostTask {
  title: string;
  humanSeconds: number;
  agentSeconds: number;
  supervisionSeconds: number | null;
  tokens: number | null;
  statedFactor: StatedFactor | null;
  statedSupervisoryFactor: StatedFactor | null;
  /** The Weeks column (human hours ÷ 40) when the post had one. */
  statedWeeks: number | null;
  /** 1-based line in the input file. */
  line: number;
}

/** The aggregate figures a post printed; absent ones are undefined. */
export interface StatedAggregates {
  taskCount?: number;
  humanHours?: number;
  agentMinutes?: number;
  supervisionMinutes?: number;
  tokens?: number;
  /** "Tokens consumed ~867,500": a day-level total, not a sum of task cells. */
  dayTokens?: number;
  leverage?: StatedFactor;
  supervisoryLeverage?: StatedFactor;
}

export interface UnparsedLine {
  line: number;
  text: string;
  reason: string;
}

/** One post as read from the file, before it is compared with the journal. */
export interface ParsedPost {
  /** "YYYY-MM-DD", from the title or the date the caller gave; null when neither exists. */
  date: string | null;
  title: string | null;
  intro: string;
  analysis: string;
  tasks: PostTask[];
  stated: StatedAggregates;
  unparsed: UnparsedLine[];
  /** Rows read with a doubt (a run-together row whose split is a guess), as warnings. */
  notes: UnparsedLine[];
}

/** A block of a post: a heading or paragraph of prose, or a table (header cells and rows of cells). */
export type PostBlock =
  | { kind: 'heading'; text: string; line: number }
  | { kind: 'paragraph'; text: string; line: number }
  | { kind: 'taskRow'; task: PostTask; note?: string }
  | { kind: 'unparsed'; unparsed: UnparsedLine }
  | { kind: 'aggregateRow'; label: string; value: string; line: number };
