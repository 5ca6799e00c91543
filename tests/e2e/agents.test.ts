import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { scanAgent } from '../../src/core/agentLogs/readers/index.ts';
import { createTaskFromSessions } from '../../src/core/agentLogs/sessionFill.ts';
import { today } from '../../src/shared/metrics/periods.ts';
import { CODEX, GEMINI, OPENCODE, writeCodexCorpus, writeGeminiCorpus, writeOpenCodeCorpus } from '../node/agentLogs/readers/corpora.ts';
import { startHarness, type Harness } from './support/harness.ts';

/**
 * Sessions of three agents (Codex CLI, Gemini CLI, OpenCode; all on 2026-03-02 in the fixture
 * corpora) in real Chromium over the real handlers: the Sessions screen marks each session's agent
 * and filters by agent; tasks linked to them make today's post say "Agent Time".
 */
let harness: Harness;
let page: Page;
let dir: string;
const day = today();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leverage-e2e-agents-'));
  harness = await startHarness();
  scanAgent(harness.journal.db, 'codex', [writeCodexCorpus(path.join(dir, 'codex'))]);
  scanAgent(harness.journal.db, 'gemini', [writeGeminiCorpus(path.join(dir, 'gemini'))]);
  scanAgent(harness.journal.db, 'opencode', [writeOpenCodeCorpus(path.join(dir, 'opencode'))]);
  createTaskFromSessions(harness.journal, { workDate: day, title: 'Upload retries', humanSeconds: 4 * 3600 }, [CODEX.main]);
  createTaskFromSessions(harness.journal, { workDate: day, title: 'CI cache fix', humanSeconds: 2 * 3600 }, [GEMINI.main]);
  createTaskFromSessions(harness.journal, { workDate: day, title: 'Orders pagination', humanSeconds: 6 * 3600 }, [OPENCODE.parent]);
  page = await harness.openMainWindow();
});

afterAll(async () => {
  await harness?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('sessions of several agents', () => {
  test('the Sessions screen marks each agent and filters by agent', async () => {
    await page.keyboard.press('Control+6');
    await page.getByRole('heading', { name: 'Agent sessions' }).waitFor();
    await page.locator('tr[data-session-id]').first().waitFor();
    expect(await page.locator('tr[data-session-id]').count()).toBe(10);
    expect(await page.locator(`tr[data-session-id="${CODEX.main}"]`).getByRole('img', { name: 'Codex CLI' }).count()).toBe(1);
    expect(await page.locator(`tr[data-session-id="${OPENCODE.child}"]`).getByRole('img', { name: 'OpenCode' }).count()).toBe(1);
    await page.getByRole('combobox', { name: 'Agent' }).selectOption({ label: 'Gemini CLI' });
    expect(await page.locator('tr[data-session-id]').count()).toBe(3);
    await page.getByRole('combobox', { name: 'Agent' }).selectOption({ label: 'All agents' });
    expect(await page.locator('tr[data-session-id]').count()).toBe(10);
  });

  test('the day of three agents: the post says "Agent Time"', async () => {
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Post' }).click();
    await expect.poll(() => page.locator('.post-source pre').innerText()).toContain('| Task | Human Est. | Agent Time | Tokens | Leverage |');
    expect(await page.locator('.post-source pre').innerText()).toContain('| Total agent minutes |');
  });
});
