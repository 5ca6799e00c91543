#!/usr/bin/env node
/**
 * The Claude Code Stop hook's entry point: `node leverageStopHook.ts --inbox DIR`, the hook JSON
 * on stdin. Deliberately separate from the `leverage` CLI so that it loads only the inbox module
 * (no SQLite, no commander, no other commands) and returns to Claude Code at once. It prints
 * nothing on stdout (Claude Code would read it as hook output) and never exits 2 (which would
 * block Claude from stopping): a failure is one line on stderr and exit code 1.
 */
import { acceptHookPayload } from './inbox.ts';

const MAX_STDIN_BYTES = 1_000_000;

async function main(): Promise<void> {
  const flag = process.argv.indexOf('--inbox');
  const inbox = flag === -1 ? undefined : process.argv[flag + 1];
  if (!inbox) throw new Error('usage: leverageStopHook.ts --inbox DIR (the hook JSON on stdin)');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_STDIN_BYTES) throw new Error('The hook input is larger than 1 MB.');
    chunks.push(buffer);
  }
  acceptHookPayload(inbox, Buffer.concat(chunks).toString('utf8'));
}

main().catch((error: unknown) => {
  process.stderr.write(`leverage hook: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
