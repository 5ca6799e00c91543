/**
 * Bundles the `leverage` CLI into out/cli/: one small entry (leverage.js: Node version check, then
 * the program) plus chunks that each command loads on demand, so `leverage stats` never parses the
 * markdown reader or the import code. Everything is bundled except better-sqlite3 (a native module)
 * and the sync engine's Automerge (its Node entry reads its .wasm beside it) and libsodium, all resolved
 * from node_modules at run time. Run by `npm run build` after electron-vite.
 */
import fs from 'node:fs';
import path from 'node:path';
import { rolldown } from 'rolldown';

const root = path.resolve(import.meta.dirname, '..');
export const CLI_OUT = path.join(root, 'out', 'cli');

export async function buildCli(outDir: string = CLI_OUT): Promise<string[]> {
  fs.rmSync(outDir, { recursive: true, force: true });
  const bundle = await rolldown({
    // importReader: the post readers' worker thread (leverage import starts it beside the entry).
    input: { leverage: path.join(root, 'src/cli/leverage.ts'), importReader: path.join(root, 'src/core/import/readWorker.ts') },
    platform: 'node',
    external: ['better-sqlite3', '@automerge/automerge', 'libsodium-wrappers-sumo'],
    // jsonc-parser's "main" is a UMD build with run-time requires; its ES build bundles cleanly.
    resolve: { mainFields: ['module', 'main'] },
    treeshake: true,
  });
  const { output } = await bundle.write({
    dir: outDir,
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    // The shebang of src/cli/leverage.ts is kept on the entry, so npm's bin shim can run it directly.
    sourcemap: false,
    minify: false,
    // Libraries in chunks named after them, so a test can tell which ones a command loads.
    codeSplitting: {
      groups: [
        { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
        { name: 'markdown', test: /node_modules[\\/](unified|remark-[a-z-]+|micromark[a-z-]*|mdast-[a-z-]+|unist-[a-z-]+|decode-named-character-reference|character-entities|vfile[a-z-]*|bail|trough|is-plain-obj|devlop|zwitch|longest-streak|markdown-table|ccount|escape-string-regexp)[\\/]/ },
        { name: 'commander', test: /node_modules[\\/]commander[\\/]/ },
        // What every command loads (the program, its option parsers and terminal formats, the domain's
        // units, zod-free checks and figures) in one chunk rather than a dozen: each module file costs a run start-up time.
        { name: 'base', test: /src[\\/](cli[\\/](program|journalFree|options|format|terminalText)\.ts|core[\\/](errors|paths)\.ts|core[\\/]files[\\/]|core[\\/]hook[\\/]hookCommand\.ts|shared[\\/](units|metrics)[\\/]|shared[\\/]domain[\\/](lightCheck|taskCheck|dayCheck|settingsCheck|taskFields)\.ts|shared[\\/]errorCodes\.ts)/ },
      ],
    },
  });
  await bundle.close();
  // out/ has "type": "module" from the root package.json; the bin must be executable for npm links.
  fs.chmodSync(path.join(outDir, 'leverage.js'), 0o755);
  return output.map((chunk) => chunk.fileName);
}

if (import.meta.main) {
  const files = await buildCli();
  const entry = fs.statSync(path.join(CLI_OUT, 'leverage.js')).size;
  process.stdout.write(`out/cli: leverage.js (${(entry / 1024).toFixed(1)} KB) + ${files.length - 1} chunks\n`);
}
