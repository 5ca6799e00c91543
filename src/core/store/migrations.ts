import type Database from 'better-sqlite3';

/** The summed columns of day_totals (and week_totals). */
const DAY_SUM_COLUMNS = [
  'task_count',
  'human_seconds',
  'agent_seconds',
  'supervision_seconds',
  'supervised_count',
  'supervised_human_seconds',
  'tokens',
  'tokens_count',
  'factor_sum',
  'factor_count',
];

/** Trigger body adding one task row (NEW) to its day's totals. */
function addTaskToDayTotals(row: 'NEW'): string {
  return `
    INSERT INTO day_totals (work_date, task_count, human_seconds, agent_seconds, supervision_seconds, supervised_count,
      supervised_human_seconds, tokens, tokens_count, factor_sum, factor_count) VALUES (
      ${row}.work_date, 1, ${row}.human_seconds, ${row}.agent_seconds,
      coalesce(${row}.supervision_seconds, 0), ${row}.supervision_seconds IS NOT NULL,
      CASE WHEN ${row}.supervision_seconds IS NOT NULL THEN ${row}.human_seconds ELSE 0 END,
      coalesce(${row}.tokens, 0), ${row}.tokens IS NOT NULL,
      CASE WHEN ${row}.agent_seconds > 0 THEN CAST(${row}.human_seconds AS REAL) / ${row}.agent_seconds ELSE 0 END,
      ${row}.agent_seconds > 0)
    ON CONFLICT (work_date) DO UPDATE SET
      task_count = task_count + excluded.task_count,
      human_seconds = human_seconds + excluded.human_seconds,
      agent_seconds = agent_seconds + excluded.agent_seconds,
      supervision_seconds = supervision_seconds + excluded.supervision_seconds,
      supervised_count = supervised_count + excluded.supervised_count,
      supervised_human_seconds = supervised_human_seconds + excluded.supervised_human_seconds,
      tokens = tokens + excluded.tokens,
      tokens_count = tokens_count + excluded.tokens_count,
      factor_sum = factor_sum + excluded.factor_sum,
      factor_count = factor_count + excluded.factor_count;`;
}

/** Trigger body removing one task row (OLD) from its day's totals; an emptied day disappears. */
function removeTaskFromDayTotals(row: 'OLD'): string {
  return `
    UPDATE day_totals SET
      task_count = task_count - 1,
      human_seconds = human_seconds - ${row}.human_seconds,
      agent_seconds = agent_seconds - ${row}.agent_seconds,
      supervision_seconds = supervision_seconds - coalesce(${row}.supervision_seconds, 0),
      supervised_count = supervised_count - (${row}.supervision_seconds IS NOT NULL),
      supervised_human_seconds = supervised_human_seconds
        - CASE WHEN ${row}.supervision_seconds IS NOT NULL THEN ${row}.human_seconds ELSE 0 END,
      tokens = tokens - coalesce(${row}.tokens, 0),
      tokens_count = tokens_count - (${row}.tokens IS NOT NULL),
      factor_sum = factor_sum
        - CASE WHEN ${row}.agent_seconds > 0 THEN CAST(${row}.human_seconds AS REAL) / ${row}.agent_seconds ELSE 0 END,
      factor_count = factor_count - (${row}.agent_seconds > 0)
    WHERE work_date = ${row}.work_date;
    DELETE FROM day_totals WHERE work_date = ${row}.work_date AND task_count = 0;`;
}

export interface Migration {
  /** The user_version the database has after this migration. */
  readonly version: number;
  readonly name: string;
  up(db: Database.Database): void;
}

/**
 * The ordered list of schema migrations. Append only: a released migration is never edited.
 * Each runs inside the single transaction that runMigrations opens.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'tasks, days and settings',
    up(db) {
      db.exec(`
        CREATE TABLE tasks (
          id INTEGER PRIMARY KEY,
          work_date TEXT NOT NULL CHECK (work_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
          title TEXT NOT NULL CHECK (length(title) > 0),
          workstream TEXT,
          human_seconds INTEGER NOT NULL CHECK (human_seconds >= 0),
          agent_seconds INTEGER NOT NULL CHECK (agent_seconds >= 0),
          supervision_seconds INTEGER CHECK (supervision_seconds >= 0),
          tokens INTEGER CHECK (tokens >= 0),
          model TEXT,
          notes TEXT NOT NULL DEFAULT '',
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          deleted_at TEXT
        ) STRICT;
        CREATE INDEX tasks_live_by_date ON tasks (work_date, id) WHERE deleted_at IS NULL;

        CREATE TABLE days (
          work_date TEXT PRIMARY KEY CHECK (work_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
          intro TEXT NOT NULL DEFAULT '',
          analysis TEXT NOT NULL DEFAULT '',
          publication_date TEXT,
          day_tokens INTEGER CHECK (day_tokens >= 0),
          updated_at TEXT NOT NULL
        ) STRICT;

        CREATE TABLE settings (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    version: 2,
    name: 'per-day and per-week aggregates kept current by triggers',
    up(db) {
      // Sums per work date over live (not deleted) tasks. The triggers update them inside the
      // same transaction as every task write, so series over all history read one row per day.
      // An update is the removal of the old row's contribution and the addition of the new one's.
      db.exec(`
        CREATE TABLE day_totals (
          work_date TEXT PRIMARY KEY,
          task_count INTEGER NOT NULL,
          human_seconds INTEGER NOT NULL,
          agent_seconds INTEGER NOT NULL,
          supervision_seconds INTEGER NOT NULL,
          supervised_count INTEGER NOT NULL,
          supervised_human_seconds INTEGER NOT NULL,
          tokens INTEGER NOT NULL,
          tokens_count INTEGER NOT NULL,
          factor_sum REAL NOT NULL,
          factor_count INTEGER NOT NULL,
          -- The Monday of the day's ISO week, stored so weekly series group without date math per row.
          week_start TEXT GENERATED ALWAYS AS (date(work_date, '-6 days', 'weekday 1')) STORED
        ) STRICT, WITHOUT ROWID;

        -- The same sums per ISO week (and how many days had tasks), kept current from day_totals,
        -- so the weekly series and all-time figures over decades read a few thousand rows.
        CREATE TABLE week_totals (
          week_start TEXT PRIMARY KEY,
          day_count INTEGER NOT NULL,
          task_count INTEGER NOT NULL,
          human_seconds INTEGER NOT NULL,
          agent_seconds INTEGER NOT NULL,
          supervision_seconds INTEGER NOT NULL,
          supervised_count INTEGER NOT NULL,
          supervised_human_seconds INTEGER NOT NULL,
          tokens INTEGER NOT NULL,
          tokens_count INTEGER NOT NULL,
          factor_sum REAL NOT NULL,
          factor_count INTEGER NOT NULL
        ) STRICT, WITHOUT ROWID;

        CREATE TRIGGER day_totals_week_insert AFTER INSERT ON day_totals BEGIN
          INSERT INTO week_totals VALUES (NEW.week_start, 1, ${DAY_SUM_COLUMNS.map((column) => `NEW.${column}`).join(', ')})
          ON CONFLICT (week_start) DO UPDATE SET day_count = day_count + 1,
            ${DAY_SUM_COLUMNS.map((column) => `${column} = ${column} + excluded.${column}`).join(', ')};
        END;
        CREATE TRIGGER day_totals_week_update AFTER UPDATE ON day_totals BEGIN
          UPDATE week_totals SET ${DAY_SUM_COLUMNS.map((column) => `${column} = ${column} + NEW.${column} - OLD.${column}`).join(', ')}
          WHERE week_start = NEW.week_start;
        END;
        CREATE TRIGGER day_totals_week_delete AFTER DELETE ON day_totals BEGIN
          UPDATE week_totals SET day_count = day_count - 1,
            ${DAY_SUM_COLUMNS.map((column) => `${column} = ${column} - OLD.${column}`).join(', ')}
          WHERE week_start = OLD.week_start;
          DELETE FROM week_totals WHERE week_start = OLD.week_start AND day_count = 0;
        END;

        CREATE TRIGGER tasks_totals_insert AFTER INSERT ON tasks WHEN NEW.deleted_at IS NULL
        BEGIN ${addTaskToDayTotals('NEW')} END;
        CREATE TRIGGER tasks_totals_delete AFTER DELETE ON tasks WHEN OLD.deleted_at IS NULL
        BEGIN ${removeTaskFromDayTotals('OLD')} END;
        CREATE TRIGGER tasks_totals_update_remove AFTER UPDATE ON tasks WHEN OLD.deleted_at IS NULL
        BEGIN ${removeTaskFromDayTotals('OLD')} END;
        CREATE TRIGGER tasks_totals_update_add AFTER UPDATE ON tasks WHEN NEW.deleted_at IS NULL
        BEGIN ${addTaskToDayTotals('NEW')} END;

        INSERT INTO day_totals (work_date, task_count, human_seconds, agent_seconds, supervision_seconds, supervised_count,
          supervised_human_seconds, tokens, tokens_count, factor_sum, factor_count)
        SELECT work_date, count(*), sum(human_seconds), sum(agent_seconds),
               coalesce(sum(supervision_seconds), 0), count(supervision_seconds),
               coalesce(sum(CASE WHEN supervision_seconds IS NOT NULL THEN human_seconds END), 0),
               coalesce(sum(tokens), 0), count(tokens),
               coalesce(sum(CASE WHEN agent_seconds > 0 THEN CAST(human_seconds AS REAL) / agent_seconds END), 0),
               count(CASE WHEN agent_seconds > 0 THEN 1 END)
        FROM tasks WHERE deleted_at IS NULL GROUP BY work_date;
      `);
    },
  },
  {
    version: 3,
    name: 'agent sessions read from Claude Code logs, and task links',
    up(db) {
      // Claude Code deletes its logs after 30 days, so what we derive from them is kept here.
      // agent_log_files: how far each log file has been read (re-scans read only appended bytes)
      //   and the file's running figures (turn timing state) as JSON.
      // agent_usage: one row per message.id + requestId (ccusage's dedup key), the largest of
      //   streamed duplicates kept. agent_sessions: each session's figures, recomputed from the
      //   two tables above after every scan. days.day_tokens (migration 1) already marks a
      //   day-level token total, so no day marker is needed here.
      db.exec(`
        CREATE TABLE agent_log_files (
          path TEXT PRIMARY KEY,
          session_id TEXT,
          project_dir TEXT NOT NULL,
          is_subagent INTEGER NOT NULL CHECK (is_subagent IN (0, 1)),
          size INTEGER NOT NULL CHECK (size >= 0),
          offset INTEGER NOT NULL CHECK (offset >= 0),
          state TEXT NOT NULL,
          scanned_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX agent_log_files_by_session ON agent_log_files (session_id);

        CREATE TABLE agent_usage (
          message_key TEXT PRIMARY KEY,
          session_id TEXT NOT NULL,
          model TEXT,
          input_tokens INTEGER NOT NULL,
          output_tokens INTEGER NOT NULL,
          cache_creation_tokens INTEGER NOT NULL,
          cache_read_tokens INTEGER NOT NULL,
          total_tokens INTEGER NOT NULL,
          at TEXT
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX agent_usage_by_session ON agent_usage (session_id);

        CREATE TABLE agent_sessions (
          session_id TEXT PRIMARY KEY,
          project TEXT,
          cwd TEXT,
          git_branch TEXT,
          title TEXT,
          first_at TEXT,
          last_at TEXT,
          agent_ms INTEGER NOT NULL,
          agent_ms_source TEXT NOT NULL CHECK (agent_ms_source IN ('turn_duration', 'reconstructed')),
          wall_ms INTEGER NOT NULL,
          input_tokens INTEGER NOT NULL,
          output_tokens INTEGER NOT NULL,
          cache_creation_tokens INTEGER NOT NULL,
          cache_read_tokens INTEGER NOT NULL,
          models TEXT NOT NULL,
          bad_lines INTEGER NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX agent_sessions_by_last_at ON agent_sessions (last_at);

        CREATE TABLE task_agent_sessions (
          task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
          session_id TEXT NOT NULL REFERENCES agent_sessions (session_id) ON DELETE CASCADE,
          PRIMARY KEY (task_id, session_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX task_agent_sessions_by_session ON task_agent_sessions (session_id);
      `);
    },
  },
  {
    version: 4,
    name: 'published snapshots of days (revisions)',
    up(db) {
      // Issue 8 (publishing). Each publish of a day stores what was published: the day's tasks
      // (as JSON, unredacted, so later edits can be diffed field by field), its intro and analysis,
      // and the exported markdown (redacted when a profile was applied). Rows are only appended.
      db.exec(`
        CREATE TABLE published_snapshots (
          id INTEGER PRIMARY KEY,
          work_date TEXT NOT NULL CHECK (work_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
          published_at TEXT NOT NULL,
          tasks_json TEXT NOT NULL,
          intro TEXT NOT NULL,
          analysis TEXT NOT NULL,
          markdown TEXT NOT NULL,
          redaction_profile TEXT
        ) STRICT;
        CREATE INDEX published_snapshots_by_date ON published_snapshots (work_date, id);
      `);
    },
  },
  {
    version: 5,
    name: 'sync across devices: global ids, outbox, merge state, conflicts',
    up(db) {
      // Sync is off by default and these tables stay empty until `sync init`. The triggers that fill
      // sync_ids and sync_outbox are installed by the sync engine when sync is turned on (generated from
      // its list of synced fields, see src/core/sync/triggers.ts), so with sync off no write pays for them.
      // sync_config: this device's id and name, the folder, the key of an encrypted folder, the last result.
      // sync_ids: the stable global id of every synced row whose local key is a number (tasks, published
      //   snapshots) and the partition (document) it lives in; CLI ids stay local.
      // sync_outbox: every local change (table, local key, changed fields), written by the triggers in the
      //   same transaction as the change, folded into this device's documents by the next sync.
      // sync_partitions: the heads of this device's document that the tables reflect (what was applied).
      // sync_peers: every other device seen in the folder, and the signatures of its files already merged.
      // sync_conflicts: a field changed on two devices at once; the winner is in the table, the other
      //   values here, until the person keeps one.
      db.exec(`
        CREATE TABLE sync_config (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;

        CREATE TABLE sync_ids (
          tbl TEXT NOT NULL,
          local_id INTEGER NOT NULL,
          gid TEXT NOT NULL UNIQUE,
          partition TEXT NOT NULL,
          PRIMARY KEY (tbl, local_id)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE sync_outbox (
          seq INTEGER PRIMARY KEY,
          tbl TEXT NOT NULL,
          key TEXT NOT NULL,
          fields TEXT NOT NULL
        ) STRICT;

        CREATE TABLE sync_partitions (
          partition TEXT PRIMARY KEY,
          applied_heads TEXT NOT NULL
        ) STRICT;

        CREATE TABLE sync_peers (
          device_id TEXT PRIMARY KEY,
          name TEXT,
          first_seen_at TEXT NOT NULL,
          last_seen_at TEXT NOT NULL,
          last_saved_at TEXT,
          files TEXT NOT NULL DEFAULT '{}',
          problem TEXT
        ) STRICT;

        CREATE TABLE sync_conflicts (
          tbl TEXT NOT NULL,
          gid TEXT NOT NULL,
          field TEXT NOT NULL,
          winner TEXT NOT NULL,
          others TEXT NOT NULL,
          detected_at TEXT NOT NULL,
          PRIMARY KEY (tbl, gid, field)
        ) STRICT;
      `);
    },
  },
  {
    version: 6,
    name: 'sessions of every coding agent (Codex CLI, Gemini CLI, OpenCode) beside Claude Code',
    up(db) {
      // agent_sessions gains the agent, reasoning tokens, the agent's own total (NULL: the four
      // Claude Code counts summed, as before), the parent session (forks, OpenCode children) and
      // the other readers' time figures as JSON (agent-hours, the person's gaps, the time source).
      // agent_sources: each source another agent's reader read (a file, a folder, a database),
      // its size/time signature and the session parts it gave, so a re-scan reads only changed
      // sources; agent_source_sessions: which sessions each source holds.
      db.exec(`
        ALTER TABLE agent_sessions ADD COLUMN agent TEXT NOT NULL DEFAULT 'claude' CHECK (agent IN ('claude', 'codex', 'gemini', 'opencode'));
        ALTER TABLE agent_sessions ADD COLUMN reasoning_tokens INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE agent_sessions ADD COLUMN total_tokens INTEGER;
        ALTER TABLE agent_sessions ADD COLUMN parent_session_id TEXT;
        ALTER TABLE agent_sessions ADD COLUMN agent_figures TEXT;
        CREATE INDEX agent_sessions_by_agent ON agent_sessions (agent, last_at);

        CREATE TABLE agent_sources (
          path TEXT PRIMARY KEY,
          agent TEXT NOT NULL,
          signature TEXT NOT NULL,
          parts TEXT NOT NULL,
          scanned_at TEXT NOT NULL
        ) STRICT;

        CREATE TABLE agent_source_sessions (
          path TEXT NOT NULL REFERENCES agent_sources (path) ON DELETE CASCADE,
          session_id TEXT NOT NULL,
          PRIMARY KEY (path, session_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX agent_source_sessions_by_session ON agent_source_sessions (session_id);
      `);
    },
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
