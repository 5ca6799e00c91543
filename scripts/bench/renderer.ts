// Renderer figures for the benchmark: production bundle size of each window (raw and gzip).
// The Log-screen render timing in headless Chromium is added once the end-to-end harness exists.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

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

export async function measureRenderer(_folder: string, log: (line: string) => void): Promise<RendererFigures> {
  const bundles = bundleSizes();
  log('\n== renderer bundles (JS loaded at start)');
  for (const bundle of bundles) log(`${bundle.window.padEnd(12)} ${bundle.rawKb.toFixed(1).padStart(8)} KB raw ${bundle.gzipKb.toFixed(1).padStart(8)} KB gzip`);
  return { bundles, logScreen: null };
}
