import type { Settings } from '../../../shared/domain/settings.ts';

/** The active profile if it still exists (a stale name exports unredacted, as the core does). */
export function activeProfileName(settings: Pick<Settings, 'redactionProfiles' | 'activeRedactionProfile'>): string | null {
  const name = settings.activeRedactionProfile;
  return name !== null && settings.redactionProfiles.some((profile) => profile.name === name) ? name : null;
}

// exportDay appends the note as the post's last paragraph ("\n_Revised on …_\n"); it names no task,
// so redaction never changes it and it can be taken off the preview when the user leaves it out.
const TRAILING_NOTE = /\n_Revised on [^\n]*_\n$/;

/** The exported markdown without its trailing "Revised on" note (unchanged when it has none). */
export function withoutRevisionNote(markdown: string): string {
  return markdown.replace(TRAILING_NOTE, '');
}

/** The trailing "Revised on" note of an exported post, without its underscores; null when there is none. */
export function revisionNoteOf(markdown: string): string | null {
  const match = TRAILING_NOTE.exec(markdown);
  return match ? match[0].trim().replace(/^_|_$/g, '') : null;
}
