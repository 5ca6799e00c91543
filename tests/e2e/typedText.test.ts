import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { Journal } from '../../src/core/journal.ts';
import { today } from '../../src/shared/metrics/periods.ts';
import { useHarness } from './support/harness.ts';

/**
 * Nothing typed is lost: each way text used to be lost, typed at 40 ms a key as a person types, and
 * the text then looked for in the journal file (not on the screen).
 */
const KEY_DELAY_MS = 40;
const harness = useHarness();
let page: Page;

async function openDay(date: string) {
  await harness.goTo(page, 'Day');
  await page.getByRole('group', { name: 'Choose the day' }).getByLabel('Date').fill(date);
  await page.locator('h1').filter({ hasText: new Date(`${date}T12:00:00`).getFullYear().toString() }).waitFor();
}

beforeAll(async () => {
  page = await harness.openMainWindow();
});

describe('the save model keeps what was typed', () => {
  test('Analysis typed, then Ctrl+3 at once: the text is stored (switching by shortcut)', async () => {
    const text = 'Switching screens by shortcut keeps this analysis.';
    await page.locator('#day-analysis').click();
    await page.keyboard.type(text, { delay: KEY_DELAY_MS });
    await page.keyboard.press('Control+3');
    await page.getByRole('heading', { name: 'Review' }).waitFor();
    await expect.poll(() => harness.journal.days.get(today()).analysis).toBe(text);
    await page.keyboard.press('Control+1');
    await expect.poll(() => page.locator('#day-analysis').inputValue()).toBe(text);
  });

  test('Intro on an empty day, Tab, Analysis at once: neither is blanked by an older stored value', async () => {
    const date = '2026-01-15';
    await openDay(date);
    expect(harness.journal.days.get(date)).toMatchObject({ intro: '', analysis: '' });
    const intro = 'An intro typed on a day with no text yet.';
    const analysis = 'Typed straight after Tab, while the intro was saving.';
    await page.locator('#day-intro').click();
    await page.keyboard.type(intro, { delay: KEY_DELAY_MS });
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe('day-analysis');
    await page.keyboard.type(analysis, { delay: KEY_DELAY_MS });
    await expect.poll(() => harness.journal.days.get(date)).toMatchObject({ intro, analysis });
    // Refetches after the saves (main announces each write) leave both fields as typed.
    await page.waitForTimeout(1500);
    expect(await page.locator('#day-intro').inputValue()).toBe(intro);
    expect(await page.locator('#day-analysis').inputValue()).toBe(analysis);
    expect(harness.journal.days.get(date)).toMatchObject({ intro, analysis });
    await expect.poll(() => page.locator('#day-intro-status').innerText()).toBe('Saved');
  });

  test('A day change right after typing stores the text on the day it was typed on', async () => {
    const date = '2026-01-16';
    await openDay(date);
    const text = 'Typed, then the next day chosen at once.';
    await page.locator('#day-intro').click();
    await page.keyboard.type(text, { delay: KEY_DELAY_MS });
    await page.getByRole('button', { name: 'Next day' }).click();
    await expect.poll(() => harness.journal.days.get(date).intro).toBe(text);
    expect(harness.journal.days.get('2026-01-17').intro).toBe('');
  });

  test('Settings left without a Save button: author line and footer are stored', async () => {
    await harness.goTo(page, 'Settings');
    await page.locator('#tpl-authorLine').click();
    await page.keyboard.type('By Grace Hopper', { delay: KEY_DELAY_MS });
    await page.locator('#tpl-footer').click();
    await page.keyboard.type('Thanks for reading.', { delay: KEY_DELAY_MS });
    await harness.goTo(page, 'Day');
    await expect.poll(() => harness.journal.settings.get()).toMatchObject({ authorLine: 'By Grace Hopper', footer: 'Thanks for reading.' });
    await harness.goTo(page, 'Settings');
    expect(await page.locator('#tpl-authorLine').inputValue()).toBe('By Grace Hopper');
  });

  test('Closing the window (main asks the page to flush first): text typed a moment before is stored', async () => {
    const date = '2026-01-18';
    await openDay(date);
    const text = 'The window closed right after this.';
    await page.locator('#day-analysis').click();
    await page.keyboard.type(text, { delay: KEY_DELAY_MS });
    await harness.flushEdits(page);
    expect(harness.journal.days.get(date).analysis).toBe(text);
  });

  test('The command line changes the same field meanwhile: both versions are kept as one conflict record', async () => {
    const date = '2026-01-19';
    await openDay(date);
    await page.locator('#day-intro').click();
    await page.keyboard.type('Mine, typed in the window', { delay: KEY_DELAY_MS });
    // The CLI (another connection to the same file) writes the intro while the window is still typing.
    const cli = Journal.open(harness.journal.path);
    try {
      cli.days.update(date, { intro: 'Written from the command line' });
    } finally {
      cli.close();
    }
    await harness.broadcast('dataChanged', { source: 'external' });
    await page.keyboard.type('.', { delay: KEY_DELAY_MS });
    expect(await page.locator('#day-intro').inputValue()).toBe('Mine, typed in the window.');
    await harness.flushEdits(page);
    expect(harness.journal.days.get(date).intro).toBe('Mine, typed in the window.');
    const conflicts = harness.journal.conflicts.open('day', date);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ field: 'intro', local: 'Mine, typed in the window.', remote: 'Written from the command line' });
    const note = page.locator('.conflict-note').filter({ hasText: 'Also changed elsewhere' });
    await note.waitFor();
    expect(await note.innerText()).toContain('Written from the command line');
    await note.getByRole('button', { name: 'Use the other version' }).click();
    await expect.poll(() => page.locator('#day-intro').inputValue()).toBe('Written from the command line');
    expect(harness.journal.conflicts.open('day', date)).toEqual([]);
  });

  test('nothing on the page failed', () => {
    expect(harness.problems).toEqual([]);
  });
});
