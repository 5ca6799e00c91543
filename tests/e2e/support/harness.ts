import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHANNELS, EVENT_NAMES, type Channel, type EventName, type EventPayload } from '../../../src/shared/ipc/contract.ts';
import type { Settings } from '../../../src/shared/domain/settings.ts';
import { Journal } from '../../../src/core/journal.ts';
import { totalChangesReader } from '../../../src/main/ipc/changeEvents.ts';
import { handleIpcCall } from '../../../src/main/ipc/registerIpc.ts';
import { buildRenderer } from './buildRenderer.ts';
import { findChromium } from './findChromium.ts';
import { createTestHandlers, type ShellLog } from './handlers.ts';
import { serveStatic } from './staticServer.ts';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * Defines window.api in every page before the app's scripts run: one function per channel that calls
 * the Node-side binding (the real handler table), and `on` for events the test can emit.
 */
interface ViolationEvent {
  violatedDirective: string;
  blockedURI: string;
  sourceFile: string;
  lineNumber: number;
  columnNumber: number;
}
interface PageGlobals {
  __leverageInvoke: (channel: string, input: unknown) => Promise<unknown>;
  document: { addEventListener: (type: 'securitypolicyviolation', listener: (event: ViolationEvent) => void) => void };
}

/** Runs inside the page (the test's tsconfig has no DOM types, hence the small PageGlobals view). */
function bridgeScript({ channels, events }: { channels: string[]; events: string[] }) {
  const page = globalThis as unknown as PageGlobals;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const invoke = page.__leverageInvoke;
  const api: Record<string, unknown> = {};
  for (const channel of channels) api[channel] = (input?: unknown) => invoke(channel, input);
  api.on = (event: string, listener: (payload: unknown) => void) => {
    if (!events.includes(event)) throw new Error(`Unknown event ${event}`);
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  };
  Object.defineProperty(globalThis, 'api', { value: Object.freeze(api), configurable: false, writable: false });
  Object.defineProperty(globalThis, '__leverageEmit', {
    value: (event: string, payload: unknown) => listeners.get(event)?.forEach((listener) => listener(payload)),
  });
  page.document.addEventListener('securitypolicyviolation', (event) => {
    console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`);
  });
}

export interface Harness {
  url: string;
  /** The built renderer being served. */
  rendererDir: string;
  journal: Journal;
  shell: ShellLog;
  context: BrowserContext;
  /** Console errors, page errors and CSP violations seen so far, in words. */
  problems: string[];
  /** Emits an event to one page (a menu command, an external change, a prefill). */
  emit: (page: Page, event: string, payload: unknown) => Promise<void>;
  /** Emits an event to every open page, as main's broadcast does. */
  broadcast: <E extends EventName>(event: E, payload: EventPayload<E>) => Promise<void>;
  /** Does what main does before closing a window: asks the page to save pending text and waits for its answer. */
  flushEdits: (page: Page) => Promise<void>;
  /** Opens a screen from the sidebar, as a click on the navigation does. */
  goTo: (page: Page, screen: ScreenName) => Promise<void>;
  newPage: (path?: string, options?: { colorScheme?: 'light' | 'dark' }) => Promise<Page>;
  /** The main window, once the Day screen is ready (its quick-add line is on the page). */
  openMainWindow: () => Promise<Page>;
  close: () => Promise<void>;
}

export type ScreenName = 'Day' | 'Log' | 'Review' | 'Post' | 'Settings' | 'Sessions';

export interface HarnessOptions {
  viewport?: { width: number; height: number };
  /** Reuse an already built renderer folder (screenshots build once). */
  rendererDir?: string;
  colorScheme?: 'light' | 'dark';
  /** The journal and backup paths appInfo reports (the screenshots show a user's, not a temp folder). */
  shownPaths?: { databasePath: string; backupFolder: string };
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const folder = mkdtempSync(join(tmpdir(), 'leverage-e2e-'));
  const databasePath = join(folder, 'journal.sqlite');
  const journal = Journal.open(databasePath);
  const { handlers, log } = createTestHandlers(journal, folder, options.shownPaths ?? { databasePath, backupFolder: join(folder, 'backups') });
  const rendererDir = options.rendererDir ?? (await buildRenderer(join(folder, 'renderer')));
  const server = await serveStatic(rendererDir);
  const context = await chromium.launchPersistentContext(join(folder, 'chromium-profile'), {
    executablePath: findChromium(),
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce',
  });
  const problems: string[] = [];
  const pageEmit = (page: Page, event: string, payload: unknown) =>
    page.evaluate(([name, body]) => (globalThis as unknown as { __leverageEmit: (event: string, payload: unknown) => void }).__leverageEmit(name as string, body), [event, payload] as const);
  async function broadcast<E extends EventName>(event: E, payload: EventPayload<E>): Promise<void> {
    // A page that is closing or navigating misses the event, as a destroyed window does in main.
    await Promise.all(context.pages().map((page) => pageEmit(page, event, payload).catch(() => undefined)));
  }
  // Every call goes through main's own IPC wrapper: a call that wrote announces dataChanged to every
  // page before its answer returns, and a settings change is broadcast, exactly as main does.
  const announcements: Array<Promise<void>> = [];
  const ipc = {
    handlers,
    isTrustedSender: () => true,
    countWrites: totalChangesReader(journal.db),
    onWrite: () => undefined as unknown,
    effects: { updateSettings: (settings: Settings) => void announcements.push(broadcast('settingsChanged', settings)) },
  };
  ipc.onWrite = () => announcements.push(broadcast('dataChanged', { source: 'app' }));
  await context.exposeFunction('__leverageInvoke', async (channel: Channel, input: unknown) => {
    const result = await handleIpcCall(ipc as Parameters<typeof handleIpcCall>[0], channel, { senderFrame: null as never }, input);
    await Promise.all(announcements.splice(0));
    return result;
  });
  await context.addInitScript(bridgeScript, { channels: CHANNELS as string[], events: EVENT_NAMES as string[] });

  async function newPage(path = '/index.html', pageOptions: { colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error on ${path}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error on ${path}: ${error.message}`));
    if (pageOptions.colorScheme) await page.emulateMedia({ colorScheme: pageOptions.colorScheme });
    await page.goto(server.url + path);
    return page;
  }

  async function openMainWindow(): Promise<Page> {
    const page = await newPage();
    await page.getByLabel('Quick add').waitFor();
    return page;
  }

  let flushRequests = 0;
  async function flushEdits(page: Page): Promise<void> {
    const requestId = ++flushRequests;
    await pageEmit(page, 'flushEdits', { requestId });
    const started = Date.now();
    while (!log.flushed.includes(requestId)) {
      if (Date.now() - started > 5000) throw new Error(`The page did not answer flushEdits ${requestId} within 5 s`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async function goTo(page: Page, screen: ScreenName): Promise<void> {
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: screen }).click();
  }

  return {
    url: server.url,
    rendererDir,
    journal,
    shell: log,
    context,
    problems,
    newPage,
    openMainWindow,
    emit: pageEmit,
    broadcast,
    flushEdits,
    goTo,
    close: async () => {
      await context.close();
      await server.close();
      journal.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * Starts a harness before the file's tests and closes it after them (vitest hooks registered here),
 * returning it through a stand-in that forwards to the started harness.
 */
export function useHarness(options: HarnessOptions = {}): Harness {
  let started: Harness | null = null;
  beforeAll(async () => {
    started = await startHarness(options);
  });
  afterAll(async () => {
    await started?.close();
    started = null;
  });
  return new Proxy({} as Harness, {
    get(_target, property) {
      if (!started) throw new Error(`The harness is not started: use harness.${String(property)} inside a test or hook.`);
      return started[property as keyof Harness];
    },
  });
}
