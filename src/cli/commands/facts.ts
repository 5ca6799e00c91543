import { InvalidArgumentError, Option } from 'commander';
import { json, warnLeaks } from '../format.ts';
import { addRedactionFlags, parseDateOption, parseWeekOption, redactionProfile, type RedactionFlags } from '../options.ts';
import type { CommandContext, CommandModule } from './context.ts';

export function parseCountOption(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 10_000) throw new InvalidArgumentError(`"${value}" is not a count (a whole number, 0 or more).`);
  return Number(value);
}

/** `leverage facts --date D | --week W [--exclude-lowest N] [--json]`. */
export const factsCommand: CommandModule = (context: CommandContext) => {
  const facts = context.program
    .command('facts')
    .description('analysis facts computed from the data for a day or an ISO week (each one sentence, ready to paste)')
    .addOption(new Option('--date <date>', 'a day, YYYY-MM-DD or "today"').argParser(parseDateOption))
    .addOption(new Option('--week <week>', 'an ISO week, e.g. 2026-W09').argParser(parseWeekOption).conflicts('date'))
    .addOption(new Option('--exclude-lowest <n>', 'how many lowest-leverage tasks the "excluding …" fact sets aside (default: those under a quarter of the weighted average)').argParser(parseCountOption))
    .option('--json', 'print a JSON list of { kind, text, figures }');
  addRedactionFlags(facts, { revisionNote: false })
    .action(async (flags: RedactionFlags & { date?: string; week?: string; excludeLowest?: number; json?: boolean }) => {
      const { dayFacts, weekFacts } = await import('../../core/publishing/journalFacts.ts');
      const { exportFacts } = await import('../../core/publishing/publishDay.ts');
      if (!flags.date && !flags.week) throw new Error('Give --date YYYY-MM-DD or --week YYYY-Www.');
      const options = { excludeLowest: flags.excludeLowest };
      const journal = context.journal();
      const computed = flags.week ? weekFacts(journal, flags.week, options) : dayFacts(journal, flags.date as string, options);
      const exported = exportFacts(computed, journal, redactionProfile(flags));
      if (flags.json) context.stdout(json(exported.facts));
      else context.stdout(exported.facts.length === 0 ? 'No tasks: no facts.\n' : `${exported.facts.map((fact) => `- ${fact.text}`).join('\n')}\n`);
      warnLeaks(exported.leaks, context.stderr);
    });
};
