import type { StatedFactor } from './cells.ts';
import type { ImportOutcome } from './commitImport.ts';
import type { StatedAggregates } from './model.ts';
import type { ImportReport } from './planImport.ts';

const factorValue = (factor: StatedFactor | null | undefined) => factor?.value ?? null;

export function statedView(stated: StatedAggregates) {
  return {
    taskCount: stated.taskCount ?? null,
    humanHours: stated.humanHours ?? null,
    agentMinutes: stated.agentMinutes ?? null,
    supervisionMinutes: stated.supervisionMinutes ?? null,
    tokens: stated.tokens ?? null,
    dayTokens: stated.dayTokens ?? null,
    leverage: factorValue(stated.leverage),
    supervisoryLeverage: factorValue(stated.supervisoryLeverage),
  };
}

/** The dry-run report as plain data for the app (the previewPostImport channel). */
export function importReportView(report: ImportReport) {
  return {
    days: report.days.map((day) => ({
      date: day.date,
      title: day.title,
      status: day.status,
      existingTaskCount: day.existingTaskCount,
      tasks: day.tasks.map((task) => ({
        title: task.title,
        humanSeconds: task.humanSeconds,
        agentSeconds: task.agentSeconds,
        supervisionSeconds: task.supervisionSeconds,
        tokens: task.tokens,
        statedFactor: factorValue(task.statedFactor),
        computedFactor: task.computedFactor,
        statedSupervisoryFactor: factorValue(task.statedSupervisoryFactor),
        computedSupervisoryFactor: task.computedSupervisoryFactor,
        line: task.line,
      })),
      intro: day.intro,
      analysis: day.analysis,
      dayTokens: day.dayTokens,
      summary: day.summary,
      stated: statedView(day.stated),
      mismatches: day.mismatches,
      unparsed: day.unparsed,
    })),
    warnings: report.warnings,
    errors: report.errors,
  };
}

/** What a committed import wrote (the commitPostImport channel). */
export function importOutcomeView(outcome: ImportOutcome) {
  return { days: outcome.days, tasksAdded: outcome.tasksAdded, warnings: outcome.report.warnings };
}
