import fs from 'node:fs';
import { Option } from 'commander';
import { DATA_FORMATS, type DataFormat } from '../../core/data/dataFormats.ts';
import { today } from '../../shared/metrics/periods.ts';
import { warnLeaks } from '../format.ts';
import { addRedactionFlags, parseDateOption, redactionProfile, resolveRange, type RangeOptions, type RedactionFlags } from '../options.ts';
import type { CommandContext, CommandModule } from './context.ts';
import { addRangeFlags } from './tasks.ts';

/** `leverage export` (the day's post, through the app's one exporter), `export-data` and `import-data`. */
export const exportCommands: CommandModule = (context: CommandContext) => {
  const { program, writeOut } = context;
  const io = context;
  const open = context.journal;
  const resolveFile = context.resolvePath;

  addRedactionFlags(
    program
      .command('export')
      .description("the day's Leverage Record post as markdown, as the app saves it (redacted with the active profile, with any revision note)")
      .addOption(new Option('--date <date>', 'work date').argParser(parseDateOption).default(today(), 'today'))
      .option('--out <file>', 'write to a file instead of stdout'),
    { revisionNote: true },
  ).action(async (flags: RedactionFlags & { date: string; out?: string }) => {
    const { exportDay } = await import('../../core/publishing/publishDay.ts');
    const exported = exportDay(open(), flags.date, { profile: redactionProfile(flags), revisionNote: flags.revisionNote !== false });
    writeOut(exported.markdown, flags.out);
    warnLeaks(exported.leaks, io.stderr);
  });

  addRangeFlags(program.command('export-data').description("export tasks in the app's own CSV or JSON format"))
    .addOption(new Option('--format <format>', 'csv or json').choices(DATA_FORMATS).makeOptionMandatory())
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (flags: RangeOptions & { format: DataFormat; out?: string }) => {
      const range = resolveRange(flags, null);
      const { exportData } = await import('../../core/data/dataTransfer.ts');
      writeOut(exportData(open(), flags.format, range ?? undefined), flags.out);
    });

  program
    .command('import-data')
    .description('import tasks from a CSV or JSON export (all or nothing; tasks already in the journal are recognised, prose is never blanked)')
    .argument('<file>', 'the file to import')
    .addOption(new Option('--format <format>', 'csv or json (default: from the file name)').choices(DATA_FORMATS))
    .addOption(new Option('--merge', 'a day that holds other tasks gets only the tasks not there yet (the default)').conflicts(['replace', 'skip']))
    .addOption(new Option('--replace', "a day that holds other tasks gets the file's tasks instead (the old ones are deleted, undoable)").conflicts(['skip']))
    .option('--skip', 'a day that holds other tasks is left as it is')
    .action(async (file: string, flags: { format?: DataFormat; merge?: boolean; replace?: boolean; skip?: boolean }) => {
      const text = fs.readFileSync(resolveFile(file), 'utf8');
      const { detectFormat, importData, parseData } = await import('../../core/data/dataTransfer.ts');
      const { createBackup } = await import('../../core/backup/backupService.ts');
      const { backupFolderFor } = await import('../../core/paths.ts');
      const format = flags.format ?? detectFormat(file, text);
      parseData(text, format); // refused before anything is written, the backup included
      const journal = open();
      const backup = await createBackup(journal.db, backupFolderFor(journal.path), 'before-import');
      const result = importData(journal, text, format, flags.replace ? 'replace' : flags.skip ? 'skip' : 'merge');
      const notes = [
        result.duplicates > 0 ? `${result.duplicates} already in the journal` : '',
        result.replaced > 0 ? `${result.replaced} replaced (undo with leverage undelete)` : '',
        result.skippedDays.length > 0 ? `days skipped: ${result.skippedDays.join(', ')}` : '',
      ].filter((note) => note !== '');
      io.stdout(`Imported ${result.tasks} task(s) and ${result.days} day record(s)${notes.length > 0 ? ` (${notes.join('; ')})` : ''}. Backup first: ${backup.path}\n`);
    });
};
