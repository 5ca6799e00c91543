import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, createLogger, type InlineConfig } from 'vite';
import config from '../../../electron.vite.config.ts';

/**
 * Builds the renderer as electron-vite does (same root, plugins, entry pages and build defaults, relative base)
 * into a fresh temporary folder, so tests never race other builds of out/renderer.
 */
// csp-safe.js is a classic script on purpose (it must run before the bundled modules): Vite's note that it
// "can't be bundled" is expected, so it is not repeated in every test run.
const logger = createLogger('warn');
const warn = logger.warn.bind(logger);
logger.warn = (message, options) => {
  if (!message.includes('csp-safe.js')) warn(message, options);
};

export async function buildRenderer(outDir = mkdtempSync(join(tmpdir(), 'leverage-renderer-'))): Promise<string> {
  const renderer = (config as { renderer: InlineConfig }).renderer;
  // Build what ships: vitest sets NODE_ENV=test, which would give React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      ...renderer,
      configFile: false,
      mode: 'production',
      base: './',
      logLevel: 'warn',
      customLogger: logger,
      // electron-vite's renderer defaults (no minification, no modulepreload polyfill), so sizes are what ships.
      build: { minify: false, modulePreload: { polyfill: false }, ...renderer.build, outDir, emptyOutDir: true, reportCompressedSize: false },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}
