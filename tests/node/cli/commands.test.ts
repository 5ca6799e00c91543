import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../helpers/tempJournal.ts';
import { leverage } from './runCli.ts';

const add = ['add', '--date', '2026-03-01', '--title', 'Refactor scoring pipeline', '--human', '6h', '--agent', '8m'];

describe('leverage CLI', () => {
  it('adds, lists, edits, deletes and undeletes a task', async () => {
    const db = path.join(tempFolder(), 'j.db');
    const added = await leverage(db, ...add, '--tokens', '40k', '--workstream', 'scoring', '--supervision', '2m', '--json');
    expect(added.code).toBe(0);
    const task = JSON.parse(added.stdout);
    expect(task).toMatchObject({ humanSeconds: 21_600, agentSeconds: 480, tokens: 40_000, workstream: 'scoring', supervisionSeconds: 120 });

    const listed = JSON.parse((await leverage(db, 'list', '--week', '2026-W09', '--json')).stdout);
    expect(listed.map((entry: { id: number }) => entry.id)).toEqual([task.id]);

    const edited = await leverage(db, 'edit', String(task.id), '--agent', '1h 30m', '--json');
    expect(JSON.parse(edited.stdout)).toMatchObject({ agentSeconds: 5400, humanSeconds: 21_600, tokens: 40_000 });

    expect((await leverage(db, 'delete', String(task.id))).stdout).toMatch(/Undo: leverage undelete/);
    expect(JSON.parse((await leverage(db, 'list', '--date', '2026-03-01', '--json')).stdout)).toEqual([]);
    expect((await leverage(db, 'undelete', String(task.id))).code).toBe(0);
    expect(JSON.parse((await leverage(db, 'stats', '--date', '2026-03-01', '--json')).stdout)).toMatchObject({ taskCount: 1, supervisionMinutes: 2 });
  });

  it.each([
    [['add', '--date', '2026-03-01', '--human', '6h', '--agent', '8m'], /required option '--title <text>' not specified/],
    [[...add.slice(0, -2), '--agent', 'soon'], /Invalid duration "soon"/],
    [[...add, '--tokens', 'lots'], /Invalid token count "lots"/],
    [['add', '--date', '2026-02-30', '--title', 'x', '--human', '1h', '--agent', '1m'], /"2026-02-30" is not a date/],
    [['edit', 'abc', '--title', 'x'], /"abc" is not a task id/],
    [['edit', '77', '--title', 'x'], /There is no task 77/],
    [['edit', '1'], /Nothing to change/],
    [['delete', '5'], /There is no task 5/],
    [['stats', '--week', '2026-W60'], /has no week 60/],
    [['stats', '--date', '2026-03-01', '--week', '2026-W09'], /only one of/],
    [['export-data', '--format', 'xml'], /Allowed choices are csv, json/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('rejects %j with one clear line on stderr and exit code 1', async (args, message) => {
    const db = path.join(tempFolder(), 'j.db');
    const run = await leverage(db, ...args);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^leverage: /);
  });

  it('prints help for every command without touching the database', async () => {
    const db = path.join(tempFolder(), 'never-created.db');
    for (const command of ['add', 'list', 'edit', 'delete', 'stats', 'export', 'export-data', 'import-data']) {
      const run = await leverage(db, command, '--help');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`Usage: leverage ${command}`));
    }
    expect(fs.existsSync(db)).toBe(false);
  });

  it('writes the post to --out and round-trips the data export through import-data', async () => {
    const folder = tempFolder();
    const db = path.join(folder, 'a.db');
    await leverage(db, ...add, '--tokens', '40k', '--notes', 'line one\nline "two", with comma');
    await leverage(db, 'add', '--date', '2026-03-02', '--title', '=HYPERLINK("x")', '--human', '158.25h', '--agent', '8.6m');
    await leverage(db, 'day', '--date', '2026-03-01', '--intro', 'Hello.', '--published', '2026-03-02');
    expect((await leverage(db, 'export', '--date', '2026-03-01', '--out', path.join(folder, 'post.md'))).stdout).toBe('');
    expect(fs.readFileSync(path.join(folder, 'post.md'), 'utf8')).toMatch(/^# Leverage Record: March 1, 2026/);

    for (const format of ['csv', 'json']) {
      const file = path.join(folder, `export.${format}`);
      expect((await leverage(db, 'export-data', '--format', format, '--out', file)).code).toBe(0);
      const other = path.join(folder, `b-${format}.db`);
      const imported = await leverage(other, 'import-data', file);
      expect(imported.stdout).toMatch(/Imported 2 task/);
      const strip = (out: string) => JSON.parse(out).map(({ id: _i, createdAt: _c, updatedAt: _u, ...task }: Record<string, unknown>) => task);
      const original = strip((await leverage(db, 'list', '--from', '2026-01-01', '--to', '2026-12-31', '--json')).stdout);
      const copy = strip((await leverage(other, 'list', '--from', '2026-01-01', '--to', '2026-12-31', '--json')).stdout);
      expect(copy).toEqual(original);
    }
  });

  it('reports a bad import row with its line number and writes nothing', async () => {
    const folder = tempFolder();
    const db = path.join(folder, 'a.db');
    const file = path.join(folder, 'bad.csv');
    fs.writeFileSync(
      file,
      'work_date,title,human_seconds,agent_seconds\n2026-03-01,good,3600,60\n2026-03-01,bad,-5,60\n',
    );
    const run = await leverage(db, 'import-data', file);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/CSV row 2 \(line 3\): humanSeconds cannot be negative/);
    expect(JSON.parse((await leverage(db, 'list', '--date', '2026-03-01', '--json')).stdout)).toEqual([]);
    fs.writeFileSync(file, 'title\nx\n');
    expect((await leverage(db, 'import-data', file)).stderr).toMatch(/missing the column\(s\) work_date, human_seconds, agent_seconds/);
  });

  it('keeps stdout to the command output when run through npm', () => {
    const db = path.join(tempFolder(), 'npm.db');
    const run = spawnSync('npm', ['run', '--silent', 'leverage', '--', '--db', db, 'stats', '--date', '2026-03-01', '--json'], {
      encoding: 'utf8',
      cwd: path.resolve(import.meta.dirname, '../../..'),
    });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ taskCount: 0, leverage: null });
  });
});
