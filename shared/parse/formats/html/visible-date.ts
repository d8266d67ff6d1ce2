// Each locale from its own entry: chrono's main one loads them all, and each builds its parsers at load
// (~20 ms of a cold start for the ones English-only code never uses), so only the HTML reader's chunk has these.
import * as de from 'chrono-node/de';
import * as en from 'chrono-node/en';
import * as es from 'chrono-node/es';
import * as fr from 'chrono-node/fr';
import * as it from 'chrono-node/it';
import * as ja from 'chrono-node/ja';
import * as nl from 'chrono-node/nl';
import * as pt from 'chrono-node/pt';
import { detectLanguage } from '../../metadata/language.ts';

/**
 * Text read around the headline: datelines sit just above it or in the byline block below, which some pages
 * print after a standfirst, an image and its caption or a player (html-news: 800 characters found 5 fewer
 * dates than 1,500, 2,500 began to read dates in the body and comments).
 */
const CHARS_AFTER = 1500;
const CHARS_BEFORE = 300;
const BLOCK = new Set(['P', 'DIV', 'LI', 'DT', 'DD', 'TD', 'TH', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'UL', 'OL', 'BLOCKQUOTE', 'FIGURE', 'FIGCAPTION', 'ADDRESS', 'BR']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'SELECT']);

// Date parsers by primary language subtag; chrono's strict mode reads formal dates only ("20. April 2020",
// "28.04.2020"), never "yesterday" or a bare weekday, so nothing depends on the day the page is parsed.
const PARSERS: Record<string, en.Chrono> = { de: de.strict, fr: fr.strict, es: es.strict, pt: pt.strict, nl: nl.strict, it: it.strict, ja: ja.strict };
// English formal dates, month first (05/03/2020 is 5 May) as in the US, or day first as everywhere else.
const ENGLISH_MONTH_FIRST = en.strict;
const ENGLISH_DAY_FIRST = new en.Chrono(en.configuration.createConfiguration(true, true));
/** Language tags whose numeric dates put the month first. */
const MONTH_FIRST = new Set(['en', 'en-us']);
// "28.04.2020", "28. 4. 2020", "28.01.22": day first wherever dots separate the parts; a two-digit year is
// this century's unless it is 90 or more (the isoDate floor).
const WRITTEN_YEAR = /(?:19|20)\d{2}/;
const DOTTED_DATE = /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d{2}|\d{2})(?![\d.])/g;
const fullYear = (year: string) => (year.length === 4 ? Number(year) : Number(year) + (Number(year) >= 90 ? 1900 : 2000));

/**
 * The publication date printed next to the headline: the first full date (day, month and year) in the text
 * after it, else the last one just above it, read in the page's language (when the page declares none, the
 * language of the text after the headline, which is also tried when the declared one finds none). A date as
 * written: no time zone.
 */
export function dateNearHeadline(headline: Element, language: string | null): string | null {
  const after = textAfter(headline, CHARS_AFTER);
  const before = textBefore(headline, CHARS_BEFORE);
  const dateIn = (readIn: string | null) => firstDate(after, readIn) ?? lastDate(before, readIn);
  const declaredDate = language ? dateIn(language) : null;
  if (declaredDate) return declaredDate;
  // a page may declare another language than it is written in (lang="en" from a theme on a German page)
  const written = detectLanguage(after.replace(/ \| /g, ' '));
  return !language || (written && written !== language.split('-')[0]) ? dateIn(written) : null;
}

function firstDate(text: string, language: string | null): string | null {
  return datesIn(text, language).sort((a, b) => a.index - b.index)[0]?.date ?? null;
}

function lastDate(text: string, language: string | null): string | null {
  return datesIn(text, language).sort((a, b) => b.index - a.index)[0]?.date ?? null;
}

function datesIn(text: string, language: string | null): Array<{ index: number; date: string }> {
  const found: Array<{ index: number; date: string }> = [];
  DOTTED_DATE.lastIndex = 0;
  for (let m = DOTTED_DATE.exec(text); m; m = DOTTED_DATE.exec(text)) {
    const date = isoDate(fullYear(m[3]!), Number(m[2]), Number(m[1]));
    if (date) found.push({ index: m.index, date });
  }
  const tag = (language ?? 'en').toLowerCase();
  const primary = tag.split('-')[0]!;
  const english = MONTH_FIRST.has(tag) ? ENGLISH_MONTH_FIRST : ENGLISH_DAY_FIRST;
  // pages in other languages still print English dates now and then ("March 5, 2020")
  const parsers = PARSERS[primary] ? [PARSERS[primary], english] : [english];
  for (const parser of parsers) {
    for (const result of parser.parse(text)) {
      const start = result.start;
      // the year must be written: a certain year without one is the day of parsing ("today", "Now 12:30")
      if (!WRITTEN_YEAR.test(result.text) || !start.isCertain('month') || !start.isCertain('day')) continue;
      const date = isoDate(start.get('year')!, start.get('month')!, start.get('day')!);
      if (date) found.push({ index: result.index, date });
    }
  }
  return found;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1990 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return parsed.toISOString().startsWith(date) ? date : null;
}

/** Visible text from the start of `element` on, in document order, up to `limit` characters. */
export function textAfter(element: Element, limit: number): string {
  let text = '';
  let node: Node | null = element;
  while (node && text.length < limit) {
    text += `${visibleText(node, limit - text.length)} `;
    let next: Node | null = node.nextSibling;
    while (!next && node) {
      node = node.parentNode;
      next = node?.nextSibling ?? null;
    }
    node = next;
  }
  return tidy(text);
}

/** Visible text before `element`, nearest last, up to `limit` characters. */
export function textBefore(element: Element, limit: number): string {
  let text = '';
  let node: Node | null = element;
  while (node && text.length < limit) {
    let previous: Node | null = node.previousSibling;
    while (!previous && node) {
      node = node.parentNode;
      previous = node?.previousSibling ?? null;
    }
    node = previous;
    if (node) text = `${visibleText(node, limit)} ${text}`;
  }
  return tidy(text).slice(-limit);
}

function visibleText(node: Node, limit: number): string {
  if (node.nodeType === 3) return (node.textContent ?? '').replace(/\s+/g, ' ');
  if (node.nodeType !== 1 || SKIP.has((node as Element).tagName.toUpperCase())) return '';
  let text = '';
  for (const child of Array.from(node.childNodes)) {
    if (text.length >= limit) break;
    text += visibleText(child, limit - text.length) + ' ';
  }
  // a block ends a name or a date: "Von Anna Dunst" in one paragraph and "Meist gelesen" in the next stay apart
  const block = BLOCK.has((node as Element).tagName.toUpperCase()) ? ' | ' : '';
  return tidy(block + text + block);
}

/** One space for any run of spacing, one separator for adjacent block edges. */
const tidy = (text: string) => text.replace(/\s+/g, ' ').replace(/(?: ?\| ?){2,}/g, ' | ');
