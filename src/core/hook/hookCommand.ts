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

/** The Stop hook command for a runner; the inbox is spelled out so the hook does not depend on Claude Code's environment. */
export function hookCommandFor(runner: HookRunner, inbox: string): string {
  const tail = ['hook', 'run', '--inbox', shellQuote(inbox)];
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
