/**
 * `npm run screenshots`: seeds a realistic seven-week journal and writes a PNG of every screen, light
 * and dark, at 1280×800 to docs/screenshots/ (the renderer in Chromium over the real handlers).
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { today } from '../src/shared/metrics/periods.ts';
import { buildRenderer } from '../tests/e2e/support/buildRenderer.ts';
import { startHarness } from '../tests/e2e/support/harness.ts';
import { seedJournal } from '../tests/e2e/support/seedJournal.ts';
import { seedAgentSessions } from '../tests/e2e/support/seedSessions.ts';

const OUT = resolve(import.meta.dirname, '../docs/screenshots');
const SCREENS = [
  { name: 'day', nav: 'Day', ready: '[role="grid"] [data-task-id]' },
  { name: 'log', nav: 'Log', ready: '[role="grid"] [data-task-id]' },
  { name: 'review', nav: 'Review', ready: '.recharts-surface' },
  { name: 'post', nav: 'Post', ready: '.markdown table' },
  { name: 'settings', nav: 'Settings', ready: '#set-agent' },
  { name: 'sessions', nav: 'Sessions', ready: 'tr[data-session-id]' },
] as const;

async function shoot(page: Page, file: string) {
  await page.evaluate('document.fonts.ready');
  await page.screenshot({ path: join(OUT, file), type: 'png' });
  console.log(`wrote docs/screenshots/${file}`);
}

mkdirSync(OUT, { recursive: true });
const rendererDir = await buildRenderer(mkdtempSync(join(tmpdir(), 'leverage-shots-')));
for (const theme of ['light', 'dark'] as const) {
  const harness = await startHarness({
    rendererDir,
    colorScheme: theme,
    shownPaths: { databasePath: '/home/ada/.config/Leverage Journal/journal.sqlite', backupFolder: '/home/ada/.config/Leverage Journal/backups' },
  });
  try {
    const count = seedJournal(harness.journal, today());
    if (theme === 'light') console.log(`seeded ${count} tasks over 7 weeks`);
    seedAgentSessions(harness.journal);
    const page = await harness.newPage('/index.html', { colorScheme: theme });
    for (const screen of SCREENS) {
      await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: screen.nav }).click();
      await page.locator(screen.ready).first().waitFor();
      if (screen.name === 'day') await page.getByLabel('Quick add').fill('Refactor scoring pipeline 6h 8m 40k #scoring');
      if (screen.name === 'sessions') for (const box of (await page.locator('tr[data-session-id] input[type="checkbox"]').all()).slice(0, 2)) await box.check();
      await shoot(page, `${screen.name}-${theme}.png`);
      if (screen.name === 'review') {
        // The factor distribution and workstream share sit below the fold: a second picture shows them.
        await page.getByRole('region', { name: 'Hours by workstream' }).scrollIntoViewIfNeeded();
        await shoot(page, `review-more-${theme}.png`);
        await page.locator('.content').evaluate((element) => element.scrollTo({ top: 0 }));
      }
    }
    // File → Import with one of the published posts: the dry run before anything is written.
    await harness.emit(page, 'command', { name: 'import' });
    await page.getByLabel('Post file to import').setInputFiles(resolve(import.meta.dirname, '../tests/fixtures/posts/leverage-record-2026-03-01.txt'));
    await page.getByText('Dry run:', { exact: false }).waitFor();
    await shoot(page, `import-${theme}.png`);
    await page.keyboard.press('Escape');

    // Publishing: the Post screen with a redaction profile's preview, then the article dialog.
    harness.journal.settings.update({
      redactionProfiles: [{ name: 'public', aliases: [{ from: 'scoring', to: 'ranking' }, { from: 'vendor', to: 'a supplier' }] }],
      activeRedactionProfile: 'public',
    });
    await harness.emit(page, 'settingsChanged', harness.journal.settings.get());
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Post' }).click();
    await page.locator('.leak-check').waitFor();
    await shoot(page, `post-redaction-${theme}.png`);
    await page.getByRole('button', { name: 'Export article…' }).click();
    await page.locator('.article-preview img').first().waitFor();
    await shoot(page, `article-${theme}.png`);
    await page.getByRole('dialog', { name: 'Export article' }).getByRole('button', { name: 'Cancel' }).click();
    const quick = await harness.newPage('/quick-add.html', { colorScheme: theme });
    await quick.setViewportSize({ width: 560, height: 300 });
    await quick.getByLabel('Quick add').fill('Write the release notes 2h 6m 18k #docs');
    await quick.keyboard.press('Enter');
    await quick.getByText('Saved', { exact: false }).first().waitFor();
    await quick.getByLabel('Quick add').fill('Add CSV export to the log 3h 9m #web');
    await shoot(quick, `quick-add-${theme}.png`);
    if (harness.problems.length > 0) throw new Error(`Console problems:\n${harness.problems.join('\n')}`);
  } finally {
    await harness.close();
  }
}
