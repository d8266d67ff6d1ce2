import type { Summary } from './stats.ts';

/** A figure's target, e.g. parse throughput ≥ 5 MB/s. */
export interface Target {
  op: '>=' | '<=';
  value: number;
}

export interface Row {
  metric: string;
  unit: string;
  /** Median with the range over the runs (or over the items, for per-item figures). */
  summary: Summary;
  target?: Target;
}

export interface MeasureResult {
  rows: Row[];
  /** How it was measured, caveats, and findings worth reading beside the numbers. */
  notes: string[];
}

export interface BenchOptions {
  /**
   * Storage-bound measures (ingest, dynamo-cost, api) use every Nth article of the corpus (1 = all of it),
   * for when the whole corpus takes too long on this machine; their notes say which sample they used.
   */
  every: number;
  /** The Node binary the cold starts run on (bundles); default: this process's. */
  node?: string;
  /**
   * The commit the bundles and cold starts are compared with, in the same run (bundles); default: main. When
   * the work is committed on main, main is the checkout itself: name the commit before the work instead.
   */
  baseline?: string;
}

/** One benchmark: bench/run.ts runs each (or the one named by --only) and gathers the results. */
export interface Measure {
  name: string;
  title: string;
  run(options: BenchOptions): Promise<MeasureResult>;
}

export function meets(row: Row): boolean | null {
  if (!row.target) return null;
  const { median } = row.summary;
  return row.target.op === '>=' ? median >= row.target.value : median <= row.target.value;
}
