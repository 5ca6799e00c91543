import { Option, type Command } from 'commander';
import type { TaskPatch } from '../../shared/domain/task.ts';
import { today } from '../../shared/metrics/periods.ts';
import { toStatsJson } from '../../shared/metrics/summary.ts';
import { json, summaryLines, taskLine } from '../format.ts';
import {
  currentWeek,
  parseAgentDuration,
  parseDateOption,
  parseHumanDuration,
  parseIdArgument,
  parseMonthOption,
  parseTokenOption,
  parseWeekOption,
  resolveRange,
  type RangeOptions,
} from '../options.ts';
import type { CommandContext, CommandModule } from './context.ts';
import { addSessionOption, createTaskWithSessions } from './sessions.ts';

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

export function addRangeFlags(command: Command): Command {
  return command
    .addOption(new Option('--date <date>', 'one day').argParser(parseDateOption))
    .addOption(new Option('--week <week>', 'an ISO week, e.g. 2026-W09').argParser(parseWeekOption))
    .addOption(new Option('--month <month>', 'a month, e.g. 2026-03').argParser(parseMonthOption))
    .addOption(new Option('--from <date>', 'first day of a range').argParser(parseDateOption))
    .addOption(new Option('--to <date>', 'last day of a range').argParser(parseDateOption));
}

/** `leverage add`, `list`, `edit`, `delete`, `undelete`, `stats`, `day`: the tasks and days of the journal. */
export const taskCommands: CommandModule = (context: CommandContext) => {
  const { program } = context;
  const io = context;
  const open = context.journal;
  // A task without agent time has no factor: it is left out of every leverage ratio (on stderr, so --json stays clean).
  const warnWithoutAgentTime = (task: { id: number; agentSeconds: number }) => {
    if (task.agentSeconds === 0) {
      io.stderr(`leverage: warning: task ${task.id} has no agent time; it counts in the task count and human hours, not in the leverage figures.\n`);
    }
  };

  addSessionOption(addTaskFlags(program.command('add').description('add a task'), true)).action(async (flags: TaskFlags & { session?: string[] }) => {
    const task = await createTaskWithSessions(open(), flagsToTask(flags), flags.session, io.env);
    io.stdout(flags.json ? json(task) : `Added ${taskLine(task)}\n`);
    warnWithoutAgentTime(task);
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
      if (patch.agentSeconds !== undefined) warnWithoutAgentTime(task);
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
};
