import { Option } from 'commander';
import { backupFolderFor, resolveDatabasePath } from '../../core/paths.ts';
import type { CommandContext, CommandModule } from './context.ts';
import { json } from '../format.ts';

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(2)} MB`;
}

/** `leverage backup`, `leverage backups`, `leverage restore FILE`, `leverage moved-aside`. */
export const backupCommands: CommandModule = (context: CommandContext) => {
  const { program } = context;
  // The data path without opening it: restore must not hold a connection to the file it replaces.
  const databasePath = () => resolveDatabasePath(program.opts<{ db?: string }>().db, context.env);

  program
    .command('backup')
    .description("write a backup of the journal now (default: into the backups folder beside it)")
    .option('--out <file>', 'write the backup to this file instead (never overwrites)')
    .action(async (flags: { out?: string }) => {
      const journal = context.journal();
      const { backupToFile, createBackup } = await import('../../core/backup/backupService.ts');
      const backup = flags.out
        ? await backupToFile(journal.db, context.resolvePath(flags.out))
        : await createBackup(journal.db, backupFolderFor(journal.path), 'manual');
      context.stdout(`Backup written: ${backup.path} (${megabytes(backup.bytes)})\n`);
    });

  program
    .command('backups')
    .description('list the backups in the backups folder, newest first')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      const { listBackups } = await import('../../core/backup/backupFiles.ts');
      const folder = backupFolderFor(databasePath());
      const backups = listBackups(folder);
      if (flags.json) {
        context.stdout(json(backups));
      } else if (backups.length === 0) {
        context.stdout(`No backups in ${folder}.\n`);
      } else {
        context.stdout(`${backups.map((backup) => `${backup.createdAt}  ${backup.kind.padEnd(16)}  ${megabytes(backup.bytes).padStart(10)}  ${backup.path}`).join('\n')}\n`);
      }
    });

  program
    .command('restore')
    .description('replace the journal with a backup (the current journal is backed up first)')
    .argument('<file>', 'the backup file')
    .addOption(new Option('--yes', 'do it (without --yes, only say what would happen)'))
    .action(async (file: string, flags: { yes?: boolean }) => {
      const source = context.resolvePath(file);
      const target = databasePath();
      const { inspectDatabaseFile } = await import('../../core/backup/inspectDatabase.ts');
      const { restoreBackup } = await import('../../core/backup/restoreBackup.ts');
      const report = inspectDatabaseFile(source, { exactSchema: true });
      const summary = `${source} (schema ${report.schemaVersion}, ${report.tasks} task row(s))`;
      if (!flags.yes) {
        throw new Error(`This would replace ${target} with ${summary}; the current journal would be backed up first. Nothing was changed: run again with --yes to restore.`);
      }
      const result = await restoreBackup(target, source);
      const kept = result.safetyBackup
        ? `The journal it replaced was backed up to ${result.safetyBackup.path}.`
        : result.movedAside
          ? `The unreadable file it replaced was moved to ${result.movedAside}.`
          : 'There was no journal to replace.';
      context.stdout(`Restored ${summary} into ${target}. ${kept}\n`);
    });

  program
    .command('moved-aside')
    .description('journal files an earlier start moved aside and not yet decided about; --dismiss stops the reminder')
    .option('--dismiss', 'keep the files where they are and stop naming them at every start')
    .action(async (flags: { dismiss?: boolean }) => {
      const { pendingMovedAside, settleMovedAside } = await import('../../core/store/recovery.ts');
      const file = databasePath();
      const entries = pendingMovedAside(file);
      if (flags.dismiss) {
        settleMovedAside(file);
        context.stdout(entries.length === 0 ? 'Nothing was waiting.\n' : `Dismissed; the file(s) stay where they are:\n${entries.map((entry) => `  ${entry.path}`).join('\n')}\n`);
        return;
      }
      context.stdout(
        entries.length === 0
          ? 'No journal file is waiting for a decision.\n'
          : `${entries.map((entry) => `${entry.at}  ${entry.path}\n  ${entry.reason}`).join('\n')}\nRestore one with: leverage restore FILE --yes; or: leverage moved-aside --dismiss\n`,
      );
    });
};
