import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHANNELS, EVENT_NAMES, ipcContract, type Channel } from '../../../src/shared/ipc/contract.ts';
import { invokeHandler } from '../../../src/core/ipc/invokeHandler.ts';
import { Journal } from '../../../src/core/journal.ts';
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
  /** Emits an event to every page, as main does (dataChanged, settingsChanged, command). */
  emit: (page: Page, event: string, payload: unknown) => Promise<void>;
  newPage: (path?: string, options?: { colorScheme?: 'light' | 'dark' }) => Promise<Page>;
  /** The main window, once the Day screen is ready (its quick-add line is on the page). */
  openMainWindow: () => Promise<Page>;
  close: () => Promise<void>;
}

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
  await context.exposeFunction('__leverageInvoke', (channel: Channel, input: unknown) => invokeHandler(ipcContract, handlers, channel, input));
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

  return {
    url: server.url,
    rendererDir,
    journal,
    shell: log,
    context,
    problems,
    newPage,
    openMainWindow,
    emit: (page, event, payload) =>
      page.evaluate(([name, body]) => (globalThis as unknown as { __leverageEmit: (event: string, payload: unknown) => void }).__leverageEmit(name as string, body), [event, payload] as const),
    close: async () => {
      await context.close();
      await server.close();
      journal.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
