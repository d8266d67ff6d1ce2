import type { ParsedComponents } from 'chrono-node';
import * as chrono from 'chrono-node/en';
import type { MentionedDate } from '../../model/article.ts';
import { paragraphs } from '../text.ts';

// "now" is a manner of speaking in news prose, not a date.
const NOT_A_DATE = /^(?:now|right now|just now)$/i;

/**
 * Calendar days the body mentions, resolved against the publication date (`on Tuesday (Sept 19)` in an article of
 * 2023-09-20 → 2023-09-19). Without a publication date only fully written dates (day, month and year) are kept,
 * since anything relative ("today", "three days ago", "a year earlier") would be resolved against an arbitrary day.
 */
export function findMentionedDates(body: string, publishedAt: string | null): MentionedDate[] {
  const reference = publishedAt ? referenceInstant(publishedAt) : null;
  const dates: MentionedDate[] = [];
  for (const result of parseDates(body, reference)) {
    const start = result.start;
    const aDay = start.isCertain('day') || start.isCertain('weekday');
    if (!aDay || (!reference && !writtenOut(result))) continue;
    const span = trimSpan(body, result.index, result.index + result.text.length);
    if (NOT_A_DATE.test(span.text)) continue;
    const date = isoDay(start);
    const previous = dates.at(-1);
    // `Tuesday (Sept 19)`: one mention of one day, written twice
    if (previous && previous.date === date && /^\s*\(\s*$/.test(body.slice(previous.end, span.start))) {
      const close = body.indexOf(')', span.end);
      const end = close >= 0 && close - span.end < 3 ? close + 1 : span.end;
      dates[dates.length - 1] = { ...previous, text: body.slice(previous.start, end), end };
      continue;
    }
    dates.push({ text: span.text, date, start: span.start, end: span.end });
  }
  return dates;
}

// Words without which chrono finds no day; paragraphs without any are not worth its time. Month and weekday
// names count when capitalised (not "may" the verb), numeric dates when written with - / or two dots.
const DATE_CUE =
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)|\b(?:[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight)\b|\d[-/]\d|\d\.\d{1,2}\.\d/;
/**
 * Without a publication date only a written date counts, and every one has its year in digits and a month
 * name (whole, as chrono reads it: "Sept", "March", not "Market") or a numeric form.
 */
const WRITTEN_DATE_CUE =
  /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b|\d[-/]\d|\d\.\d{1,2}\.\d/;
const DIGIT = /\d/;

interface FoundDate {
  index: number;
  text: string;
  start: ParsedComponents;
  /** Counted from the reference day ("three days ago", "for 70 days"), whatever its numbers. */
  relative: boolean;
}

/**
 * A day, month and year all written out ("31 December 2004", "end of June 2004", "5/3/05"): chrono also
 * calls the year certain for "today", "a year earlier" or "for 43 days", counted from the reference day.
 */
function writtenOut({ start, text, relative }: FoundDate): boolean {
  if (relative || !start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) return false;
  const year = String(start.get('year'));
  return text.includes(year) || text.includes(year.slice(-2));
}

/**
 * chrono over the parts of paragraphs that may hold a date, with indexes into the whole body. Relative dates
 * reach across a paragraph ("on Monday ... a week later"), so with a publication date chrono reads whole
 * paragraphs; a written date is a few words around its month or numeric form, so without one it reads
 * only windows around those.
 */
function parseDates(body: string, reference: Date | null): FoundDate[] {
  const results: FoundDate[] = [];
  for (const paragraph of paragraphs(body)) {
    const parts = reference
      ? dateWindows(paragraph, DATE_CUE, LONG_PARAGRAPH)
      : DIGIT.test(paragraph.text) ? dateWindows(paragraph, WRITTEN_DATE_CUE, 0) : [];
    for (const part of parts) {
      // without a reference only written-out dates are kept, and each has its year's digits in its text
      if (!reference && !DIGIT.test(part.text)) continue;
      for (const result of chrono.parse(part.text, reference ?? new Date(0), { forwardDate: false })) {
        const relative = result.tags().has('result/relativeDate');
        results.push({ index: result.index + part.start, text: result.text, start: result.start, relative });
      }
    }
  }
  return results;
}

// chrono's time grows faster than the text it reads: a paragraph longer than this (a page pasted as one
// line, hostile input) is read only around its date words, in windows of bounded length.
const LONG_PARAGRAPH = 2_000;
const CUE_CONTEXT = 80;

/**
 * The paragraph itself when it is no longer than `whole` and has a date word; else bounded windows around
 * its date words.
 */
function* dateWindows(paragraph: { start: number; text: string }, cues: RegExp, whole: number): Generator<{ start: number; text: string }> {
  const { text } = paragraph;
  if (text.length <= whole) {
    if (cues.test(text)) yield paragraph;
    return;
  }
  const at = (from: number, to: number) => ({ start: paragraph.start + from, text: text.slice(from, to) });
  let window: { from: number; to: number } | null = null;
  for (const cue of text.matchAll(new RegExp(cues.source, 'g'))) {
    // start and end on a word boundary, so that no date is read from half a word
    const from = wordStart(text, Math.max(0, cue.index - CUE_CONTEXT));
    const to = wordEnd(text, Math.min(text.length, cue.index + cue[0].length + CUE_CONTEXT));
    if (window && from <= window.to && to - window.from <= LONG_PARAGRAPH) {
      window.to = to;
      continue;
    }
    if (window) yield at(window.from, window.to);
    window = { from, to };
  }
  if (window) yield at(window.from, window.to);
}

const wordStart = (text: string, index: number): number => {
  const space = text.lastIndexOf(' ', index);
  return space < 0 || index - space > CUE_CONTEXT ? index : space + 1;
};

const wordEnd = (text: string, index: number): number => {
  const space = text.indexOf(' ', index);
  return space < 0 || space - index > CUE_CONTEXT ? index : space;
};

/** Noon on the publication day: relative days then land on the right calendar day in any zone. */
function referenceInstant(publishedAt: string): Date | null {
  const day = publishedAt.slice(0, 10);
  const date = new Date(`${day}T12:00:00`);
  return Number.isNaN(date.getTime()) ? null : date;
}

function isoDay(component: ParsedComponents): string {
  const d = component.date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Drop the leading preposition and trailing punctuation chrono includes: "on Tuesday" → "Tuesday". */
function trimSpan(body: string, start: number, end: number): { text: string; start: number; end: number } {
  let text = body.slice(start, end);
  const lead = /^(?:on|since|until|by|from)\s+/i.exec(text);
  if (lead) {
    start += lead[0].length;
    text = text.slice(lead[0].length);
  }
  const trail = /[\s,.;:]+$/.exec(text);
  if (trail) {
    end -= trail[0].length;
    text = text.slice(0, -trail[0].length);
  }
  return { text, start, end };
}

const pad = (n: number): string => String(n).padStart(2, '0');
