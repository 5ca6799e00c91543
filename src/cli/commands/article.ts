import fs from 'node:fs';
import path from 'node:path';
import { Option } from 'commander';
import type { PeriodSpec } from '../../core/publishing/periodArticle.ts';
import { warnLeaks } from '../format.ts';
import { addRedactionFlags, parseDateOption, parseMonthOption, parseWeekOption, redactionProfile, type RedactionFlags } from '../options.ts';
import type { CommandContext, CommandModule } from './context.ts';
import { parseCountOption } from './facts.ts';

interface ArticleFlags extends RedactionFlags {
  week?: string;
  month?: string;
  last?: number;
  from?: string;
  to?: string;
  out?: string;
  charts?: string;
  excludeLowest?: number;
}

function periodOf(flags: ArticleFlags): PeriodSpec {
  const given = [flags.week, flags.month, flags.last, flags.from ?? flags.to].filter((value) => value !== undefined);
  if (given.length !== 1) throw new Error('Give exactly one of --week, --month, --last or --from/--to.');
  if (flags.week) return { week: flags.week };
  if (flags.month) return { month: flags.month };
  if (flags.last !== undefined) return { lastDays: flags.last };
  if (!flags.from || !flags.to) throw new Error('A range needs both --from and --to.');
  return { from: flags.from, to: flags.to };
}

/** `leverage article --week W | --month M | --last N | --from D --to D [--out FILE] [--charts DIR]`. */
export const articleCommand: CommandModule = (context: CommandContext) => {
  const article = context.program
    .command('article')
    .description('a markdown article for a week, a month, the last N days or any range, with optional SVG charts')
    .addOption(new Option('--week <week>', 'an ISO week, e.g. 2026-W09').argParser(parseWeekOption))
    .addOption(new Option('--month <month>', 'a month, e.g. 2026-03').argParser(parseMonthOption))
    .addOption(new Option('--last <days>', 'the last N days up to today').argParser(parseCountOption))
    .addOption(new Option('--from <date>', 'first day of a range').argParser(parseDateOption))
    .addOption(new Option('--to <date>', 'last day of a range').argParser(parseDateOption))
    .option('--out <file>', 'write the markdown to a file instead of stdout')
    .option('--charts <dir>', 'also write SVG charts into this folder and link them from the article')
    .addOption(new Option('--exclude-lowest <n>', 'lowest-leverage tasks set aside in the facts').argParser(parseCountOption));
  // Articles carry no revision note: they are written afresh each time.
  addRedactionFlags(article, { revisionNote: false })
    .action(async (flags: ArticleFlags) => {
      const { exportArticle } = await import('../../core/publishing/publishDay.ts');
      const spec = periodOf(flags);
      const out = flags.out ? context.resolvePath(flags.out) : undefined;
      const chartsDir = flags.charts ? context.resolvePath(flags.charts) : undefined;
      // Links are relative to where the markdown goes, so the pair can be copied to a blog as is.
      const chartsLink = chartsDir ? path.relative(out ? path.dirname(out) : context.resolvePath('.'), chartsDir).split(path.sep).join('/') : undefined;
      const article = exportArticle(context.journal(), spec, { chartsLink, excludeLowest: flags.excludeLowest, profile: redactionProfile(flags) });
      if (chartsDir) {
        fs.mkdirSync(chartsDir, { recursive: true });
        for (const chart of article.charts) fs.writeFileSync(path.join(chartsDir, chart.fileName), chart.svg);
      }
      context.writeOut(article.markdown, flags.out);
      warnLeaks(article.leaks, context.stderr);
      if (flags.out) context.stderr(`Wrote ${out}${chartsDir ? ` and ${article.charts.length} chart(s) in ${chartsDir}` : ''}.\n`);
    });
};
