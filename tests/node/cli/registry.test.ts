import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, COMMANDS, commandsFor } from '../../../src/cli/commands/registry.ts';
import type { CommandContext } from '../../../src/cli/commands/context.ts';
import { buildProgram } from '../../../src/cli/program.ts';

const io = { stdout: () => {}, stderr: () => {}, env: {}, cwd: '/' };

describe('the CLI command table', () => {
  it('names exactly the commands each module registers, each once', async () => {
    for (const entry of COMMANDS) {
      const program = new Command('leverage');
      const register = await entry.load();
      register({ program, journal: () => { throw new Error('not opened'); }, database: async () => { throw new Error('not opened'); }, writeOut: () => {}, resolvePath: (file) => file, hookRunner: null, ...io } satisfies CommandContext);
      expect(program.commands.map((command) => command.name())).toEqual(entry.names);
    }
    expect(new Set(COMMAND_NAMES).size).toBe(COMMAND_NAMES.length);
  });

  it('loads only the module of the command a run names', () => {
    const named = (argv: string[]) => commandsFor(argv).flatMap((entry) => entry.names);
    expect(named(['list', '--date', '2026-03-01'])).toContain('list');
    expect(named(['list'])).not.toContain('export');
    expect(named(['--db', '/tmp/stats', 'hook', 'run'])).toEqual(['hook']);
    expect(named(['--db=/tmp/x.db', 'sync', 'status'])).toEqual(['sync']);
    expect(named(['help', 'publish'])).toEqual(['publish', 'revision']);
    expect(named(['stats', '--help'])).toContain('stats');
    // The top-level help, no command, an unknown command or an unknown global option: every module.
    for (const argv of [[], ['--help'], ['help'], ['frobnicate'], ['--frob', 'list']]) expect(named(argv)).toEqual(COMMAND_NAMES);
  });

  it('builds the same top-level help from the table as from every module', async () => {
    let lazy = '';
    const { program } = await buildProgram({ ...io, stdout: (text) => { lazy += text; } }, ['--help']);
    program.outputHelp();
    let full = '';
    const all = await buildProgram({ ...io, stdout: (text) => { full += text; } });
    all.program.outputHelp();
    expect(lazy).toBe(full);
    expect(all.program.commands.map((command) => command.name())).toEqual(COMMAND_NAMES);
  });
});
