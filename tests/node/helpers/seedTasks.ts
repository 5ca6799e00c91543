import fs from 'node:fs';
import path from 'node:path';

export interface SeedTask {
  title: string;
  human: string;
  agent: string;
  tokens: string | null;
}
export interface SeedDay {
  date: string;
  tasks: SeedTask[];
}

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

/** The tasks of a published seed post, as the post's Task Log lists them (factor descending). */
export function seedDay(date: '2026-03-01' | '2026-02-28'): SeedDay {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, 'seed-tasks', `${date}.json`), 'utf8')) as SeedDay;
}

/** The published post's text (copied from the web page: tables flattened to one row per line). */
export function seedPostText(date: '2026-03-01' | '2026-02-28'): string {
  return fs.readFileSync(path.join(FIXTURES, 'posts', `leverage-record-${date}.txt`), 'utf8');
}

/** The published line that follows `heading` and starts with `label`: "Total tokens ~2.62M" → "~2.62M". */
export function publishedValue(postText: string, label: string): string {
  const line = postText.split('\n').find((candidate) => candidate.startsWith(`${label} `));
  if (!line) throw new Error(`The seed has no line starting "${label}"`);
  return line.slice(label.length + 1).trim();
}
