import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../../../src/core/store/database.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../../src/core/store/migrations.ts';
import { dayTotalsMismatches, integrityProblems } from '../support/database.ts';
import { generatedTask } from '../support/generatedTasks.ts';
import { seededRandom, sleep, startWorker } from '../support/processes.ts';

export interface MigrationCrashFigures {
  rounds: number;
  /** Rounds killed before the child reported the migration committed. */
  killedDuringMigration: number;
  tasksPerDatabase: number;
  /** How long one uninterrupted open-and-migrate took (kills are spread over this time). */
  migrationMs: number;
  /** Outcomes after the kill: the file was still the old version, or fully migrated. */
  leftOld: number;
  leftNew: number;
  /** Rounds whose file was neither the intact old version nor the complete new one. */
  damagedRounds: number;
  problems: string[];
}

const V1_TASK_COLUMNS =
  'id, work_date, title, workstream, human_seconds, agent_seconds, supervision_seconds, tokens, model, notes, created_at, updated_at, deleted_at';

/** A schema-1 database (the first migration only) holding `count` tasks, in rollback-journal mode so it copies as one file. */
function buildVersion1Database(file: string, count: number): void {
  const { db } = openDatabase(file, { migrations: MIGRATIONS.slice(0, 1) });
  const insert = db.prepare(
    `INSERT INTO tasks (work_date, title, workstream, human_seconds, agent_seconds, supervision_seconds, tokens, model, notes, created_at, updated_at, deleted_at)
     VALUES (@workDate, @title, @workstream, @humanSeconds, @agentSeconds, @supervisionSeconds, @tokens, @model, @notes, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', @deletedAt)`,
  );
  db.transaction(() => {
    for (let n = 0; n < count; n += 1) insert.run({ ...generatedTask(0, n), deletedAt: n % 9 === 0 ? '2026-01-02T00:00:00.000Z' : null });
    db.prepare("INSERT INTO days (work_date, intro, analysis, updated_at) VALUES ('2026-01-05', 'intro', 'analysis', '2026-01-05T00:00:00.000Z')").run();
  })();
  db.pragma('journal_mode = DELETE');
  db.close();
}

/** The schema-1 columns of every task, day and setting: what no migration may lose or change. */
function v1ContentHash(db: Database.Database): string {
  const rows = db.prepare(`SELECT ${V1_TASK_COLUMNS} FROM tasks ORDER BY id`).all();
  const days = db.prepare('SELECT work_date, intro, analysis, publication_date, day_tokens, updated_at FROM days ORDER BY work_date').all();
  const settings = db.prepare('SELECT key, value FROM settings ORDER BY key').all();
  return JSON.stringify([rows, days, settings]);
}

function schemaObjects(db: Database.Database): string {
  return JSON.stringify(db.prepare("SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all());
}

/**
 * Rounds of: a child migrates a large schema-1 database to the latest schema (MIGRATIONS), and is
 * SIGKILLed at a random moment. Afterwards the file must pass integrity_check and be either exactly
 * the old database or the fully migrated one, with every v1 row intact.
 */
export async function runCrashMigration(rounds: number, options: { tasks?: number; seed?: number } = {}): Promise<MigrationCrashFigures> {
  const tasks = options.tasks ?? 60_000;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'leverage-migration-crash-'));
  const template = path.join(folder, 'template-v1.db');
  const random = seededRandom(options.seed ?? 11);
  const figures: MigrationCrashFigures = { rounds: 0, killedDuringMigration: 0, tasksPerDatabase: tasks, migrationMs: 0, leftOld: 0, leftNew: 0, damagedRounds: 0, problems: [] };
  buildVersion1Database(template, tasks);
  if (process.env.DEBUG_RELIABILITY) console.log("built");
  const templateDb = new Database(template, { readonly: true });
  const expectedV1 = v1ContentHash(templateDb);
  templateDb.close();
  const reference = path.join(folder, 'reference.db');
  const referenceDb = openDatabase(reference).db;
  const expectedNewSchema = schemaObjects(referenceDb);
  const expectedOldSchema = (() => {
    const db = new Database(template, { readonly: true });
    try {
      return schemaObjects(db);
    } finally {
      db.close();
    }
  })();
  referenceDb.close();

  // The first round measures how long an uninterrupted migration takes; kills are spread over that time.
  let migrationMs = 0;
  let next = startWorker('migrate.ts', [path.join(folder, 'round-1.db')]);
  try {
    for (let round = 0; round <= rounds; round += 1) {
      const file = path.join(folder, `round-${round + 1}.db`);
      fs.copyFileSync(template, file);
      const worker = next;
      await worker.waitForLine((line) => line === 'loaded');
      if (round < rounds) next = startWorker('migrate.ts', [path.join(folder, `round-${round + 2}.db`)]);
      worker.send('go');
      await worker.waitForLine((line) => line === 'migrating');
      const started = Date.now();
      if (round === 0) {
        await worker.waitForLine((line) => line.startsWith('migrated'), 120_000);
        migrationMs = Date.now() - started;
        figures.migrationMs = migrationMs;
      } else {
        await sleep(Math.floor(random() * migrationMs * 1.1));
        worker.child.kill('SIGKILL');
      }
      await worker.exited;
      const completed = worker.lines.some((line) => line.startsWith('migrated'));

      const db = new Database(file);
      let version = 0;
      try {
        version = db.pragma('user_version', { simple: true }) as number;
        const problems = integrityProblems(db);
        if (version === 1) {
          if (completed) problems.push('the child reported the migration committed but the file is still version 1');
          if (schemaObjects(db) !== expectedOldSchema) problems.push('version 1 file with a changed schema (a partial migration)');
        } else if (version === LATEST_SCHEMA_VERSION) {
          if (schemaObjects(db) !== expectedNewSchema) problems.push('latest-version file without the full latest schema');
          problems.push(...dayTotalsMismatches(db));
        } else {
          problems.push(`unexpected schema version ${version}`);
        }
        if (v1ContentHash(db) !== expectedV1) problems.push('the version 1 rows changed');
        if (problems.length > 0) {
          figures.damagedRounds += 1;
          figures.problems.push(`round ${round}: ${problems.slice(0, 5).join('; ')}`);
        }
      } finally {
        db.close();
      }
      for (const name of fs.readdirSync(folder)) {
        if (name.startsWith(`round-${round + 1}.db`)) fs.rmSync(path.join(folder, name), { force: true });
      }
      fs.rmSync(path.join(folder, 'backups'), { recursive: true, force: true });
      if (round > 0) {
        figures.rounds += 1;
        if (!completed) figures.killedDuringMigration += 1;
        if (version === 1) figures.leftOld += 1;
        else figures.leftNew += 1;
      }
    }
  } finally {
    next.child.kill('SIGKILL');
    await next.exited;
    fs.rmSync(folder, { recursive: true, force: true });
  }
  return figures;
}
