import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { JournalError } from '../../../src/core/errors.ts';
import { openDatabase } from '../../../src/core/store/database.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from '../../../src/core/store/migrations.ts';
import { tempFolder } from '../helpers/tempJournal.ts';

function tables(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table','trigger') ORDER BY name").all() as { name: string }[]).map((row) => row.name);
}

function insertV1Task(db: Database.Database, date: string, human: number, agent: number, deleted = false) {
  db.prepare(
    `INSERT INTO tasks (work_date, title, human_seconds, agent_seconds, tokens, created_at, updated_at, deleted_at)
     VALUES (?, 'old task', ?, ?, 1000, 'x', 'x', ?)`,
  ).run(date, human, agent, deleted ? 'x' : null);
}

describe('migrations', () => {
  it('are numbered 1, 2, 3… in order', () => {
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('create a fresh database at the latest version with WAL, and write no backup', () => {
    const folder = tempFolder();
    const opened = openDatabase(path.join(folder, 'leverage.db'));
    expect(opened.previousVersion).toBe(0);
    expect(opened.backupPath).toBeNull();
    expect(opened.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(opened.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(tables(opened.db)).toEqual(expect.arrayContaining(['tasks', 'days', 'settings', 'day_totals']));
    opened.db.close();
    expect(fs.existsSync(path.join(folder, 'backups'))).toBe(false);
  });

  it('upgrade a version-1 database with data, backfilling day totals, after writing a backup', () => {
    const folder = tempFolder();
    const file = path.join(folder, 'leverage.db');
    const v1 = openDatabase(file, { migrations: MIGRATIONS.slice(0, 1) });
    insertV1Task(v1.db, '2026-03-01', 3600, 600);
    insertV1Task(v1.db, '2026-03-01', 7200, 600);
    insertV1Task(v1.db, '2026-03-01', 99_999, 1, true);
    v1.db.close();

    const upgraded = openDatabase(file);
    expect(upgraded.previousVersion).toBe(1);
    expect(upgraded.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const totals = upgraded.db.prepare('SELECT task_count, human_seconds, agent_seconds, tokens FROM day_totals').all();
    expect(totals).toEqual([{ task_count: 2, human_seconds: 10_800, agent_seconds: 1200, tokens: 2000 }]);
    upgraded.db.close();

    expect(upgraded.backupPath).not.toBeNull();
    const backup = new Database(upgraded.backupPath as string, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT count(*) AS n FROM tasks').get()).toEqual({ n: 3 });
    backup.close();
  });

  it('refuse a database written by a newer version and leave it byte for byte untouched', () => {
    const file = path.join(tempFolder(), 'leverage.db');
    const newer = new Database(file);
    newer.exec('CREATE TABLE future (x)');
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    newer.close();
    const before = fs.readFileSync(file);

    let error: unknown;
    try {
      openDatabase(file);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(JournalError);
    expect((error as JournalError).code).toBe('DATABASE_TOO_NEW');
    expect((error as JournalError).message).toMatch(/newer version .* left untouched/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('roll a failing migration back completely and keep the pre-migration backup', () => {
    const folder = tempFolder();
    const file = path.join(folder, 'leverage.db');
    const v1 = openDatabase(file, { migrations: MIGRATIONS.slice(0, 1) });
    insertV1Task(v1.db, '2026-03-01', 3600, 600);
    v1.db.close();

    const failing: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'fails halfway',
      up(db) {
        db.exec('CREATE TABLE half_done (x)');
        throw new Error('disk on fire');
      },
    };
    expect(() => openDatabase(file, { migrations: [...MIGRATIONS, failing] })).toThrow(/Migration \d+ \(fails halfway\) failed: disk on fire/);

    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(1);
    expect(tables(after)).not.toContain('half_done');
    expect(tables(after)).not.toContain('day_totals');
    expect(after.prepare('SELECT count(*) AS n FROM tasks').get()).toEqual({ n: 1 });
    after.close();
    expect(fs.readdirSync(path.join(folder, 'backups')).length).toBe(1);
  });

  it('report a file that is not a database clearly', () => {
    const file = path.join(tempFolder(), 'leverage.db');
    fs.writeFileSync(file, 'this is not sqlite'.repeat(100));
    expect(() => openDatabase(file)).toThrow(/is not a Leverage Journal database/);
  });
});
