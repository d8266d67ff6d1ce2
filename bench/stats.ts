/** Small statistics over repeated measurements: every figure in the report is a median with its range. */

export interface Summary {
  median: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile (p in 0..100) of values; the median is percentile 50. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(values: readonly number[]): Summary {
  return { median: percentile(values, 50), min: Math.min(...values), max: Math.max(...values) };
}

/** Milliseconds taken by fn, measured with the monotonic clock. */
export async function timeMs(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/**
 * Wall-clock and CPU milliseconds of a synchronous piece of work. CPU time (user + system, all threads of
 * this process) is what one core would need without the other processes of a shared machine.
 */
export function timeCpu(fn: () => void): { wallMs: number; cpuMs: number } {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  fn();
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
