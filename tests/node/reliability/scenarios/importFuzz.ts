import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { scanAgentLogs } from '../../../../src/core/agentLogs/scanLogs.ts';
import { readLogLine } from '../../../../src/core/agentLogs/logLine.ts';
import { isJournalError } from '../../../../src/core/errors.ts';
import { CONFLICT_MODES, commitImport, existingDaysOf } from '../../../../src/core/import/commitImport.ts';
import { planImport } from '../../../../src/core/import/planImport.ts';
import { Journal } from '../../../../src/core/journal.ts';
import { contentHash, dayTotalsMismatches, integrityProblems } from '../support/database.ts';
import { generatedTask } from '../support/generatedTasks.ts';
import { REPO_ROOT } from '../support/processes.ts';

export interface ImportFuzzFigures {
  postsTried: number;
  committed: number;
  refused: number;
  /** A throw that was not a JournalError (a crash, not a structured error): must be 0. */
  crashes: number;
  /** Dry runs that changed the database, or refused commits that left part of an import: must be 0. */
  writesWhenRefused: number;
  logLinesTried: number;
  logCrashes: number;
  problems: string[];
}

const FIXTURES = path.join(REPO_ROOT, 'tests/fixtures');

function fixtureFiles(folder: string, extension: RegExp): string[] {
  return (fs.readdirSync(folder, { recursive: true }) as string[]).filter((name) => extension.test(name)).map((name) => path.join(folder, name)).sort();
}

const HOSTILE_TITLES = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', '=HYPERLINK("http://x")', 'a | b | c'];

/** One mutation of a post file: truncation, swapped columns, random bytes, a huge row, markup in a title. */
function mutation(): fc.Arbitrary<(text: string) => string> {
  return fc.oneof(
    fc.double({ min: 0, max: 1, noNaN: true }).map((at) => (text: string) => text.slice(0, Math.floor(text.length * at))),
    fc.tuple(fc.nat(), fc.nat(), fc.nat()).map(([lineAt, a, b]) => (text: string) => {
      const lines = text.split('\n');
      const index = lineAt % lines.length;
      const line = lines[index] ?? '';
      const separator = line.includes('|') ? '|' : ' ';
      const cells = line.split(separator);
      if (cells.length > 2) {
        const i = a % cells.length;
        const j = b % cells.length;
        [cells[i], cells[j]] = [cells[j] ?? '', cells[i] ?? ''];
      }
      lines[index] = cells.join(separator);
      return lines.join('\n');
    }),
    fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([at, bytes]) => (text: string) => {
      const position = at % (text.length + 1);
      return text.slice(0, position) + Buffer.from(bytes).toString('latin1') + text.slice(position);
    }),
    fc.tuple(fc.nat(), fc.integer({ min: 1_000, max: 300_000 })).map(([lineAt, size]) => (text: string) => {
      const lines = text.split('\n');
      const index = lineAt % lines.length;
      lines[index] = `${'Huge task '.repeat(size / 10)} 40h 25min 350k 96x`;
      return lines.join('\n');
    }),
    fc.tuple(fc.nat(), fc.constantFrom(...HOSTILE_TITLES)).map(([lineAt, title]) => (text: string) => {
      const lines = text.split('\n');
      const rows = lines.map((line, index) => ({ line, index })).filter(({ line }) => /\d+h\b/.test(line));
      const row = rows[lineAt % Math.max(rows.length, 1)];
      if (row) lines[row.index] = row.line.includes('|') ? row.line.replace(/^\|[^|]*\|/, `| ${title} |`) : `${title} ${row.line}`;
      return lines.join('\n');
    }),
    fc.constant((text: string) => text.split('\n').reverse().join('\n')),
  );
}

/** A mutated copy of a fixture post file. */
function mutatedPost(posts: readonly { name: string; text: string }[]): fc.Arbitrary<{ name: string; text: string }> {
  return fc
    .tuple(fc.constantFrom(...posts), fc.array(mutation(), { minLength: 1, maxLength: 4 }))
    .map(([post, changes]) => ({ name: post.name, text: changes.reduce((text, change) => change(text), post.text) }));
}

/** A mutated Claude Code log line: cut, bytes inserted, fields replaced by hostile values, deep nesting. */
function mutatedLogLine(lines: readonly string[]): fc.Arbitrary<string> {
  const hostileValue = fc.oneof(
    fc.anything({ maxDepth: 3 }),
    fc.constantFrom<unknown>(NaN, -1, 1e308, 'x'.repeat(200_000), null, [], {}, '__proto__', { __proto__: { polluted: true } }),
  );
  return fc.oneof(
    fc.tuple(fc.constantFrom(...lines), fc.double({ min: 0, max: 1, noNaN: true })).map(([line, at]) => line.slice(0, Math.floor(line.length * at))),
    fc.tuple(fc.constantFrom(...lines), fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 16 })).map(([line, at, bytes]) => {
      const position = at % (line.length + 1);
      return line.slice(0, position) + Buffer.from(bytes).toString('latin1') + line.slice(position);
    }),
    fc
      .tuple(fc.constantFrom(...lines), fc.constantFrom('type', 'message', 'usage', 'timestamp', 'sessionId', 'model', 'content', 'input_tokens', 'output_tokens', 'cwd', '__proto__'), hostileValue)
      .map(([line, key, value]) =>
        line.replace(new RegExp(`"${key}":`), `"${key}":${JSON.stringify(value) ?? 'null'},"_was":`),
      ),
    fc.constant(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`),
    fc.string({ maxLength: 200 }),
  );
}

/**
 * Fuzzes the post importer and the Claude Code log reader with mutated fixture files against a
 * journal that already holds data: dry runs write nothing, a commit is whole or refused (and then
 * writes nothing), errors are JournalErrors, and the log reader never throws.
 */
export function runImportFuzz(postRuns: number, logRuns: number, seed = 424242): ImportFuzzFigures {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'leverage-import-fuzz-'));
  const journal = Journal.open(path.join(folder, 'leverage.db'));
  const figures: ImportFuzzFigures = { postsTried: 0, committed: 0, refused: 0, crashes: 0, writesWhenRefused: 0, logLinesTried: 0, logCrashes: 0, problems: [] };
  const note = (problem: string) => {
    if (figures.problems.length < 20) figures.problems.push(problem);
  };
  try {
    journal.tasks.createMany(Array.from({ length: 10 }, (_, n) => ({ ...generatedTask(4, n), workDate: '2026-03-01' })));
    const posts = [...fixtureFiles(path.join(FIXTURES, 'posts'), /\.txt$/), ...fixtureFiles(path.join(FIXTURES, 'import'), /\.(md|txt|html)$/)].map((file) => ({
      name: path.basename(file),
      text: fs.readFileSync(file, 'utf8'),
    }));
    const changes = journal.db.prepare('SELECT total_changes()').pluck();
    const samples = fc.sample(fc.tuple(mutatedPost(posts), fc.constantFrom(undefined, ...CONFLICT_MODES)), { numRuns: postRuns, seed });
    for (const [post, mode] of samples) {
      figures.postsTried += 1;
      const before = contentHash(journal.db);
      const changesBefore = changes.get();
      try {
        planImport(post.text, existingDaysOf(journal), { fileName: post.name });
      } catch (error) {
        if (!isJournalError(error)) {
          figures.crashes += 1;
          note(`dry run of a mutated ${post.name} threw ${(error as Error).stack?.split('\n').slice(0, 3).join(' ')}`);
        }
      }
      if (changes.get() !== changesBefore && contentHash(journal.db) !== before) {
        figures.writesWhenRefused += 1;
        note(`the dry run of a mutated ${post.name} changed the database`);
      }
      try {
        commitImport(journal, post.text, { fileName: post.name, mode });
        figures.committed += 1;
      } catch (error) {
        figures.refused += 1;
        if (!isJournalError(error)) {
          figures.crashes += 1;
          note(`import of a mutated ${post.name} threw ${(error as Error).stack?.split('\n').slice(0, 3).join(' ')}`);
        }
        if (contentHash(journal.db) !== before) {
          figures.writesWhenRefused += 1;
          note(`a refused import of a mutated ${post.name} left changes behind`);
        }
      }
    }
    const problems = [...integrityProblems(journal.db), ...dayTotalsMismatches(journal.db)];
    if (problems.length > 0) note(`after the imports: ${problems.slice(0, 3).join('; ')}`);

    const logFiles = fixtureFiles(path.join(FIXTURES, 'claude'), /\.jsonl$/);
    const lines = logFiles.flatMap((file) => fs.readFileSync(path.join(file), 'utf8').split('\n').filter((line) => line.trim() !== ''));
    const mutatedLines = fc.sample(mutatedLogLine(lines), { numRuns: logRuns, seed: seed + 1 });
    for (const line of mutatedLines) {
      figures.logLinesTried += 1;
      try {
        readLogLine(line);
      } catch (error) {
        figures.logCrashes += 1;
        note(`readLogLine threw on ${JSON.stringify(line.slice(0, 120))}: ${(error as Error).message}`);
      }
    }
    // The same lines as session files on disk, through the real scan that stores them.
    const root = path.join(folder, 'claude');
    const project = path.join(root, 'projects', '-home-dev-fuzz');
    fs.mkdirSync(project, { recursive: true });
    for (let file = 0; file < 4; file += 1) {
      const chunk = mutatedLines.filter((_, index) => index % 4 === file);
      fs.writeFileSync(path.join(project, `1a2b3c4d-0009-4000-8000-00000000000${file}.jsonl`), `${[...lines.slice(0, 5), ...chunk].join('\n')}\n`);
    }
    try {
      scanAgentLogs(journal.db, [root]);
    } catch (error) {
      figures.logCrashes += 1;
      note(`scanAgentLogs threw: ${(error as Error).message}`);
    }
    const after = integrityProblems(journal.db);
    if (after.length > 0) note(`after the log scan: ${after.join('; ')}`);
  } finally {
    journal.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
  return figures;
}
