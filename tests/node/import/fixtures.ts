import fs from 'node:fs';
import path from 'node:path';

export const POSTS = path.resolve('tests/fixtures/posts');
export const IMPORT_FIXTURES = path.resolve('tests/fixtures/import');

export function seedPost(date: '2026-03-01' | '2026-02-28'): string {
  return fs.readFileSync(path.join(POSTS, `leverage-record-${date}.txt`), 'utf8');
}

export function importFixture(name: string): string {
  return fs.readFileSync(path.join(IMPORT_FIXTURES, name), 'utf8');
}

/** No journal: every day is new. */
export const EMPTY = { tasksOn: () => [] };
