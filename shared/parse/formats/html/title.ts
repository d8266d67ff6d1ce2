import { containment, squeezed, wordF1, words } from './clean-text.ts';

export interface Candidate {
  text: string;
  /** Where the text came from, for provenance: `json-ld`, `meta:og:title`, `h1`… */
  from: string;
  /** The heading element, for a visible heading. */
  element?: Element;
}

export interface TitleSources {
  /** Declared titles, most trusted first: JSON-LD headline, og:title, twitter:title, <title>… */
  declared: Candidate[];
  /** Visible headings, h1s first, in page order. */
  headings: Candidate[];
  /** Names the site goes by: og:site_name, the publisher, the host of the page's URL. */
  siteNames: string[];
}

// Separators between the headline and the site's name or section: "Headline | Section | Site", "Site » Headline".
const SEPARATOR = /\s+[|\-–—·»›•~:/]+\s+|\s*[|»›·•]\s*|\s+:\s*/;
// A heading may also be what follows a declared title's kicker: "Siemens und Adani: Kaeser verarscht Neubauer".
const AGREEMENT_SEPARATOR = new RegExp(`${SEPARATOR.source}|:\\s+`);
const MIN_HEADING_AGREEMENT = 0.75;
const isNumericDate = (text: string) => /^\s*\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\s*$/.test(text);
const MIN_SEGMENT_AGREEMENT = 0.9;
/** Titles declared for link previews, feeds and search engines rather than as the document's own title. */
const SHARE_TITLE_SOURCES = new Set(['json-ld', 'meta:og:title', 'meta:twitter:title', 'meta:weibo:article:title', 'meta:weibo:webpage:title']);
// "jan-grosser.de" as a page's heading is the site's name, whether or not the page says where it lives
const MIN_SHARED_WORD_CHARS = 3;
const DOMAIN_NAME = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}$/u;
/** A heading of one word ("Aktuelles", "Details") is a section label, unless a declared title says just that. */
const MIN_HEADING_WORDS = 2;

/**
 * The headline. Visible headings and declared titles are compared: a heading that a declared title agrees
 * with (once the site's name is cut off, or as one of its parts) is the headline as the page shows it; with
 * no such agreement, the most trusted declared title without the site's name or section.
 */
export function chooseTitle(sources: TitleSources): Candidate | null {
  const siteName = siteMatcher(sources.siteNames);
  // a date is cut off a title like the site's name: "23.01.2022 - Headline", "Headline | 08.11.2021"
  const site = (text: string) => siteName(text) || isNumericDate(text);
  const declared = sources.declared
    .map((c) => ({ text: withoutSiteName(c.text, site), from: c.from }))
    .filter((c) => c.text && !site(c.text));
  // the closest agreement wins; between equals, the heading the more trusted declared title agrees with
  // ("News" under <title>News - Eawag</title> loses to the headline og:title names)
  let best: { candidate: Candidate; agreement: number; rank: number } | null = null;
  for (const heading of sources.headings.map((h) => ({ ...h, text: withoutSiteName(h.text, isNumericDate) }))) {
    const headingWords = words(heading.text);
    if (headingWords.length === 0 || site(heading.text)) continue;
    for (const [rank, title] of declared.entries()) {
      const agreement = headingAgreement(headingWords, title.text);
      if (headingWords.length < MIN_HEADING_WORDS && agreement < 1) continue;
      if (agreement >= MIN_HEADING_AGREEMENT && (!best || agreement > best.agreement || (agreement === best.agreement && rank < best.rank))) {
        best = { candidate: heading, agreement, rank };
      }
    }
  }
  if (best) return best.candidate;
  const fallback = declared[0];
  // a title written for link previews is often worded otherwise than the headline the page prints, or is
  // only the site's name: a page's only h1 that speaks of the same thing is that headline (where the page's
  // first title is its own <title> or Dublin Core title, that still wins)
  const h1s = sources.headings.filter((h) => h.from === 'h1');
  const onlyH1 = h1s.length === 1 ? h1s[0]! : undefined;
  const firstDeclared = sources.declared[0];
  if (
    firstDeclared &&
    SHARE_TITLE_SOURCES.has(firstDeclared.from) &&
    onlyH1 &&
    isHeadline(onlyH1.text, site) &&
    sources.declared.some((title) => sharesAWord(onlyH1.text, title.text))
  ) {
    return onlyH1;
  }
  if (fallback?.from !== 'title') return fallback ?? null;
  return { ...fallback, text: withoutLastPart(fallback.text) };
}

// Separators of a document title's parts as Readability reads them: spaced, and `\ / > »` hierarchical.
const TITLE_PART_SEPARATOR = / [|\-–—\\/>»] /g;
const HIERARCHICAL_SEPARATOR = / [\\/>»] /;
const MIN_TITLE_WORDS = 3;
const SHORT_TITLE_WORDS = 4;

/**
 * A document title that is all the page declares, as Readability reads it: "Headline – My website" →
 * "Headline" (the last part, where sites put their name, is cut; when that leaves under three words the
 * first part is cut instead), kept whole when the cut leaves four words or fewer of a title that was not a
 * breadcrumb. The site's name need not be known, so this applies only where nothing else names the article.
 */
function withoutLastPart(title: string): string {
  const separators = Array.from(title.matchAll(TITLE_PART_SEPARATOR));
  if (separators.length === 0) return title;
  let cut = title.slice(0, separators[separators.length - 1]!.index);
  if (wordCount(cut) < MIN_TITLE_WORDS) cut = title.slice(separators[0]!.index! + separators[0]![0].length);
  const hierarchical = HIERARCHICAL_SEPARATOR.test(title);
  const withoutSeparators = wordCount(title.replace(/[|\-–—\\/>»]+/g, ''));
  if (wordCount(cut) <= SHORT_TITLE_WORDS && (!hierarchical || wordCount(cut) !== withoutSeparators - 1)) return title;
  return cut.trim();
}

/** Whether a heading can be a headline: two words or more, and not the site's name. */
function isHeadline(heading: string, site: (text: string) => boolean): boolean {
  return words(heading).length >= MIN_HEADING_WORDS && !site(heading) && !DOMAIN_NAME.test(heading.trim());
}

/** Whether two texts have a word of three letters or more in common: they name the same thing. */
function sharesAWord(a: string, b: string): boolean {
  const bWords = new Set(words(b));
  return words(a).some((word) => word.length >= MIN_SHARED_WORD_CHARS && bWords.has(word));
}

const wordCount = (text: string) => text.trim().split(/\s+/).length;

/** 1 when the heading is the title or one run of its parts; else how far their words agree. */
function headingAgreement(heading: string[], title: string): number {
  const overall = wordF1(heading, words(title));
  const parts = title.split(AGREEMENT_SEPARATOR);
  if (parts.length === 1) return overall;
  for (let from = 0; from < parts.length; from++) {
    for (let to = from + 1; to <= parts.length; to++) {
      const run = words(parts.slice(from, to).join(' '));
      if (wordF1(heading, run) >= MIN_SEGMENT_AGREEMENT && containment(heading, run) >= MIN_SEGMENT_AGREEMENT) {
        return Math.max(overall, MIN_SEGMENT_AGREEMENT);
      }
    }
  }
  return overall;
}

/** "Headline - Site", "Site | Headline", "Headline | Section | Site" → "Headline" when a part names the site. */
export function withoutSiteName(title: string, isSite: (text: string) => boolean): string {
  const parts = splitKeepingSeparators(title);
  while (parts.length > 1 && isSite(parts[parts.length - 1]!.text)) parts.pop();
  while (parts.length > 1 && isSite(parts[0]!.text)) parts.shift();
  return parts
    .map((p, i) => (i === 0 ? p.text : p.separator + p.text))
    .join('')
    .trim();
}

function splitKeepingSeparators(title: string): Array<{ separator: string; text: string }> {
  const parts: Array<{ separator: string; text: string }> = [];
  const global = new RegExp(SEPARATOR.source, 'g');
  let last = 0;
  let separator = '';
  for (let m = global.exec(title); m; m = global.exec(title)) {
    if (m[0].length === 0) {
      global.lastIndex++;
      continue;
    }
    parts.push({ separator, text: title.slice(last, m.index) });
    separator = m[0];
    last = m.index + m[0].length;
  }
  parts.push({ separator, text: title.slice(last) });
  return parts.filter((p) => words(p.text).length > 0);
}

// A site's short name: the initials of its name, in capitals ("FAZ", "LN").
const INITIALS_IN_CAPITALS = /^\p{Lu}{2,5}$/u;

/**
 * Whether a text names the site: it matches a declared site name, or its letters are those of the page's
 * host ("Missy Magazine" on missy-magazine.de, "heizung.de"), or it holds the host's name ("Zobacz na
 * przepisy.pl") or a site name of several words with a few more ("EFC Bayrische Bembel Regensburg"), or it
 * is a name's initials in capitals ("LN" for "Lübecker Nachrichten").
 */
export function siteMatcher(siteNames: string[]): (text: string) => boolean {
  // a text that holds a site's name of one capitalised word may be a headline ("Tote Hummeln unter Linden"
  // on the site "Hummeln"); one that holds a host or its name as the URL writes it ("przepisy.pl", "pixnet")
  // or a name of several words is the site's
  const names = siteNames
    .map((n) => ({ words: words(n), squeezed: squeezed(n), containable: /\S\s+\S|\.\p{L}/u.test(n.trim()) || n === n.toLowerCase() }))
    .filter((n) => n.squeezed.length >= 2)
    .map((n) => ({ ...n, initials: n.words.length > 1 ? n.words.map((word) => word[0]).join('') : null }));
  return (text: string) => {
    const textWords = words(text);
    const textSqueezed = textWords.join('');
    if (textSqueezed.length < 2) return false;
    const capitals = INITIALS_IN_CAPITALS.test(text.trim());
    return names.some(
      (n) =>
        n.squeezed === textSqueezed ||
        (capitals && n.initials === textSqueezed) ||
        wordF1(textWords, n.words) >= 0.75 ||
        (textSqueezed.length >= 4 && n.squeezed.includes(textSqueezed)) ||
        (n.containable && n.squeezed.length >= 4 && textSqueezed.includes(n.squeezed) && textWords.length <= n.words.length + 3),
    );
  };
}
