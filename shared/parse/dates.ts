import * as chrono from 'chrono-node/en';

const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d+|:\d{3})?)?)\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * A declared publication date as ISO 8601: a plain date stays a date; a time and zone, when the source gives
 * them, are kept (`2023-09-20T08:15:00+03:00`). Null when the value is not a date.
 */
export function normalizeDate(value: string): string | null {
  const text = value.trim();
  const iso = ISO_DATE_TIME.exec(text);
  if (iso) {
    const [, date, time, zone] = iso;
    if (!isRealDate(date!)) return null;
    if (!time) return date!;
    // some CMSs write milliseconds after a colon: 22:06:08:684
    const seconds = time.length === 5 ? `${time}:00` : time.replace(/,|(?<=:\d{2}:\d{2}):/, '.');
    return `${date}T${seconds}${normalizeZone(zone)}`;
  }
  if (/^\d{10,13}$/.test(text)) {
    // epoch seconds or milliseconds, as some news APIs give
    const ms = text.length === 13 ? Number(text) : Number(text) * 1000;
    return new Date(ms).toISOString().replace('.000Z', 'Z');
  }
  // strict: formal dates only, so that "yesterday" is not read as a publication date
  const parsed = chrono.strict.parse(text, new Date(Date.UTC(2000, 0, 1)))[0];
  if (!parsed || !parsed.start.isCertain('year') || !parsed.start.isCertain('month') || !parsed.start.isCertain('day')) {
    return null;
  }
  const start = parsed.start;
  const date = `${start.get('year')}-${pad(start.get('month')!)}-${pad(start.get('day')!)}`;
  if (!start.isCertain('hour')) return date;
  const time = `${pad(start.get('hour')!)}:${pad(start.get('minute') ?? 0)}:${pad(start.get('second') ?? 0)}`;
  const offset = start.isCertain('timezoneOffset') ? formatOffset(start.get('timezoneOffset')!) : '';
  return `${date}T${time}${offset}`;
}

// /2019/10/21/, /2019-10-21-, /20191021/ in a URL's path; an archive's crawl stamp (/web/20160218174457/) is longer.
const URL_PATH_DATE = /\/((?:19|20)\d{2})([/-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)/;

/** The date in a page URL's path (news sites file articles by day), or null. */
export function dateInUrl(url: string | null): string | null {
  if (!url) return null;
  const archived = /^https?:\/\/web\.archive\.org\/web\/[^/]+\/(https?:\/\/.+)$/.exec(url)?.[1];
  let path: string;
  try {
    path = new URL(archived ?? url).pathname;
  } catch {
    return null;
  }
  const m = URL_PATH_DATE.exec(path);
  if (!m) return null;
  const date = `${m[1]}-${m[3]}-${m[4]}`;
  return isRealDate(date) ? date : null;
}

function normalizeZone(zone: string | undefined): string {
  if (!zone) return '';
  if (zone.toUpperCase() === 'Z') return 'Z';
  const digits = zone.replace(':', '');
  return digits.length === 3 ? `${digits}:00` : `${digits.slice(0, 3)}:${digits.slice(3)}`;
}

function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function isRealDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(date);
}

const pad = (n: number): string => String(n).padStart(2, '0');

// Local time runs from 12 hours behind UTC to 14 ahead: a UTC time of day that a zone can move to the day before or after.
const LATEST_UTC_HOUR_OF_PREVIOUS_LOCAL_DAY = 12;
const EARLIEST_UTC_HOUR_OF_NEXT_LOCAL_DAY = 10;

/**
 * The publisher's calendar day of a timestamp written in UTC, when the page prints it: CMSs store times in UTC
 * ("2021-11-04T23:00Z" for a German article of 5 November, "2022-05-04T00:44Z" for a Brazilian one of 3 May),
 * so the UTC day is not the day of publication where it is the day before or after the printed one and the
 * time of day allows a time zone to move it there. Then the printed day; else null.
 */
export function printedDayOfUtcTime(timestamp: string, printedDay: string | null): string | null {
  const utc = /^(\d{4}-\d{2}-\d{2})T(\d{2}):\d{2}(?::[\d.]+)?(?:Z|[+-]00:00)$/.exec(timestamp);
  if (!utc || !printedDay) return null;
  const [, day, hour] = utc;
  const shift = (Date.parse(`${printedDay}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000;
  if (shift === -1 && Number(hour) < LATEST_UTC_HOUR_OF_PREVIOUS_LOCAL_DAY) return printedDay;
  if (shift === 1 && Number(hour) >= EARLIEST_UTC_HOUR_OF_NEXT_LOCAL_DAY) return printedDay;
  return null;
}
