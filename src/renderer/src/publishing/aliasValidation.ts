import { redactionProfileSchema, type RedactionProfileSetting } from '../../../shared/domain/settings.ts';

type Alias = RedactionProfileSetting['aliases'][number];
const aliasSchema = redactionProfileSchema.shape.aliases.element;

/** Why an alias cannot be added to a profile (the settings schema's rules plus no duplicate), or null. */
export function aliasError(profile: RedactionProfileSetting, alias: Alias): string | null {
  const parsed = aliasSchema.safeParse(alias);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `${issue?.path[0] === 'to' ? 'The public phrase' : 'The private name'} ${issue?.message ?? 'is not valid'}.`;
  }
  const from = parsed.data.from.toLowerCase();
  if (profile.aliases.some((existing) => existing.from.trim().toLowerCase() === from)) return `“${parsed.data.from}” already has an alias in this profile.`;
  if (parsed.data.from === parsed.data.to.trim()) return 'The public phrase must differ from the private name.';
  return null;
}

/** Why a new profile name is not usable, or null. */
export function profileNameError(profiles: readonly RedactionProfileSetting[], name: string): string | null {
  const parsed = redactionProfileSchema.shape.name.safeParse(name);
  if (!parsed.success) return `The profile name ${parsed.error.issues[0]?.message ?? 'is not valid'}.`;
  if (profiles.some((profile) => profile.name === parsed.data)) return `There is already a profile named “${parsed.data}”.`;
  return null;
}
