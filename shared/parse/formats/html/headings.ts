import { cleanText, wordF1, words } from './clean-text.ts';
import type { Candidate } from './title.ts';

const MAX_HEADLINE_CHARS = 300;

/**
 * The page's h1s, then its first h2s (some pages put the headline in an h2 under a site-wide h1), without
 * headings only screen readers see ("screen-reader-text": the document title again, "Post navigation") and
 * without the site's name as a theme prints it: a heading that is a link to the home page.
 */
export function headingCandidates(document: Document): Candidate[] {
  const of = (tag: string, limit: number) =>
    Array.from(document.querySelectorAll(tag))
      .slice(0, limit)
      .filter((element) => !HIDDEN_CLASS.test(element.getAttribute('class') ?? '') && !linksHome(element))
      .map((element) => ({ text: cleanText(textWithoutKicker(element)), from: tag, element }))
      .filter((c) => c.text.length > 0 && c.text.length <= MAX_HEADLINE_CHARS);
  return [...of('h1', 10), ...of('h2', 30)];
}

/** The site's name where a theme prints it as a heading that links to the home page ("<h1><a href="/">Blog</a></h1>"). */
export function siteNameHeadings(document: Document): string[] {
  return Array.from(document.querySelectorAll('h1, h2'))
    .slice(0, 10)
    .filter(linksHome)
    .map((element) => cleanText(element.textContent ?? ''));
}

// An archived page's links lead through the archive: /web/20080731095558/http://site/
const ARCHIVE_PREFIX = /^(?:https?:\/\/web\.archive\.org)?\/web\/\d+[a-z_]*\//;

/** Whether all a heading's text is one link to a site's root. */
function linksHome(heading: Element): boolean {
  const links = heading.querySelectorAll('a[href]');
  if (links.length !== 1) return false;
  const link = links[0]!;
  const text = cleanText(heading.textContent ?? '');
  if (!text || cleanText(link.textContent ?? '') !== text) return false;
  const href = (link.getAttribute('href') ?? '').trim().replace(ARCHIVE_PREFIX, '');
  if (!href || href.startsWith('#')) return false;
  try {
    const url = new URL(href, 'https://host.invalid/');
    return url.pathname === '/' && !url.search && !url.hash;
  } catch {
    return false;
  }
}

// Where a page shows a headline that no h1 or h2 holds: a blog's h3.post-title, a div.headline, a span.
const SHOWN_HEADLINE = 'h3, h4, [itemprop~="headline"], [class*="title"], [class*="headline"]';
const MAX_SHOWN_HEADLINE_ELEMENTS = 300;
const MIN_SHOWN_HEADLINE_AGREEMENT = 0.9;

/** The element that shows a declared title on the page, for the byline and date printed next to it. */
export function headlineShowing(document: Document, title: string): Element | undefined {
  const titleWords = words(title);
  const elements = Array.from(document.querySelectorAll(SHOWN_HEADLINE)).slice(0, MAX_SHOWN_HEADLINE_ELEMENTS);
  return elements.find((element) => {
    if (element.closest('head')) return false;
    const text = element.textContent ?? '';
    return text.length <= MAX_HEADLINE_CHARS * 2 && wordF1(words(cleanText(text)), titleWords) >= MIN_SHOWN_HEADLINE_AGREEMENT;
  });
}

// Inside a headline element, the line above the headline (Dachzeile, kicker, overline) or its date.
const KICKER_CLASS = /dachzeile|kicker|overline|topline|toptitle|supertitle|subtitle|subheadline|eyebrow|roofline|spitzmarke/i;
const KICKER_TAG = new Set(['SMALL', 'TIME']);
// A separator only screen readers and copied text see ("<span class="invisible">: </span>") sets a kicker shown
// on a line of its own apart from the headline: what stands before it is the kicker.
const HIDDEN_CLASS = /(?:^|[\s_-])(?:invisible|hidden|sr-only|screen-reader-text|visually-hidden|visuallyhidden)(?:$|[\s_-])/i;
const SEPARATOR_ONLY = /^[\s|:–—-]+$/;

/** A heading's text without its kicker: "Interne Unterlagen im Netz Daten von Rheinmetall gehackt" → the latter. */
function textWithoutKicker(heading: Element): string {
  let text = '';
  const walk = (node: Node) => {
    if (node.nodeType === 3) text += node.textContent ?? '';
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (element !== heading && (KICKER_TAG.has(element.tagName.toUpperCase()) || KICKER_CLASS.test(element.getAttribute('class') ?? ''))) {
      text += ' ';
      return;
    }
    const hidden = element.getAttribute('aria-hidden') === 'true' || HIDDEN_CLASS.test(element.getAttribute('class') ?? '');
    if (element !== heading && hidden && SEPARATOR_ONLY.test(element.textContent ?? '')) {
      text = ' ';
      return;
    }
    if (element.tagName.toUpperCase() === 'BR') text += ' ';
    for (const child of Array.from(element.childNodes)) walk(child);
  };
  walk(heading);
  return text;
}
