/**
 * A ranked count: for each value (a spelling of a name, a type, a title, a date), how many live shares of
 * a speaker or entity give it. Adding and subtracting a share's values is commutative, so the counts, and
 * what is shown from them (the most frequent value, the top few), depend only on which articles are
 * stored, not on the order they came in. That is what lets a summary be kept up to date without re-reading
 * every share: a withdrawal subtracts exactly what its article added.
 *
 * Bounded: a count keeps at most `bound` values. Past it, the value with the lowest count (then the
 * greatest value) is dropped, and a later share giving a dropped value counts from zero again. So once an
 * aggregate has had more than `bound` distinct values, the rarer ones are counted approximately, and which
 * of them are kept can depend on arrival order; everything is exact (and order-free) up to `bound`
 * distinct values, and in practice a speaker has a handful of spellings and titles. The bound is what
 * keeps the summary item small: four counts of at most 64 values of at most 300 characters.
 *
 * Stored as [value, count] pairs sorted by value: map keys cannot be empty, values here can.
 */
export type RankedCounts = Record<string, number>;

/** Values kept per ranked count (names, types, titles, aliases): see above. */
export const RANKED_BOUND = 64;

/** `a` before `b` when `a` is dropped first: lower count, then the greater value. */
const dropOrder = ([aValue, aCount]: [string, number], [bValue, bCount]: [string, number]) =>
  aCount - bCount || (aValue < bValue ? 1 : aValue > bValue ? -1 : 0);

export function add(counts: RankedCounts, values: readonly string[], bound = RANKED_BOUND): RankedCounts {
  const next = { ...counts };
  for (const value of new Set(values)) next[value] = (next[value] ?? 0) + 1;
  const entries = Object.entries(next);
  if (entries.length <= bound) return next;
  return Object.fromEntries(entries.sort(dropOrder).slice(entries.length - bound));
}

/** A value that was dropped (or never counted) is left alone: its count is already gone. */
export function subtract(counts: RankedCounts, values: readonly string[]): RankedCounts {
  const next = { ...counts };
  for (const value of new Set(values)) {
    const count = next[value];
    if (count === undefined) continue;
    if (count > 1) next[value] = count - 1;
    else delete next[value];
  }
  return next;
}

/** The most frequent value; between equally frequent ones, `prefer` picks (it must be a fixed preference). */
export function best(counts: RankedCounts, prefer: (a: string, b: string) => string): string | null {
  const entries = Object.entries(counts);
  const highest = Math.max(0, ...entries.map(([, count]) => count));
  const tied = entries.filter(([, count]) => count === highest).map(([value]) => value);
  return tied.length === 0 ? null : tied.reduce(prefer);
}

/** The `n` most frequent values (ties by value), in sorted order. */
export function top(counts: RankedCounts, n: number): string[] {
  return Object.entries(counts)
    .sort(dropOrder)
    .reverse()
    .slice(0, n)
    .map(([value]) => value)
    .sort();
}

export const toPairs = (counts: RankedCounts): [string, number][] => Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
export const fromPairs = (pairs: unknown): RankedCounts => Object.fromEntries((pairs as [string, number][] | undefined) ?? []);

/**
 * Weighted forms, for counts that are sums rather than one per share (a day's statements per speaker):
 * each value gets its weight added, with the same bound and drop order as `add`. Exact, and so independent
 * of arrival order, while at most `bound` values are counted.
 */
export function addWeighted(counts: RankedCounts, weights: readonly (readonly [string, number])[], bound = RANKED_BOUND): RankedCounts {
  const next = { ...counts };
  for (const [value, weight] of weights) if (weight > 0) next[value] = (next[value] ?? 0) + weight;
  const entries = Object.entries(next);
  if (entries.length <= bound) return next;
  return Object.fromEntries(entries.sort(dropOrder).slice(entries.length - bound));
}

/** Takes the weights back; a value dropped meanwhile (or counted again from zero since) never goes below zero. */
export function subtractWeighted(counts: RankedCounts, weights: readonly (readonly [string, number])[]): RankedCounts {
  const next = { ...counts };
  for (const [value, weight] of weights) {
    const count = next[value];
    if (count === undefined) continue;
    if (count > weight) next[value] = count - weight;
    else delete next[value];
  }
  return next;
}

/** The `n` highest counts, highest first (ties by value), with their counts. */
export function ranked(counts: RankedCounts, n: number): [string, number][] {
  return Object.entries(counts).sort(dropOrder).reverse().slice(0, n);
}
