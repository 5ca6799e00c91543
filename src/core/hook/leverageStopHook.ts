#!/usr/bin/env node
/**
 * The Stop hook entry that versions before the bundled CLI installed from a checkout
 * (`node …/src/core/hook/leverageStopHook.ts --inbox DIR`). Kept so those entries keep working
 * until `leverage hook install` or the app's Settings replace them with `… hook run --inbox DIR`
 * (both recognise this form). It prints nothing on stdout and never exits 2 (which would block
 * Claude from stopping): a failure is one line on stderr and exit code 1.
 */
import { acceptHookPayload } from './inboxDrop.ts';
import { readAll } from './readInput.ts';

async function main(): Promise<void> {
  const flag = process.argv.indexOf('--inbox');
  const inbox = flag === -1 ? undefined : process.argv[flag + 1];
  if (!inbox) throw new Error('usage: leverageStopHook.ts --inbox DIR (the hook JSON on stdin)');
  acceptHookPayload(inbox, await readAll(process.stdin));
}

main().catch((error: unknown) => {
  process.stderr.write(`leverage hook: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
