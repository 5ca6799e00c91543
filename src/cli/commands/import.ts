import fs from 'node:fs';
import { Option } from 'commander';
import { isJournalError } from '../../core/errors.ts';
import type { ConflictMode } from '../../core/import/commitImport.ts';
import { checkInputSize } from '../../core/import/limits.ts';
import type { ParsedPost } from '../../core/import/model.ts';
import type { DayPlan, ImportReport } from '../../core/import/planImport.ts';
import { statedView } from '../../core/import/importView.ts';
import { toStatsJson } from '../../shared/metrics/summary.ts';
import { formatFactor } from '../../shared/units/factor.ts';
import { formatTokenTotal } from '../../shared/units/tokens.ts';
import { parseDateOption } from '../options.ts';
import type { CommandModule } from './context.ts';
import { json } from '../format.ts';

interface ImportFlags {
  dryRun?: boolean;
  json?: boolean;
  date?: string;
  merge?: boolean;
  replace?: boolean;
}

/** The `--json` shape the issue specifies: days with tasks, computed stats and stated figures, and warnings. */
export function importReportJson(reports: readonly ImportReport[]) {
  return {
    days: reports.flatMap((report) =>
      report.days.map((day) => ({
        date: day.date,
        tasks: day.tasks.map((task) => ({
          title: task.title,
          humanHours: task.humanSeconds / 3600,
          agentMinutes: task.agentSeconds / 60,
          supervisionMinutes: task.supervisionSeconds === null ? null : task.supervisionSeconds / 60,
          tokens: task.tokens,
          statedFactor: task.statedFactor?.value ?? null,
          statedSupervisoryFactor: task.statedSupervisoryFactor?.value ?? null,
        })),
        stats: toStatsJson(day.summary),
        stated: statedView(day.stated),
      })),
    ),
    warnings: reports.flatMap((report) => report.warnings),
  };
}

const STATUS_TEXT = { new: 'new day', duplicate: 'already imported (unchanged)', conflict: 'day already holds other tasks' } as const;

function dayLines(day: DayPlan): string[] {
  const s = day.summary;
  return [
    `${day.date}  ${day.tasks.length} task(s)  ${STATUS_TEXT[day.status]}`,
    `  ${s.humanSeconds / 3600}h human-equivalent, ${s.agentSeconds / 60}min agent, tokens ${formatTokenTotal(s.tokens)}${s.tokensFromDayTotal ? ' (day total)' : ''}${s.tasksWithoutTokens > 0 && !s.tokensFromDayTotal ? ` (${s.tasksWithoutTokens} task(s) without)` : ''}, leverage ${formatFactor(s.leverage)}`,
    ...(day.mismatches.length === 0 && day.unparsed.length === 0 ? ['  every stated figure agrees with the rows'] : []),
  ];
}

/** Reads one input as bytes: a file (refused by its size before it is read) or `-` for stdin (read up to the limit). */
async function readInput(file: string, full: string, stdin: AsyncIterable<Uint8Array | string> | undefined): Promise<Uint8Array> {
  if (file === '-') {
    if (!stdin) throw new Error('stdin: there is no standard input to read.');
    const chunks: Buffer[] = [];
    let bytes = 0;
    for await (const chunk of stdin) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
      bytes += buffer.byteLength;
      checkInputSize('stdin', bytes);
      chunks.push(buffer);
    }
    return Buffer.concat(chunks);
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(full);
  } catch {
    throw new Error(`There is no file ${file}.`);
  }
  if (!stat.isFile()) throw new Error(`${file}: is not a file.`);
  checkInputSize(file, stat.size);
  return fs.readFileSync(full);
}

export const importCommand: CommandModule = ({ program, journal, stdout, stdin, readerEntry, resolvePath }) => {
  program
    .command('import')
    .description('import published Leverage Record posts: markdown, HTML, or text copied from the page (- reads stdin)')
    .argument('<files...>', 'post files, or - for standard input')
    .option('--dry-run', 'show what would be imported; write nothing')
    .option('--json', 'print one JSON object')
    .addOption(new Option('--date <date>', 'the date of a pasted post without its title line').argParser(parseDateOption))
    .addOption(new Option('--merge', 'add the post\'s tasks to a day that already has others').conflicts('replace'))
    .addOption(new Option('--replace', 'replace the tasks of a day that already has others').conflicts('merge'))
    .action(async (files: string[], flags: ImportFlags) => {
      const { commitPosts, existingDaysOf } = await import('../../core/import/commitImport.ts');
      const { planPosts } = await import('../../core/import/planImport.ts');
      const { workerPostReader, sharedPostReader } = await import('../../core/import/readInWorker.ts');
      const { decodeInput } = await import('../../core/import/readPosts.ts');
      const { writeTransaction } = await import('../../core/store/database.ts');
      const mode: ConflictMode | undefined = flags.merge ? 'merge' : flags.replace ? 'replace' : undefined;
      const options = (fileName: string) => ({ fileName, date: flags.date ?? null });
      const read = readerEntry ? workerPostReader(readerEntry) : sharedPostReader();
      // Every input is read (in a worker, outside any transaction) before the journal is touched.
      const inputs: { fileName: string; posts: ParsedPost[] | null; refusal: string | null }[] = [];
      for (const file of files) {
        const fileName = file === '-' ? 'stdin' : file;
        try {
          const text = decodeInput(await readInput(file, resolvePath(file), stdin), fileName);
          inputs.push({ fileName, posts: await read(text, options(fileName)), refusal: null });
        } catch (error) {
          if (!flags.dryRun || !isJournalError(error)) throw error;
          inputs.push({ fileName, posts: null, refusal: error.message });
        }
      }
      const print = (reports: ImportReport[], lines: string[]) => {
        if (flags.json) return stdout(json(importReportJson(reports)));
        const warnings = reports.flatMap((report) => report.warnings).map((warning) => `warning: ${warning}`);
        stdout(`${[...lines, ...warnings].join('\n')}\n`);
      };
      if (flags.dryRun) {
        const reports = inputs.map(({ fileName, posts, refusal }) =>
          posts ? planPosts(posts, existingDaysOf(journal()), options(fileName)) : { days: [], warnings: [], errors: [refusal ?? ''] },
        );
        const lines = reports.flatMap((report) => report.days.flatMap(dayLines));
        // stdout holds the report even when a day fails; the failure is the one stderr line and exit 1.
        print(reports, [...lines, 'Dry run: nothing written.']);
        const errors = reports.flatMap((report) => report.errors);
        if (errors.length > 0) throw new Error(errors.join(' '));
        return;
      }
      // One transaction across every file: all of them are imported or none.
      const outcomes = writeTransaction(journal().db, () =>
        inputs.map(({ fileName, posts }) => commitPosts(journal(), posts ?? [], { ...options(fileName), mode })),
      );
      const lines = outcomes.flatMap((outcome) =>
        outcome.days.map((day) => `${day.date}: ${day.action}, ${day.tasksAdded} task(s) added${day.tasksRemoved > 0 ? `, ${day.tasksRemoved} replaced (undo: leverage undelete ID)` : ''}`),
      );
      print(outcomes.map((outcome) => outcome.report), lines);
    });
};
