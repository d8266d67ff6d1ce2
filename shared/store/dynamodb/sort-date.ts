/**
 * Dates inside sort keys. Sources give plain dates ("2023-09-20") or date-times in any zone; comparing
 * those as strings would be wrong, so date-times are turned into UTC to the second. A plain date stays a
 * plain date and sorts before every time of that day.
 */
const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The sortable form of an ISO date or date-time, or null when it is not one. */
export function sortDate(value: string): string | null {
  if (PLAIN_DATE.test(value)) return value;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return null;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return null;
  return `${new Date(time).toISOString().slice(0, 19)}Z`;
}

/**
 * Sort-key bounds for an inclusive range on keys shaped `<sortDate>#...`. The upper bound gets a
 * character above '#', 'T' and digits, so `to=2023-09-20` includes every time on that day.
 */
export function sortKeyRange(range: { from?: string; to?: string }): { lower?: string; upper?: string } {
  const bound = (name: 'from' | 'to'): string | undefined => {
    const value = range[name];
    if (value === undefined) return undefined;
    const normalized = sortDate(value);
    if (normalized === null) throw new RangeError(`${name} is not an ISO 8601 date or date-time: ${value}`);
    return normalized;
  };
  const lower = bound('from');
  const upper = bound('to');
  return { lower, upper: upper === undefined ? undefined : `${upper}~` };
}
