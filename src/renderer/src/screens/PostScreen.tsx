import { useState } from 'react';
import Markdown from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import { longDate } from '../../../shared/metrics/longDate.ts';
import { call } from '../api/client.ts';
import { TemplateSettings } from '../components/TemplateSettings.tsx';
import { useChannel } from '../lib/useChannel.ts';
import { ArticleDialog } from '../publishing/ArticleDialog.tsx';
import { MARKDOWN_COMPONENTS } from '../publishing/MarkdownImage.tsx';
import { PublishPanel } from '../publishing/PublishPanel.tsx';
import { activeProfileName, withoutRevisionNote } from '../publishing/publishPreview.ts';
import { useAppStore } from '../stores/appStore.ts';
import { useSettingsStore } from '../stores/settingsStore.ts';
import { toast } from '../stores/toastStore.ts';
import { DateNavigator } from './DayScreen.tsx';
import './PostScreen.css';

/** The day's post as it would be published (redacted, with any revision note): rendered (sanitized, never raw HTML) beside its markdown source. */
export default function PostScreen() {
  const date = useAppStore((state) => state.date);
  const setDate = useAppStore((state) => state.setDate);
  const { value: metrics } = useChannel('dayMetrics', { date });
  const [templates, setTemplates] = useState(false);
  const profile = useSettingsStore((state) => activeProfileName(state.settings));
  const { value: preview } = useChannel('redactionPreview', { date, profile });
  const [withNote, setWithNote] = useState(true);
  const [article, setArticle] = useState(false);
  const current = preview && (preview.profile === profile) ? preview : undefined;
  const markdown = current && (withNote ? current.markdown : withoutRevisionNote(current.markdown));

  async function copy() {
    // Copy and save give exactly what the panes preview: the chosen profile, with or without the note.
    const result = await call('copyPost', { date, profile, revisionNote: withNote });
    if (result) toast('success', `Copied the post (${result.characters.toLocaleString('en-US')} characters)`);
  }
  async function save() {
    const result = await call('savePost', { date, profile, revisionNote: withNote });
    if (result?.path) toast('success', `Saved to ${result.path}`);
  }

  return (
    <div className="screen post-screen">
      <header className="screen-head">
        <div>
          <h1>Post · {longDate(date)}</h1>
          <p className="muted">{metrics?.taskCount ? `${metrics.taskCount} tasks in the Task Log` : 'No tasks on this day: the post has an empty log.'}</p>
        </div>
        <DateNavigator date={date} onChange={setDate} />
      </header>
      <div className="toolbar post-actions">
        <button type="button" className="button primary" onClick={() => void copy()}>
          Copy markdown
        </button>
        <button type="button" className="button" onClick={() => void save()}>
          Save to file…
        </button>
        <button type="button" className="button" onClick={() => setArticle(true)}>
          Export article…
        </button>
        <button type="button" className="button ghost" aria-expanded={templates} onClick={() => setTemplates(!templates)}>
          Template settings
        </button>
      </div>
      {templates && (
        <section className="card" aria-label="Template settings">
          <TemplateSettings />
        </section>
      )}
      <PublishPanel date={date} profile={profile} preview={current} withNote={withNote} onWithNote={setWithNote} />
      {article && <ArticleDialog date={date} onClose={() => setArticle(false)} />}
      <div className="post-panes">
        <section className="card post-rendered" aria-label="Rendered post">
          <article className="markdown">{markdown !== undefined && <Markdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]} components={MARKDOWN_COMPONENTS}>{markdown}</Markdown>}</article>
        </section>
        <section className="card post-source" aria-label="Markdown source">
          <pre tabIndex={0}>{markdown}</pre>
        </section>
      </div>
    </div>
  );
}
