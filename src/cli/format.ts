import type { Task } from '../shared/domain/task.ts';
import { noAgentTimeText, taskLeverage, type Summary } from '../shared/metrics/summary.ts';
import { formatHours, formatHoursAndMinutes, formatMinutes } from '../shared/units/duration.ts';
import { formatFactor } from '../shared/units/factor.ts';
import { formatTokenTotal, formatTokens } from '../shared/units/tokens.ts';
import type { Leak } from '../core/publishing/redaction.ts';
import { visible } from './terminalText.ts';

/** Plain-text renderings for the terminal. */
export function taskLine(task: Task): string {
  const parts = [
    `#${task.id}`,
    task.workDate,
    task.title,
    `${formatHours(task.humanSeconds)} / ${formatMinutes(task.agentSeconds)}`,
    formatFactor(taskLeverage(task)),
  ];
  if (task.tokens !== null) parts.push(`${formatTokens(task.tokens)} tokens`);
  if (task.workstream) parts.push(`#${task.workstream}`);
  return visible(parts.join('  '));
}

export function summaryLines(summary: Summary): string[] {
  const lines = [
    `Tasks:                 ${summary.taskCount}`,
    `Human-equivalent:      ${formatHours(summary.humanSeconds)}`,
    `Agent time:            ${formatMinutes(summary.agentSeconds)} (${formatHoursAndMinutes(summary.agentSeconds)})`,
    `Supervision:           ${summary.supervisionSeconds === null ? '—' : formatMinutes(summary.supervisionSeconds)}`,
    `Tokens:                ${formatTokenTotal(summary.tokens)}${summary.tasksWithoutTokens > 0 ? ` (${summary.tasksWithoutTokens} task(s) without)` : ''}`,
    `Weighted leverage:     ${formatFactor(summary.leverage)}${summary.tasksWithoutAgentTime > 0 ? ` (${noAgentTimeText(summary.tasksWithoutAgentTime)}; left out)` : ''}`,
    `Supervisory factor:    ${formatFactor(summary.supervisoryLeverage)}`,
    `Mean of task factors:  ${formatFactor(summary.meanLeverage)} (simple mean, not weighted)`,
    `Median task factor:    ${formatFactor(summary.medianLeverage)}`,
  ];
  if (summary.ceiling) lines.push(`Ceiling:               ${formatFactor(summary.ceiling.factor)}  ${summary.ceiling.title}`);
  if (summary.floor) lines.push(`Floor:                 ${formatFactor(summary.floor.factor)}  ${summary.floor.title}`);
  return lines.map(visible);
}

/** One line per private name left in an export, control characters shown visibly. */
export function leakLines(leaks: readonly Leak[]): string[] {
  return leaks.map((leak) => visible(`  line ${leak.line}:${leak.column}  "${leak.found}" (${leak.name})  ${leak.context}`));
}

/** Every export warns on stderr when private names remain in what it wrote. */
export function warnLeaks(leaks: readonly Leak[], stderr: (text: string) => void): void {
  if (leaks.length > 0) stderr(`Warning: private names remain in the output:\n${leakLines(leaks).join('\n')}\n`);
}

/** A value as the CLI prints it for --json: indented JSON and a newline. */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
