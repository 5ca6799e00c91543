import { today } from '../../shared/metrics/periods.ts';
import { JournalError } from '../errors.ts';
import type { Journal } from '../journal.ts';
import { writeTransaction } from '../store/database.ts';
import { escapeTableCell } from '../post/dailyPost.ts';
import { findProfile, redact, type Alias, type Leak, type Replacement } from './redaction.ts';
import type { Fact, FigureValue } from './facts.ts';
import { periodArticle, type ArticleOptions, type PeriodArticle, type PeriodSpec } from './periodArticle.ts';
import { compareWithSnapshot, revisionNote, type DayRevision } from './revisions.ts';

export interface DayExportOptions {
  /** A redaction profile name; undefined uses the active profile from settings, null exports unredacted. */
  profile?: string | null | undefined;
  /** Add the "Revised on …" note when the day differs from what was published (default true). */
  revisionNote?: boolean | undefined;
  /** The date the export happens ("YYYY-MM-DD"); defaults to today. */
  on?: string | undefined;
}

export interface PublishOptions extends DayExportOptions {
  /**
   * Delivers the post (e.g. writes `--out FILE`) inside the publishing transaction: when it throws
   * (a full disk), nothing is recorded, so a day is never marked published with a missing post.
   */
  deliver?: ((markdown: string) => void) | undefined;
}

export interface DayExport extends ExportedText {
  workDate: string;
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

/** Text as it leaves the journal: redacted with the chosen profile, with what was replaced and what remains. */
export interface ExportedText {
  markdown: string;
  profile: string | null;
  replacements: Replacement[];
  leaks: Leak[];
}

/**
 * The one exporter: every text that leaves the journal (the day's post, a period article, analysis
 * facts) passes here, so the CLI and the app apply the same profile the same way. `profile`
 * undefined uses the active profile, null none. Reads only: the stored data is never altered.
 */
export function exportText(journal: Journal, text: string, profile: string | null | undefined): ExportedText {
  const chosen = profileFor(journal, profile);
  if (!chosen) return { markdown: text, profile: null, replacements: [], leaks: [] };
  const result = redact(text, markdownAliases(chosen.aliases));
  return { markdown: result.text, profile: chosen.name, replacements: result.replacements, leaks: result.leaks };
}

/**
 * The day's post as it would be published: the daily post, a "Revised on …" note when it was
 * published before and has changed since, then the redaction profile applied to the whole text.
 */
export function exportDay(journal: Journal, date: string, options: DayExportOptions = {}): DayExport {
  const revision = dayRevision(journal, date);
  const note = options.revisionNote === false ? null : revisionNote(revision, options.on ?? today());
  const post = journal.dailyPost(date);
  return { workDate: date, ...exportText(journal, note ? `${post}\n${note}\n` : post, options.profile), revision, note };
}

/** A period article as it would be published: every field escaped (periodArticle), then redacted. */
export function exportArticle(journal: Journal, spec: PeriodSpec, options: ArticleOptions & Pick<DayExportOptions, 'profile'> = {}): PeriodArticle & ExportedText {
  const article = periodArticle(journal, spec, options);
  return { ...article, ...exportText(journal, article.markdown, options.profile) };
}

/** Analysis facts as they would be published: each sentence and each text figure redacted. */
export function exportFacts(facts: readonly Fact[], journal: Journal, profile: string | null | undefined): { facts: Fact[]; profile: string | null; leaks: Leak[] } {
  const leaks: Leak[] = [];
  const redacted = (text: string) => {
    const exported = exportText(journal, text, profile);
    leaks.push(...exported.leaks);
    return exported.markdown;
  };
  const figure = (value: FigureValue): FigureValue =>
    typeof value === 'string' ? redacted(value) : Array.isArray(value) && value.every((item) => typeof item === 'string') ? value.map(redacted) : value;
  const out = facts.map((fact) => ({
    kind: fact.kind,
    text: redacted(fact.text),
    figures: Object.fromEntries(Object.entries(fact.figures).map(([key, value]) => [key, figure(value)])),
  }));
  return { facts: out, profile: exportText(journal, '', profile).profile, leaks };
}

export interface PublishedDay extends DayExport {
  snapshotId: number;
  publishedAt: string;
}

/**
 * Exports the day and marks it published: stores a snapshot of its tasks and text (so later edits
 * show as a revision) and sets the publication date if none was set, in one transaction.
 */
export function publishDay(journal: Journal, date: string, options: PublishOptions = {}): PublishedDay {
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
    options.deliver?.(exported.markdown);
    return { ...exported, snapshotId, publishedAt };
  });
}
