const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const DAY_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});

/**
 * A stored ISO date or date-time as a reader would write it. A plain date stays a date (no invented time
 * or zone shift); a date-time is shown in UTC, labelled so. Anything unparseable is shown as stored.
 */
export function displayDate(iso: string): string {
  const plainDate = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const time = Date.parse(plainDate ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(time)) return iso;
  return (plainDate ? DAY : DAY_TIME).format(time);
}
