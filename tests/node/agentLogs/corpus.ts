import fs from 'node:fs';
import path from 'node:path';
import { tempFolder } from '../helpers/tempJournal.ts';

export const CORPUS = path.resolve('tests/fixtures/claude');
export const ROOT_A = path.join(CORPUS, 'root-a');
export const ROOT_B = path.join(CORPUS, 'root-b');

export const S1 = '1a2b3c4d-0001-4000-8000-000000000001';
export const S2 = '1a2b3c4d-0002-4000-8000-000000000002';
export const S3 = '1a2b3c4d-0003-4000-8000-000000000003';
export const S4 = '1a2b3c4d-0004-4000-8000-000000000004';
/** The legacy subagent log beside S2's file (its lines carry sessionId S2). */
export const LEGACY_AGENT = 'agent-5e6f7a8b';

/** A writable copy of the fixture corpus (for tests that append to logs). */
export function copyCorpus(): { rootA: string; rootB: string } {
  const folder = tempFolder('leverage-claude-');
  fs.cpSync(CORPUS, folder, { recursive: true });
  return { rootA: path.join(folder, 'root-a'), rootB: path.join(folder, 'root-b') };
}

export function jsonl(...lines: unknown[]): string {
  return lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n') + '\n';
}
