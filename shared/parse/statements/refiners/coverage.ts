import type { Span } from '../types.ts';

/**
 * Answers "does any of these spans contain this offset?" in O(log n): spans sorted by start with the
 * running maximum of their ends. Keeps the overlap refiners linear-ish on articles with thousands of quotes.
 */
export class Coverage {
  private readonly starts: number[];
  private readonly maxEnds: number[];

  constructor(spans: Span[]) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    this.starts = sorted.map((span) => span.start);
    let max = -1;
    this.maxEnds = sorted.map((span) => (max = Math.max(max, span.end)));
  }

  /** Some span has start <= offset < end (or start < offset when `strict`). */
  covers(offset: number, strict = false): boolean {
    let low = 0;
    let high = this.starts.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (strict ? this.starts[mid]! < offset : this.starts[mid]! <= offset) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found >= 0 && this.maxEnds[found]! > offset;
  }
}
