#!/usr/bin/env node
/**
 * The Claude Code Stop hook's entry point: `node leverageStopHook.ts --inbox DIR`, the hook JSON
 * on stdin. Deliberately separate from the `leverage` CLI so that it loads only the inbox module
 * (no SQLite, no commander, no other commands) and returns to Claude Code at once. It prints
 * nothing on stdout (Claude Code would read it as hook output) and never exits 2 (which would
 * block Claude from stopping): a failure is one line on stderr and exit code 1.
 */
import { acceptHookPayload } from './inbox.ts';
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
