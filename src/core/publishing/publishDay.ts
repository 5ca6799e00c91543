import { today } from '../../shared/metrics/periods.ts';
import { JournalError } from '../errors.ts';
import type { Journal } from '../journal.ts';
import { writeTransaction } from '../store/database.ts';
import { escapeTableCell } from '../post/dailyPost.ts';
import { findProfile, redact, type Alias, type Leak, type Replacement } from './redaction.ts';
import { compareWithSnapshot, revisionNote, type DayRevision } from './revisions.ts';

export interface DayExportOptions {
  /** A redaction profile name; undefined uses the active profile from settings, null exports unredacted. */
  profile?: string | null | undefined;
  /** Add the "Revised on …" note when the day differs from what was published (default true). */
  revisionNote?: boolean | undefined;
  /** The date the export happens ("YYYY-MM-DD"); defaults to today. */
  on?: string | undefined;
}

export interface DayExport {
  workDate: string;
  markdown: string;
  profile: string | null;
  replacements: Replacement[];
  leaks: Leak[];
  revision: DayRevision;
  note: string | null;
}

/** How the day now differs from its last published snapshot. */
export function dayRevision(journal: Journal, date: string): DayRevision {
  const day = journal.days.get(date);
  return compareWithSnapshot(
    { workDate: date, tasks: journal.tasks.listByDate(date), intro: day.intro, analysis: day.analysis, dayTokens: day.dayTokens },
    journal.snapshots.latest(date),
  );
}

/**
 * The aliases plus, where it differs, each name as the post's table cells write it ("AT&T" is
 * "AT&amp;T" in the Task Log): otherwise a name with &, <, > or | would slip past both the
 * replacement and the leak check.
 */
export function markdownAliases(aliases: readonly Alias[]): Alias[] {
  const escaped = aliases
    .map((alias) => ({ from: escapeTableCell(alias.from), to: escapeTableCell(alias.to) }))
    .filter((variant, index) => variant.from !== aliases[index]?.from);
  return [...aliases, ...escaped];
}

function profileFor(journal: Journal, requested: string | null | undefined) {
  const settings = journal.settings.get();
  const name = requested === undefined ? settings.activeRedactionProfile : requested;
  if (name === null || name === '') return null;
  const profile = findProfile(settings.redactionProfiles, name);
  if (!profile) {
    if (requested === undefined) return null; // a stale active profile name does not block exporting
    const known = settings.redactionProfiles.map((entry) => entry.name);
    throw new JournalError('NOT_FOUND', `There is no redaction profile "${name}"${known.length > 0 ? ` (profiles: ${known.join(', ')})` : ''}.`);
  }
  return profile;
}

/**
 * The day's post as it would be published: the daily post, a "Revised on …" note when it was
 * published before and has changed since, then the redaction profile applied to the whole text.
 * Reads only: the stored data is never altered.
 */
export function exportDay(journal: Journal, date: string, options: DayExportOptions = {}): DayExport {
  const revision = dayRevision(journal, date);
  const note = options.revisionNote === false ? null : revisionNote(revision, options.on ?? today());
  const post = journal.dailyPost(date);
  const text = note ? `${post}\n${note}\n` : post;
  const profile = profileFor(journal, options.profile);
  if (!profile) return { workDate: date, markdown: text, profile: null, replacements: [], leaks: [], revision, note };
  const result = redact(text, markdownAliases(profile.aliases));
  return { workDate: date, markdown: result.text, profile: profile.name, replacements: result.replacements, leaks: result.leaks, revision, note };
}

export interface PublishedDay extends DayExport {
  snapshotId: number;
  publishedAt: string;
}

/**
 * Exports the day and marks it published: stores a snapshot of its tasks and text (so later edits
 * show as a revision) and sets the publication date if none was set, in one transaction.
 */
export function publishDay(journal: Journal, date: string, options: DayExportOptions = {}): PublishedDay {
  return writeTransaction(journal.db, () => {
    const day = journal.days.get(date);
    const tasks = journal.tasks.listByDate(date);
    if (tasks.length === 0) throw new JournalError('INVALID_INPUT', `${date} has no tasks: there is nothing to publish.`);
    if (day.publicationDate === null) journal.days.update(date, { publicationDate: options.on ?? today() });
    const exported = exportDay(journal, date, options);
    const publishedAt = new Date().toISOString();
    const snapshotId = journal.snapshots.add({
      workDate: date,
      publishedAt,
      tasks,
      intro: day.intro,
      analysis: day.analysis,
      markdown: exported.markdown,
      redactionProfile: exported.profile,
    });
    return { ...exported, snapshotId, publishedAt };
  });
}
