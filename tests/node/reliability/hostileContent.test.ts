import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Root, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import Papa from 'papaparse';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parseCsv, tasksToCsv } from '../../../src/core/data/dataTransfer.ts';
import { Journal } from '../../../src/core/journal.ts';

/** Titles and notes an attacker (or a pasted web page) could put in a task. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">click</a>',
  '<iframe srcdoc="<script>parent.alert(1)</script>">',
  '</td></tr></table><script>alert(1)</script>',
  'pipe | in | title',
  'line one\nline two\r\nline three',
  'back\\slash at the end\\',
  '&lt;already escaped&gt; &amp;',
  '<!-- comment --> after',
  '=HYPERLINK("http://evil.example","x")',
  '+cmd|" /C calc"!A0',
  '-2+3',
  '@SUM(A1:A2)',
  '\t=1+1',
  '\r=1+1',
  '<javascript:alert(1)>',
];
/** Markdown syntax that would become a live link or a remote image in the published post. */
const MARKDOWN_INJECTION = ['[click me](javascript:alert(1))', '![tracker](http://evil.example/pixel.png)'];
const ALL_HOSTILE = [...HOSTILE, ...MARKDOWN_INJECTION];

let folder: string;
let journal: Journal;
beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'leverage-hostile-'));
  journal = Journal.open(path.join(folder, 'leverage.db'));
  journal.tasks.createMany(
    ALL_HOSTILE.map((text, n) => ({ workDate: '2026-03-01', title: text, notes: text, humanSeconds: (n + 1) * 3600, agentSeconds: 600 + n, workstream: text.slice(0, 100) })),
  );
});
afterEach(() => {
  journal.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

function taskLogTable(markdown: string): Table {
  const tree = remark().use(remarkGfm).parse(markdown) as Root;
  const index = tree.children.findIndex((node) => node.type === 'heading' && toString(node) === 'Task Log');
  const table = tree.children.slice(index + 1).find((node): node is Table => node.type === 'table');
  if (!table) throw new Error('the post has no Task Log table');
  return table;
}

function nodeTypes(node: unknown, types = new Set<string>()): Set<string> {
  const current = node as { type: string; children?: unknown[] };
  types.add(current.type);
  for (const child of current.children ?? []) nodeTypes(child, types);
  return types;
}

describe('hostile task text in the daily post', () => {
  test('every hostile title stays one table cell, shown as the same text, with no raw HTML node', () => {
    const table = taskLogTable(journal.dailyPost('2026-03-01'));
    const rows = table.children.slice(1);
    expect(rows).toHaveLength(ALL_HOSTILE.length);
    for (const row of rows) expect(row.children).toHaveLength(5);
    // A markdown renderer turns `html` nodes into live markup; escaped text becomes `text` nodes.
    expect([...nodeTypes(table)].filter((type) => type === 'html')).toEqual([]);
    const shown = new Set(rows.map((row) => toString(row.children[0])));
    const missing = HOSTILE.map((text) => text.replace(/\r\n|\r|\n/g, ' ').trim()).filter((text) => !shown.has(text));
    expect(missing).toEqual([]);
  });

  test('a title cannot inject an image or a link to anything but a plain web address it spells out', () => {
    const table = taskLogTable(journal.dailyPost('2026-03-01'));
    const links: string[] = [];
    const visit = (node: { type: string; url?: string; children?: unknown[] }) => {
      if (node.type === 'link' || node.type === 'image' || node.type === 'linkReference' || node.type === 'imageReference') links.push(`${node.type} ${node.url ?? ''}`);
      for (const child of node.children ?? []) visit(child as typeof node);
    };
    visit(table);
    // GFM turns a typed-out http address into a link to that same address; nothing else may become one.
    expect(links.filter((link) => !/^link https?:\/\//.test(link))).toEqual([]);
    expect(nodeTypes(table).has('image')).toBe(false);
  });
});

describe('hostile task text in the CSV export', () => {
  const FORMULA_START = /^[=+\-@\t\r]/;

  test('no cell starts a spreadsheet formula, and importing the file gives back the exact text', () => {
    const tasks = journal.tasks.listByDate('2026-03-01');
    const csv = tasksToCsv(tasks);
    const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true });
    const cells = parsed.data.slice(1).flatMap((row) => row.filter((_, column) => column !== 3 && column !== 4 && column !== 9 && column !== 10 && column !== 11));
    expect(cells.length).toBeGreaterThan(ALL_HOSTILE.length);
    expect(cells.filter((cell) => FORMULA_START.test(cell))).toEqual([]);
    const back = parseCsv(csv).tasks;
    expect(back.map((task) => task.title)).toEqual(tasks.map((task) => task.title));
    expect(back.map((task) => task.notes)).toEqual(tasks.map((task) => task.notes));
  });
});
