import { renderDailyPost } from './post/dailyPost.ts';
import { MetricsService } from './metrics/metricsService.ts';
import { openDatabase, type OpenOptions, type SqliteDatabase } from './store/database.ts';
import { DayRepository } from './store/dayRepository.ts';
import { EditConflictRepository } from './store/editConflictRepository.ts';
import { SettingsRepository } from './store/settingsRepository.ts';
import { TaskRepository } from './store/taskRepository.ts';

/**
 * The journal: one SQLite file and everything the app and the CLI do with it.
 * Plain Node; the Electron main process and the CLI are thin shells around this.
 */
export class Journal {
  readonly tasks: TaskRepository;
  readonly days: DayRepository;
  /** Text fields changed in two places (this window and the CLI, another window or, later, sync). */
  readonly conflicts: EditConflictRepository;
  readonly settings: SettingsRepository;
  readonly metrics: MetricsService;

  readonly db: SqliteDatabase;
  readonly path: string;
  /** The backup written before migrating this file, if a migration ran. */
  readonly backupPath: string | null;

  private constructor(db: SqliteDatabase, path: string, backupPath: string | null) {
    this.db = db;
    this.path = path;
    this.backupPath = backupPath;
    this.tasks = new TaskRepository(db);
    this.conflicts = new EditConflictRepository(db);
    this.days = new DayRepository(db, this.conflicts);
    this.settings = new SettingsRepository(db);
    this.metrics = new MetricsService(db);
  }

  static open(path: string, options: OpenOptions = {}): Journal {
    const opened = openDatabase(path, options);
    return new Journal(opened.db, path, opened.backupPath);
  }

  /** The day's post as markdown. */
  dailyPost(date: string): string {
    return renderDailyPost({
      date,
      tasks: this.tasks.listByDate(date),
      day: this.days.get(date),
      settings: this.settings.get(),
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
