import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startHarness, type Harness } from './support/harness.ts';
import { FIXTURE_CLAUDE_ROOTS, seedAgentSessions } from './support/seedSessions.ts';

/**
 * Agent sessions in real Chromium over the real handlers: the Sessions screen, "Add as task", the
 * form's session picker and quick add's prefill, each filling agent time and tokens and linking.
 * Fixture sessions (figures as the scanner derives them from tests/fixtures/claude):
 *   "Build the sessions list": 8 min, 5,550 fresh tokens, 8,400 cache reads (2026-03-01)
 *   "Import published Leverage Record posts": 4⅔ min, 5,865 fresh, 6,500 cache reads (2026-03-01)
 *   "Refactor the scoring CLI": 2⅙ min, 203 fresh (2026-02-28)
 */
let harness: Harness;
let page: Page;
const savedConfigDir = process.env.CLAUDE_CONFIG_DIR;

function sessionRow(title: string): Locator {
  return page.locator('tr[data-session-id]').filter({ hasText: title });
}
function taskRow(title: string): Locator {
  return page.locator('[role="row"][data-task-id]').filter({ hasText: title });
}
function linkedTitles(taskTitle: string): string[] {
  const task = harness.journal.tasks.query({ text: taskTitle }).rows[0];
  if (!task) return [];
  return harness.journal.agentSessions.listSessions().filter((session) => session.linkedTaskIds.includes(task.id)).map((session) => session.title ?? '');
}

beforeAll(async () => {
  // "Scan now" runs the real handler, which reads CLAUDE_CONFIG_DIR: point it at the fixture corpus, never at this machine's logs.
  process.env.CLAUDE_CONFIG_DIR = FIXTURE_CLAUDE_ROOTS.join(',');
  harness = await startHarness();
  seedAgentSessions(harness.journal);
  page = await harness.openMainWindow();
});

afterAll(async () => {
  await harness?.close();
  if (savedConfigDir === undefined) delete process.env.CLAUDE_CONFIG_DIR;
  else process.env.CLAUDE_CONFIG_DIR = savedConfigDir;
});

describe('agent sessions against the real handlers', () => {
  test('Ctrl+6 lists the sessions with agent time, fresh tokens apart from cache reads, project and branch; Scan now reports', async () => {
    await page.keyboard.press('Control+6');
    await page.getByRole('heading', { name: 'Agent sessions' }).waitFor();
    await page.locator('tr[data-session-id]').first().waitFor();
    expect(await page.locator('tr[data-session-id]').count()).toBe(4);
    const cells = await sessionRow('Build the sessions list').locator('td').allInnerTexts();
    expect(cells.slice(1).map((cell) => cell.replace(/\s+/g, ' ').trim())).toEqual([
      expect.stringMatching(/^CC ?Build the sessions list leverage-journal · feature\/sessions · sonnet-4-5$/),
      expect.any(String),
      '8min',
      '63min',
      '5.6k',
      '8.4k',
      '—',
    ]);
    await page.getByRole('button', { name: 'Scan now' }).click();
    // The corpus was stored before: the incremental re-scan sees every file and finds nothing new.
    await page.getByText(/^Scanned 6 log files: 0 sessions updated$/).waitFor();
    expect(await page.getByRole('button', { name: 'Scan now' }).isEnabled()).toBe(true);
  });

  test('Add as task fills the entry form from the selected sessions; saving links them', async () => {
    await sessionRow('Build the sessions list').getByRole('checkbox').check();
    await sessionRow('Import published Leverage Record posts').getByRole('checkbox').check();
    await page.getByText('2 sessions: 12.7min agent, 11.4k fresh tokens (14.9k cache reads)').waitFor();
    await page.getByRole('button', { name: 'Add as task' }).click();
    await page.getByRole('heading', { name: 'March 1, 2026' }).waitFor();
    const form = page.getByRole('form', { name: 'New task' });
    expect(await form.getByLabel('Claude time').inputValue()).toBe('12m 40s');
    expect(await form.getByLabel('Tokens').inputValue()).toBe('11415');
    expect(await form.getByLabel('Title').inputValue()).toBe('Build the sessions list');
    await form.getByLabel('Human estimate').fill('6h');
    await form.getByRole('button', { name: 'Save task' }).click();
    await taskRow('Build the sessions list').waitFor();
    await expect.poll(() => linkedTitles('Build the sessions list').sort()).toEqual(['Build the sessions list', 'Import published Leverage Record posts']);
    const task = harness.journal.tasks.query({ text: 'Build the sessions list' }).rows[0];
    expect(task).toMatchObject({ workDate: '2026-03-01', humanSeconds: 21_600, agentSeconds: 760, tokens: 11_415 });
    await page.keyboard.press('Control+6');
    await sessionRow('Build the sessions list').getByText('Linked').waitFor();
  });

  test('the form’s session picker fills agent time and tokens, and the task is linked on save', async () => {
    await page.keyboard.press('Control+1');
    const form = page.getByRole('form', { name: 'New task' });
    await page.getByText('All fields').click();
    await form.getByRole('button', { name: 'From sessions…' }).click();
    const picker = page.getByRole('dialog', { name: 'Pick agent sessions' });
    await picker.getByRole('checkbox', { name: 'Select Refactor the scoring CLI' }).check();
    await picker.getByRole('button', { name: 'Use session' }).click();
    expect(await form.getByLabel('Claude time').inputValue()).toBe('2m 10s');
    expect(await form.getByLabel('Tokens').inputValue()).toBe('203');
    await form.getByLabel('Title').fill('Scoring CLI refactor');
    await form.getByLabel('Human estimate').fill('2h');
    await form.getByLabel('Human estimate').press('Control+Enter');
    await taskRow('Scoring CLI refactor').waitFor();
    await expect.poll(() => linkedTitles('Scoring CLI refactor')).toEqual(['Refactor the scoring CLI']);
  });

  test('quick add fills itself from a session main sends, and saving links it', async () => {
    const quick = await harness.newPage('/quick-add.html');
    const line = quick.getByLabel('Quick add');
    await line.waitFor();
    const session = harness.journal.agentSessions.listSessions().find((item) => item.title === 'Quick question about the README');
    await harness.emit(quick, 'prefillQuickAdd', { sessionId: session?.sessionId });
    await expect.poll(() => line.inputValue()).toBe('Quick question about the README ');
    await quick.getByText('1 session: 0.3min agent').waitFor();
    await line.pressSequentially('1h');
    await line.press('Enter');
    await quick.getByText('Saved Quick question about the README', { exact: false }).waitFor();
    const task = harness.journal.tasks.query({ text: 'Quick question about the README' }).rows[0];
    expect(task).toMatchObject({ workDate: '2026-02-28', humanSeconds: 3600, agentSeconds: 20, tokens: 108 });
    await expect.poll(() => linkedTitles('Quick question about the README')).toEqual(['Quick question about the README']);
    await quick.close();
    expect(harness.problems).toEqual([]);
  });
});
