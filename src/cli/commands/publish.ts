import { Option } from 'commander';
import type { DayRevision } from '../../core/publishing/revisions.ts';
import { today } from '../../shared/metrics/periods.ts';
import { addRedactionFlags, parseDateOption, redactionProfile, type RedactionFlags } from '../options.ts';
import { visible } from '../terminalText.ts';
import { json, leakLines, warnLeaks } from '../format.ts';
import type { CommandContext, CommandModule } from './context.ts';

export function revisionLines(revision: DayRevision): string[] {
  if (!revision.published) return [`${revision.workDate} was never published.`];
  if (!revision.changed) return [`${revision.workDate} is as published on ${revision.publishedAt}.`];
  const lines = [`${revision.workDate} differs from what was published on ${revision.publishedAt}:`];
  for (const task of revision.tasks.added) lines.push(`  + #${task.id} ${task.title}`);
  for (const task of revision.tasks.removed) lines.push(`  - #${task.id} ${task.title}`);
  for (const task of revision.tasks.changed) {
    lines.push(`  ~ #${task.id} ${task.title}: ${task.changes.map((change) => `${change.field} ${String(change.before)} → ${String(change.after)}`).join(', ')}`);
  }
  for (const figure of revision.figures) lines.push(`  ${figure.figure}: ${figure.beforeText} → ${figure.afterText}`);
  if (revision.introChanged) lines.push('  intro edited');
  if (revision.analysisChanged) lines.push('  analysis edited');
  return lines.map(visible);
}

interface PublishFlags extends RedactionFlags {
  date: string;
  out?: string;
  strict?: boolean;
  dryRun?: boolean;
}

/** `leverage publish --date D [--out FILE] [--redact PROFILE | --no-redaction]` and `leverage revision --date D`. */
export const publishCommand: CommandModule = (context: CommandContext) => {
  const publish = context.program
    .command('publish')
    .description("export the day's post and mark it published (stores a snapshot, so later edits show as a revision)")
    .addOption(new Option('--date <date>', 'work date').argParser(parseDateOption).default(today(), 'today'))
    .option('--out <file>', 'write to a file instead of stdout');
  addRedactionFlags(publish, { revisionNote: true })
    .option('--strict', 'refuse to publish when a private name remains in the output')
    .option('--dry-run', 'export (redacted, with any revision note) without marking the day published')
    .action(async (flags: PublishFlags) => {
      const { exportDay, publishDay } = await import('../../core/publishing/publishDay.ts');
      const journal = context.journal();
      const options = {
        profile: redactionProfile(flags),
        revisionNote: flags.revisionNote !== false,
      };
      if (flags.strict || flags.dryRun) {
        const preview = exportDay(journal, flags.date, options);
        if (flags.dryRun) {
          context.writeOut(preview.markdown, flags.out);
          warnLeaks(preview.leaks, context.stderr);
          return;
        }
        if (preview.leaks.length > 0) {
          throw new Error(`Not published: ${preview.leaks.length} private name(s) remain in the output:\n${leakLines(preview.leaks).join('\n')}`);
        }
      }
      // With --out, the file is written (atomically) before the day is recorded as published.
      const published = publishDay(journal, flags.date, { ...options, deliver: flags.out ? (markdown) => context.writeOut(markdown, flags.out) : undefined });
      if (!flags.out) context.writeOut(published.markdown, undefined);
      const redaction = published.profile ? `, redacted with "${published.profile}" (${published.replacements.length} replacement(s))` : '';
      context.stderr(`Published ${flags.date} (snapshot ${published.snapshotId}${redaction}${published.note ? ', with a revision note' : ''}).\n`);
      warnLeaks(published.leaks, context.stderr);
    });

  context.program
    .command('revision')
    .description('how a published day differs from what was published (tasks and figures)')
    .addOption(new Option('--date <date>', 'work date').argParser(parseDateOption).makeOptionMandatory())
    .option('--json', 'print JSON')
    .action(async (flags: { date: string; json?: boolean }) => {
      const { dayRevision } = await import('../../core/publishing/publishDay.ts');
      const revision = dayRevision(context.journal(), flags.date);
      context.stdout(flags.json ? json(revision) : `${revisionLines(revision).join('\n')}\n`);
    });
};
