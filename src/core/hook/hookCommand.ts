import path from 'node:path';

/** POSIX single-quoting: Claude Code runs hook commands through a shell. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * What runs `leverage hook run` on this machine, by how Leverage Journal was installed:
 * - `app`: the installed app's own binary (it runs CLI commands headless, see src/main/cliMode.ts);
 * - `cli`: the bundled CLI (out/cli/leverage.js, e.g. from `npm install -g`) under the Node running it;
 * - `source`: the TypeScript sources of a checkout (`npm run leverage`), which a hook must never
 *   point at: the checkout moves, its Node is a devDependency, and every run would type-strip.
 */
export type HookRunner =
  | { kind: 'app'; executable: string }
  | { kind: 'cli'; node: string; script: string }
  | { kind: 'source'; script: string };

/** The runner for a CLI whose entry file is `script`, run by the Node at `node`. */
export function cliHookRunner(script: string, node: string): HookRunner {
  return /\.[cm]?ts$/.test(script) ? { kind: 'source', script } : { kind: 'cli', node, script: path.resolve(script) };
}

/**
 * The flag that marks a Claude Code settings entry as the one Leverage Journal installed: the
 * installer recognises its own entry by this token (a user's hook that merely mentions
 * "leverage hook run" is never taken for ours); `hook run` accepts and ignores it.
 */
export const HOOK_MARKER = '--leverage-journal-hook';

/**
 * The words of a command as a POSIX shell would split it (quotes and backslashes honoured), or
 * null when it is more than one simple command: any unquoted `;`, `&`, `|`, `<`, `>`, `(`, `)`,
 * `` ` ``, `$(` or line break, or an unterminated quote. Only a simple command can be ours.
 */
export function simpleCommandWords(command: string): string[] | null {
  const words: string[] = [];
  let word: string | null = null;
  for (let index = 0; index < command.length; index += 1) {
    const char = command[index] as string;
    if (char === "'") {
      const end = command.indexOf("'", index + 1);
      if (end === -1) return null;
      word = (word ?? '') + command.slice(index + 1, end);
      index = end;
    } else if (char === '"') {
      let text = '';
      let cursor = index + 1;
      for (; cursor < command.length && command[cursor] !== '"'; cursor += 1) {
        const inner = command[cursor] as string;
        if (inner === '$' || inner === '`') return null;
        if (inner === '\\' && /["\\$`]/.test(command[cursor + 1] ?? '')) cursor += 1;
        text += command[cursor];
      }
      if (cursor >= command.length) return null;
      word = (word ?? '') + text;
      index = cursor;
    } else if (char === '\\') {
      word = (word ?? '') + (command[index + 1] ?? '');
      index += 1;
    } else if (/[;&|<>()`\n$]/.test(char)) {
      return null;
    } else if (/\s/.test(char)) {
      if (word !== null) words.push(word);
      word = null;
    } else {
      word = (word ?? '') + char;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

/** The Stop hook command for a runner; the inbox is spelled out so the hook does not depend on Claude Code's environment. */
export function hookCommandFor(runner: HookRunner, inbox: string): string {
  const tail = ['hook', 'run', '--inbox', shellQuote(inbox), HOOK_MARKER];
  switch (runner.kind) {
    case 'app':
      return [shellQuote(runner.executable), ...tail].join(' ');
    case 'cli':
      return [shellQuote(runner.node), shellQuote(runner.script), ...tail].join(' ');
    case 'source':
      throw new Error(
        'This leverage runs from the TypeScript sources of a checkout, and a hook must not point into a checkout. ' +
          'Run `npm run build` and then `node out/cli/leverage.js hook install`, install the CLI (`npm install -g .`), ' +
          'use the installed app (Settings → Claude Code), or give the command with --command.',
      );
  }
}
