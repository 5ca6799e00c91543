import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCoreHandlers } from '../../../src/core/ipc/coreHandlers.ts';
import { Journal } from '../../../src/core/journal.ts';
import { dayFacts } from '../../../src/core/publishing/journalFacts.ts';
import { exportArticle, exportFacts, publishDay } from '../../../src/core/publishing/publishDay.ts';
import { createShellHandlers } from '../../../src/main/ipc/shellHandlers.ts';
import { runLeverage } from '../cli/runCli.ts';
import { fakeServices } from '../shell/fakes.ts';
import { loadMarchFirst, seedTaskInputs } from './seedJournal.ts';

const DATE = '2026-03-01';
let folder = '';
let db = '';

function withJournal<T>(use: (journal: Journal) => T): T {
  const journal = Journal.open(db);
  try {
    return use(journal);
  } finally {
    journal.close();
  }
}

function cli(...args: string[]) {
  return runLeverage(['--db', db, ...args], { env: { HOME: folder }, cwd: folder });
}

/** What the app's Save writes for the day, given the profile and revision-note choice the Post screen sends. */
async function appSave(input: { profile?: string | null; revisionNote?: boolean }): Promise<string> {
  const target = path.join(folder, `saved-${Math.random().toString(36).slice(2)}.md`);
  await withJournal((journal) => createShellHandlers(journal, fakeServices({ saveTo: target })).savePost({ date: DATE, ...input }));
  return fs.readFileSync(target, 'utf8');
}

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'leverage-one-exporter-'));
  db = path.join(folder, 'leverage.db');
  withJournal((journal) => {
    journal.tasks.createMany(seedTaskInputs(loadMarchFirst()));
    journal.settings.update({
      redactionProfiles: [
        { name: 'public', aliases: [{ from: 'Electron', to: 'desktop' }] },
        { name: 'client', aliases: [{ from: 'React', to: 'a UI library' }] },
      ],
      activeRedactionProfile: 'public',
    });
    // Published, then edited: the export carries a revision note.
    publishDay(journal, DATE, { profile: null });
    const task = journal.tasks.listByDate(DATE)[0];
    if (!task) throw new Error('no seed task');
    journal.tasks.update(task.id, { humanSeconds: task.humanSeconds + 3600 });
  });
});
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

describe('one exporter behind the CLI and the app', () => {
  it('leverage export (active profile) and export --redact P equal the app Save of the same day and profile', async () => {
    const active = await cli('export', '--date', DATE);
    expect(active.code).toBe(0);
    expect(active.stdout).toBe(await appSave({}));
    expect(active.stdout).toContain('desktop');
    expect(active.stdout).not.toMatch(/\bElectron\b/);
    expect(active.stdout).toMatch(/Revised on/);

    const client = await cli('export', '--date', DATE, '--redact', 'client');
    expect(client.stdout).toBe(await appSave({ profile: 'client' }));
    expect(client.stdout).toContain('a UI library');
    expect(client.stdout).toMatch(/\bElectron\b/);

    const plain = await cli('export', '--date', DATE, '--no-redaction', '--no-revision-note');
    expect(plain.stdout).toBe(await appSave({ profile: null, revisionNote: false }));
    expect(plain.stdout).not.toMatch(/Revised on/);

    const unknown = await cli('export', '--date', DATE, '--redact', 'nobody');
    expect([unknown.code, unknown.stderr]).toEqual([1, expect.stringContaining('There is no redaction profile "nobody"')]);
  });

  it('export, article and facts --help list the redaction flags', async () => {
    for (const command of ['export', 'article', 'facts', 'publish']) {
      const help = await cli(command, '--help');
      expect(help.stdout, command).toContain('--redact <profile>');
      expect(help.stdout, command).toContain('--no-redaction');
    }
    expect((await cli('export', '--help')).stdout).toContain('--no-revision-note');
  });

  it('the period article and the facts go through the same redaction in the CLI and the app', async () => {
    const cliArticle = await cli('article', '--from', DATE, '--to', DATE);
    const appArticle = await withJournal((journal) => createCoreHandlers(journal).periodArticle({ from: DATE, to: DATE }));
    expect(cliArticle.stdout).toBe(appArticle.markdown);
    expect(cliArticle.stdout).toContain('desktop');
    expect(cliArticle.stdout).not.toMatch(/\bElectron\b/);
    expect((await cli('article', '--from', DATE, '--to', DATE, '--no-redaction')).stdout).toMatch(/\bElectron\b/);

    const facts = JSON.parse((await cli('facts', '--date', DATE, '--json')).stdout) as { text: string; figures: Record<string, unknown> }[];
    expect(JSON.stringify(facts)).not.toMatch(/\bElectron\b/);
    const raw = withJournal((journal) => dayFacts(journal, DATE));
    expect(JSON.stringify(raw)).toMatch(/\bElectron\b/); // the facts for the editor stay as typed: only exports are redacted
  });
});

const HOSTILE = [
  '![pixel](https://tracker.example/p.png)',
  '[click me](javascript:alert(1))',
  '<img src=x onerror=alert(1)>',
  'Line one\n# Injected heading\n\n- injected item',
  '# Leading hash',
  '> quoted',
];

function nodes(tree: Nodes): Nodes[] {
  return [tree, ...('children' in tree ? tree.children.flatMap((child) => nodes(child)) : [])];
}

function parse(markdown: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(markdown);
}

describe('every field of the article and the facts is escaped', () => {
  it('titles, workstreams and the agent label never become live markdown, HTML or headings', () => {
    const journal = Journal.open(':memory:');
    try {
      journal.settings.update({ agentLabel: '<b>Agent</b> [x](javascript:1)' });
      journal.tasks.createMany(
        HOSTILE.map((title, index) => ({ workDate: DATE, title, workstream: HOSTILE[(index + 1) % HOSTILE.length] as string, humanSeconds: (index + 1) * 3600, agentSeconds: 600 })),
      );
      journal.tasks.createMany([{ workDate: '2026-02-20', title: '![big](https://tracker.example/big.png)', humanSeconds: 900 * 3600, agentSeconds: 600 }]);
      const article = exportArticle(journal, { from: DATE, to: DATE }).markdown;
      const facts = exportFacts(dayFacts(journal, DATE), journal, null).facts;
      for (const markdown of [article, facts.map((fact) => `- ${fact.text}`).join('\n'), ...facts.map((fact) => fact.text)]) {
        const all = nodes(parse(markdown));
        // A bare https address shown as text may be autolinked by GFM (as it would be anywhere); no link is made from [text](url) syntax.
        const bareAddress = (node: Nodes) => node.type === 'link' && /^https?:\/\//.test(node.url) && node.children.length === 1 && node.children[0]?.type === 'text' && node.children[0].value === node.url;
        expect(all.filter((node) => node.type === 'image' || (node.type === 'link' && !bareAddress(node)) || node.type === 'html' || node.type === 'blockquote')).toEqual([]);
        const headings = all.filter((node) => node.type === 'heading');
        expect(headings.every((node) => node.depth <= 2 && !JSON.stringify(node).includes('Injected') && !JSON.stringify(node).includes('Leading hash'))).toBe(true);
      }
      expect(article).toContain('javascript:alert(1)'); // shown as text, not dropped
      expect(facts.some((fact) => fact.text.includes('onerror'))).toBe(true);
    } finally {
      journal.close();
    }
  });
});
