// Timing statistics the benchmarks print: percentiles and a one-line median/p95/max summary.

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** "name: median 1.23 ms, p95 2.34 ms, max 3.45 ms" for unsorted timings in ms. */
export function summary(name: string, timings: readonly number[]): string {
  const sorted = [...timings].sort((a, b) => a - b);
  return `${name}: median ${percentile(sorted, 50).toFixed(2)} ms, p95 ${percentile(sorted, 95).toFixed(2)} ms, max ${sorted.at(-1)!.toFixed(2)} ms`;
}
