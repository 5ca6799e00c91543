import fs from 'node:fs';
import path from 'node:path';
import { Option } from 'commander';
import type { ConflictMode } from '../../core/import/commitImport.ts';
import type { DayPlan, ImportReport } from '../../core/import/planImport.ts';
import { statedView } from '../../core/import/importView.ts';
import { toStatsJson } from '../../shared/metrics/summary.ts';
import { formatFactor } from '../../shared/units/factor.ts';
import { formatTokenTotal } from '../../shared/units/tokens.ts';
import { parseDateOption } from '../options.ts';
import type { CommandModule } from './context.ts';

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

export const importCommand: CommandModule = ({ program, journal, stdout, resolvePath }) => {
  program
    .command('import')
    .description('import published Leverage Record posts (markdown or text copied from the page)')
    .argument('<files...>', 'post files')
    .option('--dry-run', 'show what would be imported; write nothing')
    .option('--json', 'print one JSON object')
    .addOption(new Option('--date <date>', 'the date of a pasted post without its title line').argParser(parseDateOption))
    .addOption(new Option('--merge', 'add the post\'s tasks to a day that already has others').conflicts('replace'))
    .addOption(new Option('--replace', 'replace the tasks of a day that already has others').conflicts('merge'))
    .action(async (files: string[], flags: ImportFlags) => {
      const { commitImport, existingDaysOf } = await import('../../core/import/commitImport.ts');
      const { planImport } = await import('../../core/import/planImport.ts');
      const { writeTransaction } = await import('../../core/store/database.ts');
      const mode: ConflictMode | undefined = flags.merge ? 'merge' : flags.replace ? 'replace' : undefined;
      const inputs = files.map((file) => {
        const full = resolvePath(file);
        if (!fs.existsSync(full)) throw new Error(`There is no file ${file}.`);
        return { fileName: path.basename(full), text: fs.readFileSync(full, 'utf8') };
      });
      const options = (fileName: string) => ({ fileName, date: flags.date ?? null });
      const print = (reports: ImportReport[], lines: string[]) => {
        if (flags.json) return stdout(`${JSON.stringify(importReportJson(reports), null, 2)}\n`);
        const warnings = reports.flatMap((report) => report.warnings).map((warning) => `warning: ${warning}`);
        stdout(`${[...lines, ...warnings].join('\n')}\n`);
      };
      if (flags.dryRun) {
        const reports = inputs.map(({ fileName, text }) => planImport(text, existingDaysOf(journal()), options(fileName)));
        const lines = reports.flatMap((report) => report.days.flatMap(dayLines));
        print(reports, [...lines, 'Dry run: nothing written.']);
        const errors = reports.flatMap((report) => report.errors);
        if (errors.length > 0) throw new Error(errors.join(' '));
        return;
      }
      // One transaction across every file: all of them are imported or none.
      const outcomes = writeTransaction(journal().db, () =>
        inputs.map(({ fileName, text }) => commitImport(journal(), text, { ...options(fileName), mode })),
      );
      const lines = outcomes.flatMap((outcome) =>
        outcome.days.map((day) => `${day.date}: ${day.action}, ${day.tasksAdded} task(s) added${day.tasksRemoved > 0 ? `, ${day.tasksRemoved} replaced (undo: leverage undelete ID)` : ''}`),
      );
      print(outcomes.map((outcome) => outcome.report), lines);
    });
};
