import { fileTurns, type FileState, type Turn } from './fileState.ts';

export type AgentTimeSource = 'turn_duration' | 'reconstructed' | 'mixed';

/** A session's four time figures (docs/agent-time.md), in ms. */
export interface SessionTiming {
  firstAt: number | null;
  lastAt: number | null;
  /** First to last timestamped record of the session and its subagents, idle included. */
  wallMs: number;
  /** The union of the intervals in which the main thread or any subagent worked. */
  agentMs: number;
  /** The sum over threads; a parent waiting on its subagents is not working then. */
  agentHoursMs: number;
  /** The gaps between a turn's end and the person's next prompt, uncapped (cap them with `personMs`). */
  gaps: number[];
  source: AgentTimeSource;
}

type Interval = [number, number];

/** Sorted, disjoint intervals covering the same time. */
export function union(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter(([start, end]) => end > start).sort((a, b) => a[0] - b[0]);
  const merged: Interval[] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

export function measure(intervals: readonly Interval[]): number {
  return union(intervals).reduce((sum, [start, end]) => sum + (end - start), 0);
}

/** The time in `a` not covered by `b` (both unions). */
function minus(a: readonly Interval[], b: readonly Interval[]): number {
  let total = 0;
  for (const [start, end] of a) {
    let cursor = start;
    for (const [bStart, bEnd] of b) {
      if (bEnd <= cursor) continue;
      if (bStart >= end) break;
      if (bStart > cursor) total += bStart - cursor;
      cursor = Math.max(cursor, bEnd);
      if (cursor >= end) break;
    }
    if (cursor < end) total += end - cursor;
  }
  return total;
}

/** The person's measured time: each gap capped at `capMinutes`. */
export function personMs(gaps: readonly number[], capMinutes: number): number {
  const cap = capMinutes * 60_000;
  return gaps.reduce((sum, gap) => sum + Math.min(Math.max(gap, 0), cap), 0);
}

/** Combines the files of one session (its main transcript and its subagents' files). */
export function sessionTiming(files: readonly { isSubagent: boolean; state: FileState }[]): SessionTiming {
  const firsts = files.flatMap((file) => (file.state.firstAt === null ? [] : [file.state.firstAt]));
  const lasts = files.flatMap((file) => (file.state.lastAt === null ? [] : [file.state.lastAt]));
  const firstAt = firsts.length > 0 ? Math.min(...firsts) : null;
  const lastAt = lasts.length > 0 ? Math.max(...lasts) : null;
  if (firstAt === null || lastAt === null) return { firstAt, lastAt, wallMs: 0, agentMs: 0, agentHoursMs: 0, gaps: [], source: 'reconstructed' };
  // No turn reaches outside the session's prompts and agent records (a turn_duration longer than
  // the log is clipped); records that are not agent work do not move these bounds.
  const spanFirsts = files.flatMap((file) => (file.state.spanFirst === null ? [] : [file.state.spanFirst]));
  const spanLasts = files.flatMap((file) => (file.state.spanLast === null ? [] : [file.state.spanLast]));
  const spanFirst = spanFirsts.length > 0 ? Math.min(...spanFirsts) : firstAt;
  const spanLast = spanLasts.length > 0 ? Math.max(...spanLasts) : firstAt;
  const clip = (turns: readonly Turn[]): Interval[] => turns.map(([start, end]) => [Math.max(start, spanFirst), Math.min(end, spanLast)]);
  const mainFiles = files.filter((file) => !file.isSubagent);
  const mainTurns = mainFiles.flatMap((file) => fileTurns(file.state));
  const main = union(clip(mainTurns));
  const threads = files.filter((file) => file.isSubagent).map((file) => union(clip(fileTurns(file.state))));
  const subagents = union(threads.flat());
  const agentMs = measure([...main, ...subagents]);
  const agentHoursMs = minus(main, subagents) + threads.reduce((sum, thread) => sum + measure(thread), 0);
  const measured = mainTurns.filter((turn) => turn[2] === 1).length;
  const source: AgentTimeSource = measured === 0 ? 'reconstructed' : measured === mainTurns.length ? 'turn_duration' : 'mixed';
  const wallMs = lastAt - firstAt;
  if (agentMs > wallMs || agentMs > agentHoursMs + 1e-6) {
    throw new Error(`Agent time ${agentMs} ms is outside its bounds (wall ${wallMs} ms, agent-hours ${agentHoursMs} ms): a bug in the turn rules.`);
  }
  return { firstAt, lastAt, wallMs, agentMs, agentHoursMs, gaps: mainFiles.flatMap((file) => file.state.gaps), source };
}
