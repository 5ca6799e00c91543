import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { dropSession, inboxFolderFor } from '../../src/core/hook/inbox.ts';
import { today } from '../../src/shared/metrics/periods.ts';
import { useHarness } from './support/harness.ts';

/**
 * Hostile content in every screen (the hostile-content requirement): titles, notes, workstreams, models, the day's intro
 * and analysis, the post templates, a redaction profile and a hook session carry HTML, script and
 * markdown payloads. Each would set `window.__pwned` if it ran. Every screen must show them as
 * text, run nothing and create no element from them; the CSP must refuse an inline script.
 */
const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '<a href="javascript:window.__pwned=3">click</a>',
  '<svg onload="window.__pwned=4"></svg>',
  '<iframe src="javascript:window.__pwned=5"></iframe>',
  '[click me](javascript:window.__pwned=6)',
  '![tracker](http://evil.example/pixel.png)',
  '<details open ontoggle="window.__pwned=7">x</details>',
] as const;
const TEXT = PAYLOADS.join(' ');

/** Elements only a payload could have made: the app itself has none of these. */
const PAYLOAD_ELEMENTS = [
  'img[src="x"]',
  'img[src*="evil.example"]',
  'script:not([src])',
  'iframe',
  'svg[onload]',
  'details[ontoggle]',
  'a[href^="javascript:" i]',
  '[onerror]',
  '[onload]',
  '[ontoggle]',
].join(', ');

const harness = useHarness();
let page: Page;
const day = today();

interface Probe {
  pwned: unknown;
  payloadElements: string[];
  text: string;
  values: string[];
}

async function probe(target: Page): Promise<Probe> {
  return target.evaluate((selector) => {
    const doc = (globalThis as unknown as { document: { querySelectorAll: (s: string) => ArrayLike<{ outerHTML: string; value?: string }>; body: { innerText: string } } }).document;
    return {
      pwned: (globalThis as unknown as { __pwned?: unknown }).__pwned,
      payloadElements: Array.from(doc.querySelectorAll(selector)).map((element) => element.outerHTML.slice(0, 120)),
      text: doc.body.innerText,
      values: Array.from(doc.querySelectorAll('input, textarea')).map((element) => element.value ?? ''),
    };
  }, PAYLOAD_ELEMENTS);
}

async function expectInert(target: Page, where: string) {
  // Give an onerror/onload a moment to fire if an element had been made.
  await target.waitForTimeout(150);
  const result = await probe(target);
  expect(result.pwned, `a payload ran on ${where}`).toBeUndefined();
  expect(result.payloadElements, `payload elements on ${where}`).toEqual([]);
  return result;
}

function shownAsText(result: Probe, payload: string): boolean {
  return result.text.includes(payload) || result.values.some((value) => value.includes(payload));
}

async function go(screen: string): Promise<boolean> {
  const button = page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: screen });
  if ((await button.count()) === 0) return false;
  await button.click();
  return true;
}

beforeAll(async () => {
  const { journal } = harness;
  journal.tasks.createMany(
    PAYLOADS.map((payload, index) => ({
      workDate: day,
      title: `T${index} ${payload}`,
      notes: payload,
      workstream: payload.slice(0, 60),
      model: payload.slice(0, 40),
      humanSeconds: (index + 1) * 3600,
      agentSeconds: 600,
    })),
  );
  journal.days.update(day, { intro: `Intro ${TEXT}`, analysis: `Analysis ${TEXT}` });
  journal.settings.update({
    authorLine: `By ${PAYLOADS[0]}`,
    aboutText: `About ${PAYLOADS[1]} ${PAYLOADS[5]}`,
    footer: `Footer ${PAYLOADS[6]} ${PAYLOADS[2]}`,
    defaultWorkstreams: [PAYLOADS[3]],
    redactionProfiles: [{ name: PAYLOADS[0], aliases: [{ from: 'T1', to: PAYLOADS[4] }] }],
    activeRedactionProfile: PAYLOADS[0],
  });
  dropSession(inboxFolderFor(journal.path), { session_id: 'hostile-session', cwd: `/home/ada/${PAYLOADS[0]}` });
  page = await harness.openMainWindow();
});


describe('hostile content renders as text on every screen', () => {
  test('Day: grid, intro, analysis, facts and the hook banner', async () => {
    await page.locator('[role="row"][data-task-id]').first().waitFor();
    await page.getByText('A Claude Code session finished: log it?').waitFor();
    const result = await expectInert(page, 'Day');
    expect(shownAsText(result, `Intro ${TEXT}`)).toBe(true);
    expect(shownAsText(result, `Analysis ${TEXT}`)).toBe(true);
    expect(result.text).toContain(`/home/ada/${PAYLOADS[0]}`);
    expect(result.text).toContain(`T0 ${PAYLOADS[0]}`);
  });

  test('Log, Review and Sessions', async () => {
    await go('Log');
    await page.locator('.log-screen [role="row"][data-task-id]').first().waitFor();
    const log = await expectInert(page, 'Log');
    for (const [index, payload] of PAYLOADS.entries()) expect(log.text).toContain(`T${index} ${payload}`);
    await go('Review');
    await page.locator('.recharts-surface').first().waitFor();
    const review = await expectInert(page, 'Review');
    // The share chart names the largest workstreams (the rest are "Other").
    expect(review.text).toContain(PAYLOADS[7]);
    if (await go('Sessions')) await expectInert(page, 'Sessions');
  });

  test('Post: the rendered post, its source, the redaction preview and the article dialog', async () => {
    await go('Post');
    await page.locator('.post-rendered .markdown table').first().waitFor();
    const post = await expectInert(page, 'Post');
    // The rendered post shows the titles as words, not as tags, links or images.
    const rendered = await page.locator('.post-rendered').innerText();
    expect(rendered).toContain('<script>window.__pwned=2</script>');
    expect(rendered).toContain('<img src=x onerror="window.__pwned=1">');
    // A markdown link to javascript: keeps its words and loses its target.
    const hrefs = await page.locator('.post-rendered a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(hrefs.filter((href) => !/^(https?:|#|$)/.test(href))).toEqual([]);
    expect(await page.locator('.post-rendered img').count()).toBe(0);
    // The footer's markdown image (a tracking pixel) shows as its alt text; nothing is fetched.
    expect(rendered).toContain('[image: tracker]');
    expect(post.text).toContain(`Footer ${PAYLOADS[6]}`);
    expect(await page.getByLabel('Redaction profile').inputValue()).toBe(PAYLOADS[0]);
    await page.getByRole('button', { name: 'Export article…' }).click();
    await page.getByRole('dialog', { name: 'Export article' }).locator('.article-preview table').first().waitFor();
    const article = await expectInert(page, 'the article dialog');
    // The article goes through the one exporter: the active profile replaces the private name T1, and the payload stays text.
    expect(article.text).toContain(PAYLOADS[1]);
    expect(article.text).not.toContain(`T1 ${PAYLOADS[1]}`);
    await page.getByRole('dialog', { name: 'Export article' }).getByRole('button', { name: 'Cancel' }).click();
  });

  test('Settings: templates, workstreams and redaction profiles', async () => {
    await go('Settings');
    await page.locator('#set-agent').waitFor();
    const settings = await expectInert(page, 'Settings');
    expect(shownAsText(settings, `About ${PAYLOADS[1]} ${PAYLOADS[5]}`)).toBe(true);
    expect(shownAsText(settings, PAYLOADS[3])).toBe(true);
    expect(settings.text).toContain(PAYLOADS[4]);
  });

  test('Quick add: a hostile line is saved and echoed as text', async () => {
    const quick = await harness.newPage('/quick-add.html');
    await quick.getByLabel('Quick add').fill(`${PAYLOADS[0]} 2h 6m`);
    await quick.keyboard.press('Enter');
    await quick.locator('.quick-last').getByText(PAYLOADS[0], { exact: false }).waitFor();
    await expectInert(quick, 'Quick add');
    await quick.close();
  });

  test('the CSP refuses an inline script and reports the violation', async () => {
    const outcome = await page.evaluate(async () => {
      const global = globalThis as unknown as {
        __cspRan?: number;
        document: {
          addEventListener: (type: string, listener: (event: { violatedDirective: string }) => void) => void;
          createElement: (tag: string) => { textContent: string };
          head: { appendChild: (node: unknown) => void };
        };
      };
      const violations: string[] = [];
      global.document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
      const script = global.document.createElement('script');
      script.textContent = 'window.__cspRan = 1; window.__pwned = "inline"';
      global.document.head.appendChild(script);
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { ran: global.__cspRan, violations };
    });
    expect(outcome.ran).toBeUndefined();
    expect(outcome.violations.some((directive) => directive.startsWith('script-src'))).toBe(true);
    expect((await probe(page)).pwned).toBeUndefined();
    // The only problems the whole run saw are Chromium's reports of the violation this test provoked:
    // no payload made a request the CSP had to block. The policy is sent both as a header and in the
    // page's meta tag, so each reports the one script.
    const provoked = /CSP violation: script-src(-elem)? blocked inline|Executing inline script violates/;
    expect(harness.problems.filter((problem) => !provoked.test(problem))).toEqual([]);
    expect(harness.problems.filter((problem) => /CSP violation: script-src(-elem)? blocked inline/.test(problem))).toHaveLength(2);
  });
});
