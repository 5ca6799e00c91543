import { AgentSessionStore } from './agentLogs/agentSessionStore.ts';
import { renderDailyPost } from './post/dailyPost.ts';
import { MetricEngine } from './metrics/metricEngine.ts';
import { SnapshotStore } from './publishing/revisions.ts';
import { openDatabase, type OpenOptions, type SqliteDatabase } from './store/database.ts';
import { DayStore } from './store/dayStore.ts';
import { SettingsStore } from './store/settingsStore.ts';
import { TaskStore } from './store/taskStore.ts';

/**
 * The journal: one SQLite file and everything the app and the CLI do with it.
 * Plain Node; the Electron main process and the CLI are thin shells around this.
 * Every store of the file hangs off it (a `…Store` owns tables and is the only code that writes
 * them); nothing else constructs one from `journal.db`.
 */
export class Journal {
  readonly tasks: TaskStore;
  readonly days: DayStore;
  readonly settings: SettingsStore;
  /** Claude Code sessions read from the agent logs, and their links to tasks. */
  readonly agentSessions: AgentSessionStore;
  /** What was published for each day (append-only). */
  readonly snapshots: SnapshotStore;
  /** The metric engine: reads tasks and the per-day totals, writes nothing. */
  readonly metrics: MetricEngine;

  readonly db: SqliteDatabase;
  readonly path: string;
  /** The backup written before migrating this file, if a migration ran. */
  readonly backupPath: string | null;

  private constructor(db: SqliteDatabase, path: string, backupPath: string | null) {
    this.db = db;
    this.path = path;
    this.backupPath = backupPath;
    this.tasks = new TaskStore(db);
    this.days = new DayStore(db);
    this.settings = new SettingsStore(db);
    this.agentSessions = new AgentSessionStore(db);
    this.snapshots = new SnapshotStore(db);
    this.metrics = new MetricEngine(db);
  }

  static open(path: string, options: OpenOptions = {}): Journal {
    const opened = openDatabase(path, options);
    return new Journal(opened.db, path, opened.backupPath);
  }

  /** The day's post as markdown. */
  dailyPost(date: string): string {
    const tasks = this.tasks.listByDate(date);
    return renderDailyPost({
      date,
      tasks,
      day: this.days.get(date),
      settings: this.settings.get(),
      taskAgents: this.agentSessions.agentsByTask(tasks.map((task) => task.id)),
    });
  }

  /** Changes whenever another connection (e.g. the CLI in another process) commits to the file. */
  dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
