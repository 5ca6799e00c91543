import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { writeFileAtomicSync } from '../core/files/atomicWrite.ts';
import { DATA_FORMATS, type DataFormat } from '../core/data/dataFormats.ts';
import { isJournalError } from '../core/errors.ts';
import type { HookRunner } from '../core/hook/hookCommand.ts';
import type * as JournalModule from '../core/journal.ts';
import type { Journal } from '../core/journal.ts';
import type * as RecoveryModule from '../core/store/recovery.ts';
import { resolveDatabasePath } from '../core/paths.ts';
import type { TaskPatch } from '../shared/domain/task.ts';
import { today } from '../shared/metrics/periods.ts';
import { toStatsJson } from '../shared/metrics/summary.ts';
import { COMMAND_MODULES } from './commands/index.ts';
import { addSessionOption, createTaskWithSessions } from './commands/sessions.ts';
import { summaryLines, taskLine, warnLeaks } from './format.ts';
import { needsJournal } from './journalFree.ts';
import {
  addRedactionFlags,
  currentWeek,
  parseAgentDuration,
  parseDateOption,
  parseHumanDuration,
  parseIdArgument,
  parseMonthOption,
  parseTokenOption,
  parseWeekOption,
  redactionProfile,
  resolveRange,
  type RangeOptions,
  type RedactionFlags,
} from './options.ts';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** What a Stop hook installed from here should run (null: unknown, `hook install` then needs --command). */
  hookRunner?: HookRunner | null;
}

interface TaskFlags {
  date?: string;
  title?: string;
  human?: number;
  agent?: number;
  supervision?: number;
  tokens?: number;
  workstream?: string;
  model?: string;
  notes?: string;
  json?: boolean;
}

function addTaskFlags(command: Command, required: boolean): Command {
  const option = (flags: string, description: string, parse?: (value: string) => unknown) => {
    const result = new Option(flags, description);
    if (parse) result.argParser(parse);
    return result;
  };
  return command
    .addOption(option('--date <date>', 'work date, YYYY-MM-DD or "today"', parseDateOption).default(required ? today() : undefined, required ? 'today' : undefined))
    .addOption(required ? option('--title <text>', 'what was done').makeOptionMandatory() : option('--title <text>', 'what was done'))
    .addOption(
      required
        ? option('--human <duration>', 'human-equivalent estimate: 40h, 1.5h, 1h 30m (bare number = hours)', parseHumanDuration).makeOptionMandatory()
        : option('--human <duration>', 'human-equivalent estimate: 40h, 1.5h, 1h 30m (bare number = hours)', parseHumanDuration),
    )
    .addOption(
      required
        ? option('--agent <duration>', 'agent time: 25min, 25m, 1h 5m (bare number = minutes)', parseAgentDuration).makeOptionMandatory()
        : option('--agent <duration>', 'agent time: 25min, 25m, 1h 5m (bare number = minutes)', parseAgentDuration),
    )
    .addOption(option('--supervision <duration>', 'your supervision time: 5m (bare number = minutes)', parseAgentDuration))
    .addOption(option('--tokens <count>', 'tokens used: 400k, 1.2M, 1,495,000', parseTokenOption))
    .addOption(option('--workstream <name>', 'workstream or project'))
    .addOption(option('--model <name>', 'model or agent'))
    .addOption(option('--notes <text>', 'notes'))
    .option('--json', 'print the task as JSON');
}

function flagsToTask(flags: TaskFlags): TaskPatch {
  const task: TaskPatch = {};
  if (flags.date !== undefined) task.workDate = flags.date;
  if (flags.title !== undefined) task.title = flags.title;
  if (flags.human !== undefined) task.humanSeconds = flags.human;
  if (flags.agent !== undefined) task.agentSeconds = flags.agent;
  if (flags.supervision !== undefined) task.supervisionSeconds = flags.supervision;
  if (flags.tokens !== undefined) task.tokens = flags.tokens;
  if (flags.workstream !== undefined) task.workstream = flags.workstream;
  if (flags.model !== undefined) task.model = flags.model;
  if (flags.notes !== undefined) task.notes = flags.notes;
  return task;
}

function addRangeFlags(command: Command): Command {
  return command
    .addOption(new Option('--date <date>', 'one day').argParser(parseDateOption))
    .addOption(new Option('--week <week>', 'an ISO week, e.g. 2026-W09').argParser(parseWeekOption))
    .addOption(new Option('--month <month>', 'a month, e.g. 2026-03').argParser(parseMonthOption))
    .addOption(new Option('--from <date>', 'first day of a range').argParser(parseDateOption))
    .addOption(new Option('--to <date>', 'last day of a range').argParser(parseDateOption));
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Builds the `leverage` program. Every command opens the journal lazily, so `--help` never touches
 * the database; the store's code (SQLite, schemas) is loaded just before an action that needs it,
 * and each command loads its own heavier modules inside its action.
 */
export function buildProgram(io: CliIo): { program: Command; closeJournal: () => void } {
  let journal: Journal | null = null;
  let store: (typeof JournalModule & typeof RecoveryModule) | null = null;
  const program = new Command('leverage');
  const open = (): Journal => {
    if (journal) return journal;
    if (!store) throw new Error('internal: the journal module was not loaded before the action');
    const { Journal, describeMovedAside, pendingMovedAside } = store;
    const file = resolveDatabasePath(program.opts<{ db?: string }>().db, io.env);
    const undecided = pendingMovedAside(file);
    if (undecided.length > 0) {
      // Never start an empty journal silently where one was moved aside: the person decides first.
      if (!fs.existsSync(file)) throw new Error(`${describeMovedAside(file, undecided)} No new journal was created.`);
      io.stderr(`leverage: note: ${describeMovedAside(file, undecided)}\n`);
    }
    journal = Journal.open(file);
    return journal;
  };
  program.hook('preAction', async (_program, action) => {
    if (needsJournal(action) && !store) store = { ...(await import('../core/journal.ts')), ...(await import('../core/store/recovery.ts')) };
  });
  const resolveFile = (file: string) => path.resolve(io.cwd, file);
  const writeOut = (text: string, out: string | undefined) => {
    if (out) {
      // Temporary file, fsync, rename: a full disk leaves the previous file whole, never truncated.
      writeFileAtomicSync(resolveFile(out), text);
    } else {
      io.stdout(text);
    }
  };

  program
    .description('Leverage Journal: record human-equivalent time against agent time, and publish the daily Leverage Record.')
    .option('--db <path>', 'database file (default: $LEVERAGE_DB, else the app\'s data folder)')
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => {} });

  addSessionOption(addTaskFlags(program.command('add').description('add a task'), true)).action(async (flags: TaskFlags & { session?: string[] }) => {
    const task = await createTaskWithSessions(open(), flagsToTask(flags), flags.session, io.env);
    io.stdout(flags.json ? json(task) : `Added ${taskLine(task)}\n`);
  });

  addRangeFlags(program.command('list').description('list tasks (default: today)'))
    .option('--json', 'print JSON')
    .action((flags: RangeOptions & { json?: boolean }) => {
      const range = resolveRange(flags, { from: today(), to: today() });
      const tasks = range ? open().tasks.listRange(range.from, range.to) : [];
      if (flags.json) io.stdout(json(tasks));
      else io.stdout(tasks.length === 0 ? 'No tasks in that range.\n' : `${tasks.map(taskLine).join('\n')}\n`);
    });

  addTaskFlags(program.command('edit').description('change a task').argument('<id>', 'task id', parseIdArgument), false).action(
    (id: number, flags: TaskFlags) => {
      const patch = flagsToTask(flags);
      if (Object.keys(patch).length === 0) throw new Error('Nothing to change: give at least one of the task flags.');
      const task = open().tasks.update(id, patch);
      io.stdout(flags.json ? json(task) : `Updated ${taskLine(task)}\n`);
    },
  );

  program
    .command('delete')
    .description('delete a task (undo with `leverage undelete ID`)')
    .argument('<id>', 'task id', parseIdArgument)
    .action((id: number) => {
      const deleted = open().tasks.delete([id]);
      if (deleted.length === 0) throw new Error(`There is no task ${id}.`);
      io.stdout(`Deleted task ${id}. Undo: leverage undelete ${id}\n`);
    });

  program
    .command('undelete')
    .description('bring back a deleted task')
    .argument('<id>', 'task id', parseIdArgument)
    .action((id: number) => {
      const restored = open().tasks.restore([id]);
      if (restored.length === 0) throw new Error(`Task ${id} is not deleted (or does not exist).`);
      io.stdout(`Restored ${taskLine(open().tasks.require(id))}\n`);
    });

  addRangeFlags(program.command('stats').description('figures for a day, week, month or range (default: today)'))
    .option('--json', 'print one JSON object')
    .action((flags: RangeOptions & { json?: boolean }) => {
      const range = resolveRange(flags, { from: today(), to: today() }) ?? currentWeek();
      const metrics = open().metrics;
      const summary = range.from === range.to ? metrics.day(range.from) : metrics.range(range);
      io.stdout(flags.json ? json(toStatsJson(summary)) : `${range.from === range.to ? range.from : `${range.from} .. ${range.to}`}\n${summaryLines(summary).join('\n')}\n`);
    });

  program
    .command('day')
    .description("set a day's intro, analysis or publication date")
    .addOption(new Option('--date <date>', 'work date').argParser(parseDateOption).makeOptionMandatory())
    .option('--intro <text>', 'intro paragraph')
    .option('--analysis <text>', 'analysis section')
    .addOption(new Option('--published <date>', 'publication date of the post').argParser(parseDateOption))
    .option('--json', 'print the day record as JSON')
    .action((flags: { date: string; intro?: string; analysis?: string; published?: string; json?: boolean }) => {
      const patch = {
        ...(flags.intro !== undefined ? { intro: flags.intro } : {}),
        ...(flags.analysis !== undefined ? { analysis: flags.analysis } : {}),
        ...(flags.published !== undefined ? { publicationDate: flags.published } : {}),
      };
      const day = Object.keys(patch).length > 0 ? open().days.update(flags.date, patch) : open().days.get(flags.date);
      io.stdout(flags.json ? json(day) : `${day.workDate}: intro ${day.intro.length} chars, analysis ${day.analysis.length} chars, published ${day.publicationDate ?? '—'}\n`);
    });

  addRedactionFlags(
    program
      .command('export')
      .description("the day's Leverage Record post as markdown, as the app saves it (redacted with the active profile, with any revision note)")
      .addOption(new Option('--date <date>', 'work date').argParser(parseDateOption).default(today(), 'today'))
      .option('--out <file>', 'write to a file instead of stdout'),
    { revisionNote: true },
  ).action(async (flags: RedactionFlags & { date: string; out?: string }) => {
    const { exportDay } = await import('../core/publishing/publishDay.ts');
    const exported = exportDay(open(), flags.date, { profile: redactionProfile(flags), revisionNote: flags.revisionNote !== false });
    writeOut(exported.markdown, flags.out);
    warnLeaks(exported.leaks, io.stderr);
  });

  addRangeFlags(program.command('export-data').description("export tasks in the app's own CSV or JSON format"))
    .addOption(new Option('--format <format>', 'csv or json').choices(DATA_FORMATS).makeOptionMandatory())
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (flags: RangeOptions & { format: DataFormat; out?: string }) => {
      const range = resolveRange(flags, null);
      const { exportData } = await import('../core/data/dataTransfer.ts');
      writeOut(exportData(open(), flags.format, range ?? undefined), flags.out);
    });

  program
    .command('import-data')
    .description('import tasks from a CSV or JSON export (all or nothing)')
    .argument('<file>', 'the file to import')
    .addOption(new Option('--format <format>', 'csv or json (default: from the file name)').choices(DATA_FORMATS))
    .action(async (file: string, flags: { format?: DataFormat }) => {
      const text = fs.readFileSync(resolveFile(file), 'utf8');
      const { detectFormat, importData } = await import('../core/data/dataTransfer.ts');
      const result = importData(open(), text, flags.format ?? detectFormat(file, text));
      io.stdout(`Imported ${result.tasks} task(s) and ${result.days} day record(s).\n`);
    });

  for (const register of COMMAND_MODULES) {
    register({ program, journal: open, stdout: io.stdout, stderr: io.stderr, env: io.env, resolvePath: resolveFile, writeOut, hookRunner: io.hookRunner ?? null });
  }

  return { program, closeJournal: () => journal?.close() };
}

/** Runs the CLI; returns the exit code (0 success, 1 bad input or failure) instead of exiting. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const { program, closeJournal } = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return 0;
      io.stderr(`leverage: ${error.message.replace(/^error: /, '')}\n`);
      return 1;
    }
    const message = isJournalError(error) || error instanceof Error ? error.message : String(error);
    io.stderr(`leverage: ${message}\n`);
    return 1;
  } finally {
    closeJournal();
  }
}
