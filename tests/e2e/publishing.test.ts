import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { today } from '../../src/shared/metrics/periods.ts';
import { useHarness, type ScreenName } from './support/harness.ts';

/**
 * Publishing in real Chromium over the real handlers: facts into the analysis, publish and revise,
 * redaction with its preview and leak check, and the period article with its charts. The tests run
 * in order on one journal.
 */
const harness = useHarness();
let page: Page;
const day = today();

const go = (screen: ScreenName) => harness.goTo(page, screen);
function sourceText(): Promise<string> {
  return page.locator('.post-source pre').innerText();
}
function row(title: string): Locator {
  return page.locator('[role="row"][data-task-id]').filter({ hasText: title });
}

beforeAll(async () => {
  harness.journal.tasks.createMany([
    { workDate: day, title: 'Refactor scoring pipeline', humanSeconds: 6 * 3600, agentSeconds: 8 * 60, workstream: 'scoring' },
    { workDate: day, title: 'Zephyr billing export', humanSeconds: 3 * 3600, agentSeconds: 9 * 60, workstream: 'web' },
    { workDate: day, title: 'Fix flaky ingest test', humanSeconds: 3600, agentSeconds: 30 * 60, workstream: 'ingest' },
  ]);
  page = await harness.openMainWindow();
});


describe('publishing against the real handlers', () => {
  test('a fact inserted into the analysis is saved and shows in the post preview', async () => {
    const analysis = page.getByLabel('Analysis');
    await analysis.fill('The day in brief.');
    const fact = page.locator('.facts-panel button.fact').filter({ hasText: 'Refactor scoring pipeline' }).first();
    const sentence = (await fact.getAttribute('aria-label'))?.replace(/^Insert: /, '') ?? '';
    expect(sentence).toMatch(/Refactor scoring pipeline/);
    await fact.click();
    expect(await analysis.inputValue()).toBe(`The day in brief. ${sentence}`);
    // Saved by the autosave, with no button to press.
    await expect.poll(() => harness.journal.days.get(day).analysis).toBe(`The day in brief. ${sentence}`);
    await go('Post');
    await expect.poll(sourceText).toContain(sentence);
    expect(await page.locator('.post-rendered .markdown').innerText()).toContain(sentence);
  });

  test('publish, edit a task: the Day screen shows the diff and the next export carries "Revised on"', async () => {
    await expect.poll(() => page.locator('.publish-status').innerText()).toBe('Not published yet.');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(() => page.locator('.publish-status').innerText()).toMatch(/^Published .*; unchanged since\.$/);
    expect(harness.journal.days.get(day).publicationDate).toBe(day);

    await go('Day');
    expect(await page.getByText('This day differs from what was published').count()).toBe(0);
    const human = row('Fix flaky ingest test').locator('[data-column="humanSeconds"]');
    await human.dblclick();
    const editor = page.getByLabel('Edit Human');
    await editor.fill('2h');
    await editor.press('Enter');
    const notice = page.getByRole('status').filter({ hasText: 'This day differs from what was published' });
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/Changed\s+Fix flaky ingest test:\s*Human 1h\s*→\s*now\s*2h/i);
    // 10h ÷ 47min = 12.8x published; 11h ÷ 47min = 14x now (the series format).
    expect(await notice.getByRole('table', { name: 'Figures: published and now' }).innerText()).toMatch(/Human hours\s+10h\s*→\s*now\s*11h[\s\S]*Weighted leverage\s+12.8x\s*→\s*now\s*14x/);

    await go('Post');
    await expect.poll(() => page.locator('.publish-status').innerText()).toMatch(/changed since\.$/);
    const noteCheck = page.getByRole('checkbox', { name: /Add the note Revised on/ });
    expect(await noteCheck.isChecked()).toBe(true);
    await expect.poll(sourceText).toMatch(/_Revised on .*: one task corrected; weighted leverage 12.8x → 14x\._/);
    await noteCheck.uncheck();
    await expect.poll(sourceText).not.toContain('Revised on');
    await noteCheck.check();
    await page.getByRole('button', { name: 'Publish again' }).click();
    await expect.poll(() => page.locator('.publish-status').innerText()).toMatch(/unchanged since\.$/);
  });

  test('a redaction profile made in Settings replaces the planted name in the preview; the leak check is clean', async () => {
    await go('Settings');
    await page.getByLabel('New profile').fill('public');
    await page.getByRole('button', { name: 'Add profile' }).click();
    const aliasForm = page.getByRole('form', { name: 'New alias for public' });
    // Validation first: a "|" would break the post's tables.
    await aliasForm.getByLabel('Private name').fill('Zephyr');
    await aliasForm.getByLabel('Public phrase').fill('a | client');
    await aliasForm.getByRole('button', { name: 'Add alias' }).click();
    await page.getByText('The public phrase cannot contain "|" or line breaks.').waitFor();
    await aliasForm.getByLabel('Public phrase').fill('a client');
    await aliasForm.getByRole('button', { name: 'Add alias' }).click();
    await page.getByRole('list', { name: 'Aliases of public' }).getByText('Zephyr').waitFor();
    expect(harness.journal.settings.get()).toMatchObject({ activeRedactionProfile: 'public', redactionProfiles: [{ name: 'public', aliases: [{ from: 'Zephyr', to: 'a client' }] }] });

    await go('Post');
    expect(await page.getByLabel('Redaction profile').inputValue()).toBe('public');
    const replacements = page.getByRole('table', { name: 'Replacements' });
    await replacements.waitFor();
    expect(await replacements.locator('tbody tr').count()).toBe(1);
    expect(await replacements.locator('tbody tr').first().innerText()).toMatch(/Zephyr\s+a client\s+.*Zephyr billing export/);
    expect(await page.locator('.leak-check').innerText()).toBe('Leak check: clean. No private name remains in the output.');
    await expect.poll(sourceText).toContain('a client billing export');
    expect(await sourceText()).not.toContain('Zephyr');
    expect(await page.locator('.post-rendered').innerText()).not.toContain('Zephyr');
    // The stored task is untouched.
    expect(harness.journal.tasks.listByDate(day).some((task) => task.title === 'Zephyr billing export')).toBe(true);
  });

  test('Export article… previews the week and saves the markdown with its SVG charts', async () => {
    await page.getByRole('button', { name: 'Export article…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export article' });
    await dialog.locator('.article-preview table').first().waitFor();
    expect(await dialog.locator('.article-preview img').count()).toBe(2);
    await dialog.getByRole('radio', { name: 'Last N days' }).click();
    await dialog.getByLabel('Days').fill('0');
    await dialog.getByText('The number of days must be a whole number from 1 to 3660.').waitFor();
    expect(await dialog.getByRole('button', { name: 'Save article…' }).isDisabled()).toBe(true);
    await dialog.getByLabel('Days').fill('7');
    await dialog.locator('.article-preview table').first().waitFor();
    await dialog.getByRole('button', { name: 'Save article…' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const saved = harness.shell.saved.at(-1) ?? '';
    expect(saved).toMatch(/leverage-.*\.md$/);
    const markdown = readFileSync(saved, 'utf8');
    expect(markdown).toContain('Refactor scoring pipeline');
    expect(markdown).toContain('![');
    for (const chart of ['human-hours-per-day.svg', 'leverage-per-week.svg']) {
      expect(markdown).toContain(`](${chart})`);
      const file = join(dirname(saved), chart);
      expect(existsSync(file)).toBe(true);
      expect(readFileSync(file, 'utf8')).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    }
    expect(harness.problems).toEqual([]);
  });
});
