const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/**
 * A stored ISO date or date-time as a reader would write it ("20 Sep 2023"), the same on every runtime
 * (ICU data differs between Node builds). A plain date stays a date, with no invented time or zone shift;
 * a date-time is shown in UTC, labelled so. Anything unparseable is shown as stored.
 */
export function displayDate(iso: string): string {
  const plainDate = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const time = Date.parse(plainDate ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(time)) return iso;
  const date = new Date(time);
  const day = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  return plainDate ? day : `${day}, ${two(date.getUTCHours())}:${two(date.getUTCMinutes())} UTC`;
}
