import { inboxFolderFor, markSessionHandled, pendingSessions } from '../hook/inbox.ts';
import type { DriftingChannels, ExpectExactOutputs, Handler } from '../ipc/invokeHandler.ts';
import type { Journal } from '../journal.ts';
import { dayFacts, weekFacts } from './journalFacts.ts';
import type { PeriodSpec } from './periodArticle.ts';
import { dayRevision, exportArticle, exportDay, publishDay } from './publishDay.ts';

type PublishingChannel =
  | 'dayFacts'
  | 'weekFacts'
  | 'periodArticle'
  | 'redactionPreview'
  | 'publishDay'
  | 'dayRevision'
  | 'pendingHookSessions'
  | 'markHookSessionHandled';

/** The hook inbox beside the database file (none for an in-memory journal). */
function inboxOf(journal: Journal): string | null {
  return journal.path === ':memory:' ? null : inboxFolderFor(journal.path);
}

/** IPC handlers of the publishing channels (facts, articles, redaction, revisions, the hook inbox); createCoreHandlers spreads them in. */
export function publishingHandlers(journal: Journal) {
  return {
    dayFacts: ({ date, excludeLowest }) => dayFacts(journal, date, { excludeLowest }),
    weekFacts: ({ week, excludeLowest }) => weekFacts(journal, week, { excludeLowest }),
    periodArticle: (input) => {
      const spec: PeriodSpec = input.week
        ? { week: input.week }
        : input.month
          ? { month: input.month }
          : input.lastDays !== undefined
            ? { lastDays: input.lastDays }
            : { from: input.from as string, to: input.to as string };
      const article = exportArticle(journal, spec, { chartsLink: input.chartsLink, excludeLowest: input.excludeLowest, profile: input.profile });
      return { title: article.period.title, ...article.period.range, markdown: article.markdown, charts: article.charts };
    },
    redactionPreview: ({ date, profile }) => {
      const exported = exportDay(journal, date, { profile });
      return { profile: exported.profile, markdown: exported.markdown, replacements: exported.replacements, leaks: exported.leaks };
    },
    publishDay: ({ date, profile, revisionNote }) => {
      const published = publishDay(journal, date, { profile, revisionNote });
      return {
        snapshotId: published.snapshotId,
        publishedAt: published.publishedAt,
        markdown: published.markdown,
        profile: published.profile,
        note: published.note,
        leaks: published.leaks,
      };
    },
    dayRevision: ({ date }) => dayRevision(journal, date),
    pendingHookSessions: () => {
      const inbox = inboxOf(journal);
      return inbox ? pendingSessions(inbox) : [];
    },
    markHookSessionHandled: ({ sessionId }) => {
      const inbox = inboxOf(journal);
      return { handled: inbox ? markSessionHandled(inbox, sessionId) : false };
    },
  } satisfies { [C in PublishingChannel]: Handler<C> };
}

// Every publishing handler returns exactly its channel's output type (checked by tsc).
export type PublishingOutputsMatchContract = ExpectExactOutputs<DriftingChannels<ReturnType<typeof publishingHandlers>>>;
