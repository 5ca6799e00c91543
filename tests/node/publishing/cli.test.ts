import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hookCommandFor } from '../../../src/core/hook/hookCommand.ts';
import { Journal } from '../../../src/core/journal.ts';
import { cliBin, runLeverage, TEST_HOOK_RUNNER } from '../cli/runCli.ts';
import { loadMarchFirst, seedTaskInputs } from './seedJournal.ts';

let folder = '';
let db = '';

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'leverage-publishing-cli-'));
  db = path.join(folder, 'leverage.db');
  const journal = Journal.open(db);
  journal.tasks.createMany(seedTaskInputs(loadMarchFirst()));
  journal.close();
});
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runLeverage(['--db', db, ...args], { env: { HOME: folder }, cwd: folder });
}

describe('publishing commands', () => {
  it('facts --json lists { kind, text, figures }', async () => {
    const result = await cli('facts', '--date', '2026-03-01', '--json');
    expect(result.code).toBe(0);
    const facts = JSON.parse(result.stdout) as { kind: string; text: string; figures: Record<string, unknown> }[];
    expect(facts.find((fact) => fact.kind === 'excluding-lowest')?.text).toContain('the remaining ten tasks average 48.9x');
    expect(Object.keys(facts[0] ?? {})).toEqual(['kind', 'text', 'figures']);
    expect((await cli('facts')).stderr).toContain('Give --date');
    expect((await cli('facts', '--date', '2026-03-01', '--exclude-lowest', 'two')).code).toBe(1);
  });

  it('article writes markdown and SVG charts linked relative to the markdown', async () => {
    const result = await cli('article', '--week', '2026-W09', '--out', 'posts/week.md', '--charts', 'posts/charts');
    expect(result.code).toBe(0);
    const markdown = fs.readFileSync(path.join(folder, 'posts/week.md'), 'utf8');
    expect(markdown).toContain('![Human-equivalent hours per day](charts/human-hours-per-day.svg)');
    expect(fs.readFileSync(path.join(folder, 'posts/charts/leverage-per-week.svg'), 'utf8')).toMatch(/^<svg /);
    expect((await cli('article', '--week', '2026-W09', '--last', '7')).stderr).toContain('exactly one');
  });

  it('publish, edit, revision shows the diff; redaction preview lists replacements and leaks', async () => {
    expect((await cli('redaction', 'alias', '--profile', 'public', 'Electron', 'desktop')).code).toBe(0);
    expect((await cli('redaction', 'alias', '--profile', 'public', 'React', 'a UI library')).code).toBe(0);
    const preview = await cli('redaction', 'preview', '--date', '2026-03-01', '--profile', 'public');
    expect(preview.stdout).toContain('"Electron" → "desktop"');
    expect(preview.stdout).toContain('"React" → "a UI library"');

    const dryRun = await cli('publish', '--date', '2026-03-01', '--redact', 'public', '--dry-run');
    expect(dryRun.stdout).toContain('a UI library');
    expect((await cli('revision', '--date', '2026-03-01')).stdout).toContain('was never published');
    expect((await cli('publish', '--date', '2026-03-01', '--redact', 'public', '--strict')).stderr).not.toContain('Not published'); // nothing leaks here
    expect((await cli('revision', '--date', '2026-03-01')).stdout).toContain('is as published');

    const published = await cli('publish', '--date', '2026-03-01', '--redact', 'public', '--out', 'post.md');
    expect(published.code).toBe(0);
    expect(fs.readFileSync(path.join(folder, 'post.md'), 'utf8')).not.toContain('Electron');
    expect((await cli('revision', '--date', '2026-03-01')).stdout).toContain('is as published');

    const journal = Journal.open(db);
    const task = journal.tasks.listByDate('2026-03-01')[0];
    if (!task) throw new Error('no task');
    journal.tasks.update(task.id, { humanSeconds: 30 * 3600 });
    journal.close();
    const revision = await cli('revision', '--date', '2026-03-01');
    expect(revision.stdout).toContain(`~ #${task.id}`);
    expect(revision.stdout).toContain('humanSeconds 144000 → 108000');
    expect(revision.stdout).toContain('humanHours: 204h → 194h');
  });

  it('hook install --yes then uninstall --yes round-trips the settings file', async () => {
    const settings = path.join(folder, 'claude', 'settings.json');
    fs.mkdirSync(path.dirname(settings));
    const original = '{\n  "model": "opus",\n  "hooks": { "Stop": [ { "hooks": [ { "type": "command", "command": "say done" } ] } ] }\n}\n';
    fs.writeFileSync(settings, original);
    const withoutYes = await cli('hook', 'install', '--settings', settings);
    expect(withoutYes.code).toBe(1);
    expect(withoutYes.stdout).toContain('+ ');
    expect(fs.readFileSync(settings, 'utf8')).toBe(original);
    expect((await cli('hook', 'install', '--settings', settings, '--yes')).code).toBe(0);
    expect(fs.readFileSync(settings, 'utf8')).toContain(JSON.stringify(hookCommandFor(TEST_HOOK_RUNNER, path.join(folder, 'inbox'))));
    expect(JSON.parse((await cli('hook', 'status', '--settings', settings, '--json')).stdout)).toMatchObject({ installed: true, current: true });
    expect((await cli('hook', 'uninstall', '--settings', settings, '--yes')).code).toBe(0);
    expect(fs.readFileSync(settings, 'utf8')).toBe(original);
  });

  it('hook run reads the Stop payload on stdin, quickly and silently', () => {
    const inbox = path.join(folder, 'inbox');
    const entry = cliBin ?? path.resolve(import.meta.dirname, '../../../src/cli/leverage.ts');
    const payload = JSON.stringify({ session_id: 's-1', transcript_path: '/t/s-1.jsonl', cwd: '/w', hook_event_name: 'Stop', stop_hook_active: false });
    const run = spawnSync(process.execPath, ['--no-warnings', entry, 'hook', 'run', '--inbox', inbox], { input: payload, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    const bad = spawnSync(process.execPath, ['--no-warnings', entry, 'hook', 'run', '--inbox', inbox], { input: '{"nope":1}', encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('session_id');
    // The command `hook install` writes for the bundled CLI, run the way Claude Code runs it: through a shell.
    if (cliBin) {
      const installed = spawnSync('sh', ['-c', hookCommandFor(TEST_HOOK_RUNNER, inbox)], { input: JSON.stringify({ session_id: 's-2' }), encoding: 'utf8' });
      expect([installed.status, installed.stdout, installed.stderr]).toEqual([0, '', '']);
    } else {
      // In-process runs: the same through the sources (an out/ from an older build may be stale).
      expect(spawnSync(process.execPath, ['--no-warnings', entry, 'hook', 'run', '--inbox', inbox], { input: JSON.stringify({ session_id: 's-2' }), encoding: 'utf8' }).status).toBe(0);
    }
    return cli('hook', 'pending', '--inbox', inbox, '--json').then((pending) => {
      expect((JSON.parse(pending.stdout) as { sessionId: string }[]).map((session) => session.sessionId).sort()).toEqual(['s-1', 's-2']);
    });
  });
});
