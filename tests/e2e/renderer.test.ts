import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { shiftDate, today } from '../../src/shared/metrics/periods.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { seedJournal } from './support/seedJournal.ts';

/**
 * The built renderer in real Chromium, with window.api bound to the real handler table over a real
 * temporary SQLite file. The tests run in order and share one journal, like one session of use.
 */
let harness: Harness;
let page: Page;
const day = today();

function figure(name: string): Locator {
  return page.locator('dl[aria-label="Day figures"] .figure').filter({ has: page.getByText(name, { exact: true }) }).locator('dd');
}
function row(title: string): Locator {
  return page.locator('[role="row"][data-task-id]').filter({ hasText: title });
}
/** The scripts a page loads before anything lazy: its module entry and, recursively, their static imports. */
function initialScripts(root: string, html: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of readFileSync(join(root, file), 'utf8').matchAll(/(?:^|[;}\s])import\s*(?:[^'"`()]*?from\s*)?["'`]\.\/([\w.-]+\.js)["'`]/g)) {
      visit(join('assets', match[1] as string));
    }
  };
  for (const match of readFileSync(join(root, html), 'utf8').matchAll(/<script[^>]*src="\.\/([^"]+\.js)"/g)) visit(match[1] as string);
  return [...seen];
}

async function go(screen: string) {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: screen }).click();
}

beforeAll(async () => {
  harness = await startHarness();
  page = await harness.openMainWindow();
});

afterAll(async () => {
  await harness?.close();
});

describe('renderer against the real handlers', () => {
  test('quick syntax shows its parse, saves the task, and the grid and figures show it', async () => {
    const quick = page.getByLabel('Quick add');
    await quick.fill('Refactor scoring pipeline 6h 8m 40k #scoring');
    const preview = page.locator('.quick-preview');
    await expect.poll(() => preview.innerText()).toMatch(/Title\s*Refactor scoring pipeline/i);
    expect(await preview.innerText()).toMatch(/Human\s*6h[\s\S]*Agent\s*8min[\s\S]*Tokens\s*40k[\s\S]*Workstream\s*scoring/i);
    await quick.press('Enter');
    await row('Refactor scoring pipeline').waitFor();
    await expect.poll(() => figure('Tasks').innerText()).toBe('1');
    expect(await figure('Human').innerText()).toBe('6h');
    expect(await figure('Leverage').innerText()).toBe('45x');
    const stored = harness.journal.tasks.listByDate(day);
    expect(stored.map((task) => [task.title, task.humanSeconds, task.agentSeconds, task.tokens, task.workstream])).toEqual([
      ['Refactor scoring pipeline', 21_600, 480, 40_000, 'scoring'],
    ]);
    expect(await quick.inputValue()).toBe('');
  });

  test('the full form validates in words, then saves every field', async () => {
    await page.getByText('All fields').click();
    const form = page.getByRole('form', { name: 'New task' });
    await form.getByLabel('Title').fill('Settings page with optimistic updates');
    await form.getByLabel('Human estimate').fill('2h');
    await form.getByLabel('Tokens').fill('lots');
    await form.getByRole('button', { name: 'Save task' }).click();
    await form.getByText('Agent time is required').waitFor();
    await form.getByText(/Tokens expected a number/).waitFor();
    expect(harness.journal.tasks.listByDate(day)).toHaveLength(1);

    await form.getByLabel('Claude time').fill('10m');
    await form.getByLabel('Tokens').fill('12k');
    await form.getByLabel('Workstream').fill('web');
    await form.getByLabel('Supervision').fill('4m');
    await form.getByLabel('Model').fill('opus-4.1');
    await form.getByLabel('Notes').fill('Optimistic updates roll back on failure.');
    await form.getByLabel('Title').press('Control+Enter');
    await row('Settings page with optimistic updates').waitFor();
    await expect.poll(() => figure('Tasks').innerText()).toBe('2');
    // Weighted: (6h + 2h) ÷ (8min + 10min) = 26.7x, not the mean of 45x and 12x.
    expect(await figure('Leverage').innerText()).toBe('26.7x');
    const saved = harness.journal.tasks.listByDate(day).find((task) => task.title.startsWith('Settings page'));
    expect(saved).toMatchObject({ humanSeconds: 7200, agentSeconds: 600, supervisionSeconds: 240, tokens: 12_000, workstream: 'web', model: 'opus-4.1', notes: 'Optimistic updates roll back on failure.' });
  });

  test('a cell edits inline with validation, by mouse and by keyboard', async () => {
    const human = row('Refactor scoring pipeline').locator('[data-column="humanSeconds"]');
    await human.dblclick();
    const editor = page.getByLabel('Edit Human');
    await editor.fill('soon');
    await editor.press('Enter');
    await page.locator('#cell-error').waitFor();
    expect(harness.journal.tasks.listByDate(day).find((task) => task.title === 'Refactor scoring pipeline')?.humanSeconds).toBe(21_600);
    await editor.fill('7h');
    await editor.press('Enter');
    await expect.poll(() => human.innerText()).toBe('7h');
    expect(harness.journal.tasks.listByDate(day).find((task) => task.title === 'Refactor scoring pipeline')?.humanSeconds).toBe(25_200);

    // Keyboard: the grid takes focus, arrows move to the title cell of the first row, Enter edits.
    const grid = page.getByRole('grid', { name: `Tasks on ${day}` });
    await grid.focus();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const title = page.getByLabel('Edit Task');
    await title.fill('Refactor scoring pipeline into stages');
    await title.press('Enter');
    await row('Refactor scoring pipeline into stages').waitFor();
    await expect.poll(() => figure('Human').innerText()).toBe('9h');
  });

  test('selected rows delete, and Undo restores them', async () => {
    await row('Settings page').getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Delete selected' }).click();
    await row('Settings page').waitFor({ state: 'detached' });
    await expect.poll(() => figure('Tasks').innerText()).toBe('1');
    expect(harness.journal.tasks.listByDate(day)).toHaveLength(1);
    await page.getByRole('status').filter({ hasText: 'Deleted 1 task' }).getByRole('button', { name: 'Undo' }).click();
    await row('Settings page').waitFor();
    await expect.poll(() => figure('Tasks').innerText()).toBe('2');
    expect(harness.journal.tasks.listByDate(day)).toHaveLength(2);
  });

  test('markup in a title renders as text and never runs', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    await page.getByLabel('Quick add').fill(`${hostile} 1h 5m`);
    await page.getByLabel('Quick add').press('Enter');
    await row(hostile).waitFor();
    expect(await row(hostile).locator('[data-column="title"]').innerText()).toBe(hostile);
    expect(await page.locator('img').count()).toBe(0);
    await go('Post');
    await page.locator('.markdown table').first().waitFor();
    expect(await page.locator('.markdown').innerText()).toContain('<img src=x');
    expect(await page.locator('.markdown img, .markdown script').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  test('the post preview shows the day’s table sorted by factor, and copies the post', async () => {
    const table = page.locator('.markdown table').first();
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(3);
    // Sorted by factor, highest first: 7h ÷ 8min = 52.5x, then 1h ÷ 5min = 12x, then 2h ÷ 10min = 12x.
    expect(rows[0]).toMatch(/^Refactor scoring pipeline into stages\s+7h\s+8min\s+40k\s+52\.5x$/);
    expect(rows.map((text) => text.split('\t')[0]).slice(1).sort()).toEqual(['<img src=x onerror="window.__pwned=1">', 'Settings page with optimistic updates']);
    expect(rows.slice(1).map((text) => text.split('\t').at(-1))).toEqual(['12x', '12x']);
    expect(await page.locator('.post-source pre').innerText()).toContain('| Refactor scoring pipeline into stages | 7h | 8min | 40k | 52.5x |');
    await page.getByRole('button', { name: 'Copy markdown' }).click();
    await page.getByText(/Copied the post \(\d[\d,]* characters\)/).waitFor();
    expect(harness.shell.copied.at(-1)).toBe(harness.journal.dailyPost(day));
  });

  test('review charts render several weeks of data', async () => {
    seedJournal(harness.journal, shiftDate(day, -1), 6);
    await harness.emit(page, 'dataChanged', { source: 'external' });
    await go('Review');
    const leverage = page.getByRole('region', { name: 'Leverage per week' });
    await leverage.locator('.recharts-line-curve').first().waitFor();
    expect(await leverage.locator('.recharts-line-curve').count()).toBe(2);
    expect(await leverage.locator('.recharts-legend-item').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/Weighted/), expect.stringMatching(/Simple mean/)]));
    expect(await leverage.locator('.recharts-cartesian-axis-tick-value').filter({ hasText: /^\d{4}-W\d{2}$/ }).count()).toBeGreaterThanOrEqual(3);
    for (const name of ['Human vs agent hours', 'Tokens per week', 'Task factors']) {
      const chart = page.getByRole('region', { name });
      await chart.locator('.recharts-bar-rectangle').first().waitFor();
      expect(await chart.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(2);
    }
    await page.getByRole('region', { name: 'Hours by workstream' }).locator('.recharts-pie-sector').first().waitFor();
    await page.getByRole('region', { name: 'Leverage per day' }).locator('.recharts-bar-rectangle').first().waitFor();
    const total = harness.journal.metrics.cumulative().taskCount;
    const tasks = page.locator('dl[aria-label="Cumulative figures"] .figure').filter({ has: page.getByText('Tasks', { exact: true }) }).locator('dd');
    await expect.poll(() => tasks.innerText()).toBe(total.toLocaleString('en-US'));
    // Exact values in tooltips.
    await leverage.locator('.recharts-line-dot').first().hover();
    await leverage.locator('.recharts-tooltip-wrapper').getByText(/\d+(\.\d)?x/).first().waitFor();
  });

  test('the quick-add window saves a task and Escape asks main to close it', async () => {
    const quick = await harness.newPage('/quick-add.html');
    const field = quick.getByLabel('Quick add');
    await field.fill('Write the release notes 2h 6m 18k #docs');
    await field.press('Enter');
    await quick.getByRole('status').filter({ hasText: 'Saved Write the release notes' }).waitFor();
    expect(harness.journal.tasks.listByDate(day).some((task) => task.title === 'Write the release notes' && task.tokens === 18_000)).toBe(true);
    await field.press('Escape');
    await expect.poll(() => harness.shell.quickAddClosed).toBe(1);
    await quick.close();
  });

  test('the log stays windowed at 100,000 tasks: few rows in the DOM, server-side sort and filter', async () => {
    const insert = harness.journal.db.transaction(() => {
      for (let index = 0; index < 100_000; index += 1) {
        harness.journal.tasks.create({
          workDate: shiftDate('2020-01-01', index % 1500),
          title: `Bulk task ${index}`,
          workstream: `stream-${index % 7}`,
          humanSeconds: 3600 + (index % 97) * 60,
          agentSeconds: 300 + (index % 13) * 60,
        });
      }
    });
    const started = performance.now();
    insert();
    console.log(`inserted 100,000 tasks in ${Math.round(performance.now() - started)} ms`);
    await harness.emit(page, 'dataChanged', { source: 'external' });
    await go('Log');
    const grid = page.getByRole('grid', { name: 'All tasks' });
    const total = harness.journal.tasks.query({ limit: 0 }).total;
    expect(total).toBeGreaterThan(100_000);
    await page.getByText(`${total.toLocaleString('en-US')} tasks`).waitFor();
    expect(await grid.getAttribute('aria-rowcount')).toBe(String(total + 1));
    expect(await grid.locator('[role="row"]').count()).toBeLessThan(100);

    // Jump to the end: the last page is fetched on demand and the DOM stays small.
    await grid.focus();
    const jumped = performance.now();
    await page.keyboard.press('Control+End');
    await grid.locator(`[role="row"][aria-rowindex="${total + 1}"][data-task-id]`).waitFor();
    console.log(`Ctrl+End to the last of ${total.toLocaleString('en-US')} rows shown in ${Math.round(performance.now() - jumped)} ms`);
    expect(await grid.locator('[role="row"]').count()).toBeLessThan(100);

    // Sort by human estimate, descending: the longest estimate comes first (sorted in SQLite).
    await grid.getByRole('button', { name: 'Human' }).click();
    await grid.getByRole('button', { name: 'Human' }).click();
    await expect.poll(() => grid.getByRole('columnheader', { name: /Human/ }).getAttribute('aria-sort')).toBe('descending');
    const longest = harness.journal.tasks.query({ sort: 'humanSeconds', direction: 'desc', limit: 1 }).rows[0];
    await grid.locator('[role="row"][aria-rowindex="2"]').filter({ hasText: longest?.title ?? '' }).waitFor();

    // Filter by text and workstream: counted on the server.
    await page.getByLabel('Search').fill('Bulk task 4242');
    await page.getByLabel('Workstream').selectOption('stream-0');
    const expected = harness.journal.tasks.query({ text: 'Bulk task 4242', workstream: 'stream-0', limit: 0 }).total;
    await page.getByText(`${expected.toLocaleString('en-US')} task${expected === 1 ? '' : 's'}`, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Export CSV' }).click();
    await page.getByText(/Exported to .*export-1\.csv/).waitFor();
    // The export holds exactly what the grid shows: every filter applies.
    const exported = readFileSync(harness.shell.exported[0] as string, 'utf8').trim().split('\n').slice(1);
    expect(exported).toHaveLength(expected);
    expect(exported.every((line) => line.includes('Bulk task 4242') && line.includes('stream-0'))).toBe(true);
  });

  test('keyboard: Ctrl+digit switches screens, Alt+arrows change the day, ? lists the shortcuts', async () => {
    await page.locator('body').click({ position: { x: 5, y: 790 } });
    await page.keyboard.press('Control+3');
    await page.getByRole('heading', { name: 'Review' }).waitFor();
    await page.keyboard.press('Control+1');
    await page.getByLabel('Quick add').waitFor();
    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(() => page.getByRole('group', { name: 'Choose the day' }).getByLabel('Date').inputValue()).toBe(shiftDate(day, -1));
    await page.keyboard.press('Alt+Home');
    await expect.poll(() => page.getByRole('group', { name: 'Choose the day' }).getByLabel('Date').inputValue()).toBe(day);
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await dialog.getByRole('row').count()).toBeGreaterThan(10);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.keyboard.press('Control+n');
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute: (name: string) => string | null } } }).document.activeElement.getAttribute('placeholder'))).toMatch(/6h 8m 40k/);
  });

  test('the theme setting overrides the OS preference and is stored', async () => {
    const background = () => page.locator('body').evaluate((body) => (globalThis as unknown as { getComputedStyle: (element: unknown) => { backgroundColor: string } }).getComputedStyle(body).backgroundColor);
    await go('Settings');
    const light = await background();
    await page.getByRole('radio', { name: 'Dark' }).click();
    await expect.poll(background).not.toBe(light);
    expect(await background()).toBe('rgb(20, 23, 29)');
    await expect.poll(() => harness.journal.settings.get().theme).toBe('dark');
    await page.getByRole('radio', { name: 'System' }).click();
    await expect.poll(background).toBe(light);
  });

  test('Settings installs and removes the Claude Code hook and the leverage command, as the installed app', async () => {
    const folder = dirname(harness.journal.path);
    const settingsFile = join(folder, '.claude', 'settings.json');
    const shim = join(folder, '.local', 'bin', 'leverage');
    await go('Settings');
    await page.getByRole('button', { name: 'Install the hook' }).click();
    await page.getByRole('button', { name: 'Remove the hook' }).waitFor();
    expect(readFileSync(settingsFile, 'utf8')).toContain(`"command": "'/opt/Leverage Journal/leverage-journal' hook run --inbox ${join(folder, 'inbox')} --leverage-journal-hook"`);
    await page.getByRole('button', { name: 'Install the leverage command' }).click();
    await page.getByRole('button', { name: 'Remove the leverage command' }).waitFor();
    expect(readFileSync(shim, 'utf8')).toContain("exec '/opt/Leverage Journal/leverage-journal' \"$@\"");
    await page.getByRole('button', { name: 'Remove the leverage command' }).click();
    await page.getByRole('button', { name: 'Install the leverage command' }).waitFor();
    expect(existsSync(shim)).toBe(false);
    await page.getByRole('button', { name: 'Remove the hook' }).click();
    await page.getByRole('button', { name: 'Install the hook' }).waitFor();
    expect(readFileSync(settingsFile, 'utf8')).not.toContain('hook run');
  });

  test('the main window starts with at most 300 KB of gzipped JavaScript (other screens load lazily)', () => {
    const initial = initialScripts(harness.rendererDir, 'index.html');
    expect(initial.length).toBeGreaterThan(0);
    expect(initial.some((file) => /ReviewScreen|PostScreen/.test(file))).toBe(false);
    const total = initial.reduce((sum, file) => sum + gzipSync(readFileSync(join(harness.rendererDir, file))).length, 0);
    console.log(`main window initial JavaScript: ${(total / 1024).toFixed(1)} KB gzipped in ${initial.length} files`);
    expect(total).toBeLessThan(300 * 1024);
  });

  test('no console errors, page errors or CSP violations happened', () => {
    expect(harness.problems).toEqual([]);
  });
});
