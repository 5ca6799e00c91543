// Renderer figures for the benchmark: production bundle size of each window (raw and gzip).
// The Log-screen render timing in headless Chromium is added once the end-to-end harness exists.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { generateTasks } from './seedData.ts';
import { percentile } from './timing.ts';

export interface BundleFigure {
  window: string;
  rawKb: number;
  gzipKb: number;
}
export interface RendererFigures {
  bundles: BundleFigure[];
  logScreen: { tasks: number; firstRenderMs: number; rowElements: number } | null;
}

const RENDERER_OUT = path.resolve(import.meta.dirname, '../../out/renderer');

/** JS loaded up front by an HTML entry: its module script and the chunks it preloads. */
function entryScripts(htmlFile: string): string[] {
  const html = fs.readFileSync(htmlFile, 'utf8');
  return [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((match) => path.join(RENDERER_OUT, match[1] as string));
}

export function bundleSizes(): BundleFigure[] {
  if (!fs.existsSync(RENDERER_OUT)) throw new Error('No renderer build at out/renderer: run `npm run build` first.');
  return fs
    .readdirSync(RENDERER_OUT)
    .filter((file) => file.endsWith('.html'))
    .map((file) => {
      const scripts = entryScripts(path.join(RENDERER_OUT, file));
      const buffers = scripts.map((script) => fs.readFileSync(script));
      return {
        window: file.replace(/\.html$/, ''),
        rawKb: buffers.reduce((sum, buffer) => sum + buffer.length, 0) / 1024,
        gzipKb: buffers.reduce((sum, buffer) => sum + zlib.gzipSync(buffer, { level: 9 }).length, 0) / 1024,
      };
    });
}

/**
 * The Log screen at 100k tasks in headless Chromium, with window.api bound to the real handler table
 * over a real SQLite file (the end-to-end harness): time from the Log command to its first data row,
 * and how many row elements the page holds.
 */
async function measureLogScreen(taskCount: number): Promise<{ tasks: number; firstRenderMs: number; rowElements: number }> {
  const { startHarness } = await import('../../tests/e2e/support/harness.ts');
  const harness = await startHarness();
  try {
    harness.journal.tasks.insertValidated([...generateTasks(taskCount)]);
    const page = await harness.openMainWindow();
    const runs: number[] = [];
    let rowElements = 0;
    for (let run = 0; run < 5; run += 1) {
      await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Day' }).click();
      await page.getByLabel('Quick add').waitFor();
      const started = performance.now();
      await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Log' }).click();
      const grid = page.getByRole('grid', { name: 'All tasks' });
      await grid.locator('[role="row"][data-task-id]').first().waitFor();
      runs.push(performance.now() - started);
      rowElements = await grid.locator('[role="row"]').count();
    }
    if (harness.problems.length > 0) throw new Error(`The page reported problems: ${harness.problems.join('; ')}`);
    return { tasks: taskCount, firstRenderMs: percentile(runs, 50), rowElements };
  } finally {
    await harness.close();
  }
}

export async function measureRenderer(log: (line: string) => void): Promise<RendererFigures> {
  const bundles = bundleSizes();
  log('\n== renderer bundles (JS loaded at start)');
  for (const bundle of bundles) log(`${bundle.window.padEnd(12)} ${bundle.rawKb.toFixed(1).padStart(8)} KB raw ${bundle.gzipKb.toFixed(1).padStart(8)} KB gzip`);
  const logScreen = await measureLogScreen(100_000);
  log(`Log screen at ${logScreen.tasks.toLocaleString('en-US')} tasks: first render ${logScreen.firstRenderMs.toFixed(0)} ms (median of 5, lazy chunk cached after the first), ${logScreen.rowElements} row elements in the DOM`);
  return { bundles, logScreen };
}
