import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { useHarness } from './support/harness.ts';

/**
 * Importing published posts in real Chromium over the real handlers: File → Import with a file
 * input, a dropped file, a duplicate, and garbage. The tests run in order on one journal.
 */
const harness = useHarness();
let page: Page;
const fixture = (path: string) => resolve(import.meta.dirname, '../fixtures', path);
const MARCH_1 = fixture('posts/leverage-record-2026-03-01.txt');
const FEBRUARY_28 = fixture('posts/leverage-record-2026-02-28.txt');

function dialog(): Locator {
  return page.getByRole('dialog', { name: /Import a Leverage Record/ });
}
/** [stated, computed, mark] for one aggregate of the dry run. */
async function aggregate(name: string): Promise<string[]> {
  return dialog().locator('table.import-aggregates tr').filter({ has: page.getByRole('rowheader', { name, exact: true }) }).locator('td').allInnerTexts();
}
function figure(name: string): Locator {
  return page.locator('dl[aria-label="Day figures"] .figure').filter({ has: page.getByText(name, { exact: true }) }).locator('dd');
}
async function openFromMenu(file: string) {
  await harness.emit(page, 'command', { name: 'import' });
  await dialog().getByLabel('Post file to import').setInputFiles(file);
}
const taskCount = () => harness.journal.tasks.query({}).total;

beforeAll(async () => {
  page = await harness.openMainWindow();
});


describe('post import against the real handlers', () => {
  test('File → Import shows the dry run of a seed post, writes nothing until confirmed, then the day shows its leverage', async () => {
    await openFromMenu(MARCH_1);
    await dialog().getByText('Dry run: 1 day, 12 tasks').waitFor();
    expect(await aggregate('Leverage')).toEqual(['24.3x', '24.3x', '✓']);
    expect(await aggregate('Tasks')).toEqual(['12', '12', '✓']);
    expect(await dialog().locator('.import-tasks tbody tr').count()).toBe(12);
    expect(taskCount()).toBe(0);

    await dialog().getByRole('button', { name: 'Import 12 tasks' }).click();
    await dialog().waitFor({ state: 'detached' });
    await page.getByText('Imported 12 tasks on 1 day').waitFor();
    await page.getByRole('heading', { name: 'March 1, 2026' }).waitFor();
    await expect.poll(() => figure('Leverage').innerText()).toBe('24.3x');
    expect(await figure('Tasks').innerText()).toBe('12');
    expect(taskCount()).toBe(12);
  });

  test('importing the same post again is recognised and changes nothing', async () => {
    await openFromMenu(MARCH_1);
    await dialog().getByText('Already imported: nothing changes').waitFor();
    expect(await dialog().getByRole('button', { name: 'Already imported' }).isDisabled()).toBe(true);
    await dialog().getByRole('button', { name: 'Close' }).or(dialog().getByRole('button', { name: 'Cancel' })).click();
    await dialog().waitFor({ state: 'detached' });
    expect(taskCount()).toBe(12);
  });

  test('a garbage file shows the error in words and nothing is written', async () => {
    await openFromMenu(fixture('import/garbage.txt'));
    const alert = dialog().getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/Nothing was imported[\s\S]*garbage\.txt holds no Leverage Record task table/);
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    expect(taskCount()).toBe(12);
  });

  test('a post dropped on the window opens the same preview and imports its day with the published figures', async () => {
    const text = readFileSync(FEBRUARY_28, 'utf8');
    const transfer = await page.evaluateHandle((body) => {
      // Runs in the page; the test's tsconfig has no DOM types.
      const data = new (globalThis as unknown as { DataTransfer: new () => { items: { add: (file: File) => void } } }).DataTransfer();
      data.items.add(new File([body], 'leverage-record-2026-02-28.txt', { type: 'text/plain' }));
      return data;
    }, text);
    await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
    await page.getByText('Drop a Leverage Record').waitFor();
    await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
    await dialog().getByText(/Dry run: 1 day/).waitFor();
    const [stated, computed, mark] = await aggregate('Leverage');
    expect(mark).toBe('✓');
    expect(computed).toBe(stated);
    await dialog().getByRole('button', { name: /^Import \d+ tasks$/ }).click();
    await page.getByRole('heading', { name: 'February 28, 2026' }).waitFor();
    await expect.poll(() => figure('Leverage').innerText()).toBe(stated);
    expect(await page.getByText('Drop a Leverage Record').count()).toBe(0);
    expect(harness.problems).toEqual([]);
  });

  test('Ctrl/Cmd+V in the dialog pastes a copied HTML table (HTML flavour first), asks for its day, shows the dry run and imports', async () => {
    const html = readFileSync(fixture('import/clipboard-table.html'), 'utf8');
    await harness.emit(page, 'command', { name: 'import' });
    await dialog().getByLabel('Post file to import').waitFor({ state: 'attached' });
    await dialog().getByRole('textbox').focus();
    // A paste event as Chromium fires it for Ctrl/Cmd+V, carrying both flavours of the clipboard.
    await page.evaluate(
      ({ markup }) => {
        const data = new (globalThis as unknown as { DataTransfer: new () => { setData: (type: string, value: string) => void } }).DataTransfer();
        data.setData('text/html', markup);
        data.setData('text/plain', 'this plain flavour is not a post');
        const doc = (globalThis as unknown as { document: { activeElement: { dispatchEvent: (event: unknown) => boolean } } }).document;
        const PasteEvent = (globalThis as unknown as { ClipboardEvent: new (type: string, init: unknown) => unknown }).ClipboardEvent;
        doc.activeElement.dispatchEvent(new PasteEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      },
      { markup: html },
    );
    await dialog().getByLabel('Day of the post').fill('2026-03-18');
    await dialog().getByRole('button', { name: 'Preview' }).click();
    await dialog().getByText('Dry run: 1 day, 2 tasks').waitFor();
    expect(await dialog().locator('.import-tasks tbody tr').count()).toBe(2);
    expect(await dialog().locator('.import-tasks').innerText()).toMatch(/Migrate the cron jobs to the queue[\s\S]*Clean up 14 stale feature flags/);
    expect(taskCount()).toBe(30);
    await dialog().getByRole('button', { name: 'Import 2 tasks' }).click();
    await page.getByRole('heading', { name: 'March 18, 2026' }).waitFor();
    expect(harness.journal.tasks.listByDate('2026-03-18').map((task) => task.title)).toEqual(['Migrate the cron jobs to the queue', 'Clean up 14 stale feature flags']);
    expect(harness.problems).toEqual([]);
  });
});
