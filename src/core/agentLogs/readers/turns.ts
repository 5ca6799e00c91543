import type { Turn } from './types.ts';

/**
 * Turn reconstruction shared by the readers (docs/agent-time.md): a turn opens at the person's
 * prompt and ends at the agent's last record for it; the agent's own measure of a turn
 * (`duration_ms`) replaces the reconstruction for that turn; the gap between a turn's end and the
 * person's next prompt is the person's time (capped when shown).
 */
export class TurnBuilder {
  readonly turns: Turn[] = [];
  readonly gaps: number[] = [];
  private openStart: number | null = null;
  private lastWork: number | null = null;
  private lastEnd: number | null = null;

  /** The person sent a prompt (typed, a command, a queued message). */
  prompt(at: number | null): void {
    if (at === null) return;
    this.close();
    if (this.lastEnd !== null && at > this.lastEnd) this.gaps.push(at - this.lastEnd);
    this.lastEnd = Math.max(this.lastEnd ?? at, at);
    this.openStart = at;
  }

  /** A record the agent produced (a reply, a tool call or result, a token count). */
  work(at: number | null): void {
    if (at === null) return;
    this.openStart ??= at;
    if (at >= this.openStart) this.lastWork = Math.max(this.lastWork ?? at, at);
  }

  /** An interval the agent reports working (OpenCode's created → completed). */
  workSpan(start: number | null, end: number | null): void {
    if (start === null) return;
    this.work(start);
    if (end !== null && end >= start) this.work(end);
  }

  /** The agent's own measure of the open turn, written as it ends. */
  measured(at: number | null, durationMs: number): void {
    if (at === null || !(durationMs >= 0)) return;
    const start = Math.max(at - durationMs, this.openStart ?? Number.NEGATIVE_INFINITY);
    this.push([start, at, 1]);
    this.openStart = null;
    this.lastWork = null;
  }

  /** The turn ended (completed or aborted) without a measure: it ends at its last agent record. */
  end(): void {
    this.close();
  }

  private close(): void {
    if (this.openStart !== null && this.lastWork !== null) this.push([this.openStart, this.lastWork, 0]);
    this.openStart = null;
    this.lastWork = null;
  }

  private push(turn: Turn): void {
    if (turn[1] < turn[0]) return;
    this.turns.push(turn);
    this.lastEnd = Math.max(this.lastEnd ?? turn[1], turn[1]);
  }

  finish(): { turns: Turn[]; gaps: number[] } {
    this.close();
    return { turns: this.turns, gaps: this.gaps };
  }
}
