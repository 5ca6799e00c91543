import { Option } from 'commander';
import type { RedactionProfileSetting } from '../../shared/domain/settings.ts';
import { parseDateOption } from '../options.ts';
import type { CommandContext, CommandModule } from './context.ts';
import { json, leakLines } from '../format.ts';

/** `leverage redaction list | alias | unalias | use | preview`: profiles live in settings; stored tasks are never changed. */
export const redactionCommand: CommandModule = (context: CommandContext) => {
  const redaction = context.program.command('redaction').description('redaction profiles: private names → public phrases, applied on export only');

  const profiles = () => context.journal().settings.get().redactionProfiles;
  const save = (next: RedactionProfileSetting[], active?: string | null) =>
    context.journal().settings.update({ redactionProfiles: next, ...(active !== undefined ? { activeRedactionProfile: active } : {}) });

  redaction
    .command('list')
    .description('list the profiles and their aliases')
    .option('--json', 'print JSON')
    .action((flags: { json?: boolean }) => {
      const settings = context.journal().settings.get();
      if (flags.json) {
        context.stdout(json({ active: settings.activeRedactionProfile, profiles: settings.redactionProfiles }));
        return;
      }
      if (settings.redactionProfiles.length === 0) context.stdout('No redaction profiles. Add one: leverage redaction alias --profile NAME FROM TO\n');
      for (const profile of settings.redactionProfiles) {
        context.stdout(`${profile.name}${profile.name === settings.activeRedactionProfile ? ' (active)' : ''}\n`);
        for (const alias of profile.aliases) context.stdout(`  ${alias.from} → ${alias.to}\n`);
      }
    });

  redaction
    .command('alias')
    .description('add or change an alias in a profile (the profile is created if needed)')
    .requiredOption('--profile <name>', 'profile name')
    .argument('<from>', 'the private name')
    .argument('<to>', 'the public phrase')
    .action((from: string, to: string, flags: { profile: string }) => {
      const current = profiles();
      const existing = current.find((profile) => profile.name === flags.profile) ?? { name: flags.profile, aliases: [] };
      const aliases = [...existing.aliases.filter((alias) => alias.from !== from.trim()), { from: from.trim(), to }];
      save([...current.filter((profile) => profile.name !== flags.profile), { name: flags.profile, aliases }]);
      context.stdout(`${flags.profile}: ${from.trim()} → ${to}\n`);
    });

  redaction
    .command('unalias')
    .description('remove an alias from a profile')
    .requiredOption('--profile <name>', 'profile name')
    .argument('<from>', 'the private name')
    .action((from: string, flags: { profile: string }) => {
      const current = profiles();
      const profile = current.find((entry) => entry.name === flags.profile);
      if (!profile || !profile.aliases.some((alias) => alias.from === from)) throw new Error(`Profile "${flags.profile}" has no alias for "${from}".`);
      save(current.map((entry) => (entry === profile ? { ...entry, aliases: entry.aliases.filter((alias) => alias.from !== from) } : entry)));
      context.stdout(`${flags.profile}: removed ${from}\n`);
    });

  redaction
    .command('use')
    .description('make a profile the active one (applied by default on publish); --none to clear')
    .argument('[name]', 'profile name')
    .option('--none', 'no active profile')
    .action((name: string | undefined, flags: { none?: boolean }) => {
      if (flags.none) {
        save(profiles(), null);
        context.stdout('No active redaction profile.\n');
        return;
      }
      if (!name || !profiles().some((profile) => profile.name === name)) throw new Error(`There is no redaction profile "${name ?? ''}".`);
      save(profiles(), name);
      context.stdout(`Active redaction profile: ${name}\n`);
    });

  redaction
    .command('preview')
    .description("every replacement the profile would make in the day's post, and every private name that would remain")
    .addOption(new Option('--date <date>', 'work date').argParser(parseDateOption).makeOptionMandatory())
    .option('--profile <name>', 'profile (default: the active one)')
    .option('--json', 'print JSON')
    .action(async (flags: { date: string; profile?: string; json?: boolean }) => {
      const { exportDay } = await import('../../core/publishing/publishDay.ts');
      const exported = exportDay(context.journal(), flags.date, { profile: flags.profile });
      if (flags.json) {
        context.stdout(json({ profile: exported.profile, replacements: exported.replacements, leaks: exported.leaks }));
        return;
      }
      if (!exported.profile) throw new Error('No redaction profile: give --profile NAME or set one with `leverage redaction use NAME`.');
      const lines = [`Profile "${exported.profile}": ${exported.replacements.length} replacement(s), ${exported.leaks.length} remaining occurrence(s).`];
      for (const entry of exported.replacements) lines.push(`  line ${entry.line}:${entry.column}  "${entry.original}" → "${entry.replacement}"  ${entry.context}`);
      if (exported.leaks.length > 0) lines.push('Remaining (inside a word, identifier or path: edit the text or add an alias):', ...leakLines(exported.leaks));
      context.stdout(`${lines.join('\n')}\n`);
    });
};
