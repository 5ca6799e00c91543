#!/usr/bin/env node
/**
 * The `leverage` command. This entry stays tiny: it checks the Node version first (an older Node
 * gets one line and exit code 1, before anything that could crash it is loaded), then loads the
 * program, whose commands load their own modules on demand. Bundled into out/cli/leverage.js by
 * `npm run build`; `npm run leverage` runs this file from the sources.
 */
import { fileURLToPath } from 'node:url';
import { nodeVersionProblem } from './nodeVersion.ts';

const problem = nodeVersionProblem(process.version);
if (problem) {
  process.stderr.write(`${problem}\n`);
  process.exit(1);
}

const { runCli } = await import('./program.ts');
const { cliHookRunner } = await import('../core/hook/hookCommand.ts');
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: process.stdin,
  // Bundled (out/cli/leverage.js), the post readers' worker is the importReader.js entry beside it.
  readerEntry: import.meta.url.endsWith('.ts') ? undefined : new URL('./importReader.js', import.meta.url),
  env: process.env,
  cwd: process.env.INIT_CWD ?? process.cwd(),
  hookRunner: cliHookRunner(fileURLToPath(import.meta.url), process.execPath),
});
