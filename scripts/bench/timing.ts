/** Milliseconds a call takes, with the high-resolution clock. */
export function timeMs(run: () => unknown): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

/** Median of `repeats` timed runs (after one warm-up run). */
export function medianMs(run: () => unknown, repeats = 7): number {
  run();
  const times = Array.from({ length: repeats }, () => timeMs(run));
  return percentile(times, 50);
}
