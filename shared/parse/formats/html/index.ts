import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { dateInUrl, normalizeDate, printedDayOfUtcTime } from '../../dates.ts';
import { RejectedInput } from '../../errors.ts';
import { normalizeLanguageTag } from '../../metadata/language-tag.ts';
import type { SourceArticle } from '../../source.ts';
import { Declared } from '../../source.ts';
import { normalizeBody } from '../../text.ts';
import { splitAuthors } from '../header-text.ts';
import { cleanText } from './clean-text.ts';
import { readJsonLd } from './json-ld.ts';
import { collapseWrapperChains, MAX_NESTING, nestingDepth } from './nesting.ts';
import { elementText } from './text.ts';
import { headingCandidates, headlineShowing, siteNameHeadings } from './headings.ts';
import { chooseTitle, siteMatcher } from './title.ts';
import { authorsFromMarkup, belongsElsewhere, chooseAuthors, nameOnByline, nameOnBylineLine, nameOnBylineParagraph, nameOnDateline, nameOnLabelledByline, nameOnSignature } from './byline.ts';
import { dateNearHeadline, textAfter, textBefore } from './visible-date.ts';

// Meta names (lower case, '.' written ':') in order of preference. Title, byline and description follow
// Readability's order (Dublin Core, then OpenGraph, then plain names, then Twitter); the date list adds the
// names publishers commonly use besides OpenGraph's.
const TITLE_META = ['dc:title', 'dcterm:title', 'og:title', 'weibo:article:title', 'weibo:webpage:title', 'title', 'twitter:title', 'parsely-title'];
const BYLINE_META = ['dc:creator', 'dcterm:creator', 'author', 'parsely-author', 'article:author', 'byl', 'sailthru:author'];
// Twitter's card pairs a label with a value (twitter:label1 "Written by", twitter:data1 the name); SEO plugins
// fill it with the author in the site's language.
const TWITTER_AUTHOR_LABEL = /^(?:written by|verfasst von|geschrieben von|escrito por|écrit par|scritto da|geschreven door|author|autor|auteur)$/i;
const TWITTER_LABELS = 4;
const SUMMARY_META = ['dc:description', 'dcterm:description', 'og:description', 'weibo:article:description', 'description', 'twitter:description'];
/** Text read around the headline for a byline line: bylines sit just below a headline, sometimes above it. */
const BYLINE_CHARS_AFTER = 600;
const BYLINE_CHARS_BEFORE = 200;
const PAGE_CHARS = 50_000;
// second-level labels that name no site: co.uk, com.au, gov.uk…
const GENERIC_HOST_LABELS = new Set(['co', 'com', 'org', 'net', 'gov', 'ac', 'edu', 'blog', 'news']);
const PUBLISHED_META = [
  'article:published_time', 'og:article:published_time', 'og:published_time', 'article:published', 'parsely-pub-date',
  'datepublished', 'publishdate', 'publish-date', 'publish_date', 'pubdate', 'publication_date', 'sailthru:date',
  'dc:date:issued', 'dcterms:issued', 'dcterms:created', 'citation_publication_date',
];
const LIFECYCLE_DATE_META = ['dc:date', 'dcterms:date', 'date'];

/** A page's one article, as the format dispatch takes it (formats/index.ts, formats/on-demand.ts). */
export const readHtmlArticles = (content: string): SourceArticle[] => [withinStack(() => readHtml(content))];

/** The DOM and Readability recurse over the tree: a page nested thousands deep is rejected, not retried. */
function withinStack<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof RangeError) throw new RejectedInput('unparseable', `HTML too deeply nested to read (${error.message})`);
    throw error;
  }
}

/**
 * A saved web page: metadata from JSON-LD, meta tags (OpenGraph, Twitter, Dublin Core…), <html lang> and the
 * canonical link; the body is the readable main content as Readability finds it (its own metadata only fills gaps).
 */
export function readHtml(html: string): SourceArticle {
  const depth = nestingDepth(html);
  if (depth > MAX_NESTING) throw new RejectedInput('unparseable', `HTML nested ${depth} elements deep, more than the ${MAX_NESTING} a page may have`);
  const document = parseDocumentTree(html);
  collapseWrapperChains(document.documentElement);
  const declared = new Declared();
  const meta = metaTags(document);
  const pageTitle = document.querySelector('title')?.textContent ?? null;
  const jsonLd = readJsonLd(
    Array.from(document.querySelectorAll('script[type="application/ld+json" i]')).map((s) => s.textContent ?? ''),
    pageTitle,
  );

  const pageUrl = absoluteUrl(document.querySelector('link[rel~="canonical" i]')?.getAttribute('href'))
    ?? absoluteUrl(meta.get('og:url')) ?? absoluteUrl(jsonLd?.url);
  const siteNames = [meta.get('og:site_name'), jsonLd?.publisher, jsonLd?.websiteName, meta.get('application-name'), ...hostNames(pageUrl), ...siteNameHeadings(document)]
    .filter((n): n is string => Boolean(n));
  const declaredTitles = [
    { text: jsonLd?.headline, from: 'json-ld' },
    ...TITLE_META.map((name) => ({ text: meta.get(name), from: `meta:${name}` })),
    { text: pageTitle ?? undefined, from: 'title' },
  ].flatMap((c) => (c.text ? [{ text: cleanText(c.text), from: c.from }] : []));
  const headings = headingCandidates(document);
  const title = chooseTitle({ declared: declaredTitles, headings, siteNames });
  declared.offer('title', title?.text, title?.from ?? 'title');

  // people before organisations, and never the site itself (a CMS that signs every page with its name)
  const isSite = siteMatcher(siteNames);
  const metaAuthors = [...BYLINE_META.map((name) => ({ value: meta.get(name), from: `meta:${name}` })), twitterAuthor(meta)].flatMap(({ value, from }) => {
    const author = value ? nameOnByline(value) : null;
    return author ? [{ names: [author], from }] : [];
  });
  const authorCandidates = [
    { names: (jsonLd?.authors ?? []).flatMap((n) => nameOnByline(n) ?? []), from: 'json-ld' },
    ...metaAuthors,
  ];
  // else where the article starts: its first h1, or the site's name in an h1 above it
  const headlineElement =
    title?.element ?? (title && headlineShowing(document, title.text)) ?? headings.find((h) => h.from === 'h1')?.element ?? document.querySelector('h1') ?? undefined;
  const markupAuthors = authorsFromMarkup(document, headlineElement, isSite);
  const bylineLine = headlineElement
    ? nameOnBylineLine(textAfter(headlineElement, BYLINE_CHARS_AFTER)) ?? nameOnBylineLine(textBefore(headlineElement, BYLINE_CHARS_BEFORE))
    : null;
  const dateline = headlineElement ? nameOnDateline(textAfter(headlineElement, BYLINE_CHARS_AFTER)) : null;
  const labelledByline = document.body ? nameOnLabelledByline(textAfter(document.body, PAGE_CHARS)) : null;

  const htmlLang = document.documentElement?.getAttribute('lang') ?? document.documentElement?.getAttribute('xml:lang');
  declared.offer('language', htmlLang && normalizeLanguageTag(htmlLang), 'html-lang');
  for (const name of ['content-language', 'language', 'dc:language', 'og:locale']) {
    const value = meta.get(name);
    declared.offer('language', value && normalizeLanguageTag(value.split(',')[0]!), `meta:${name}`);
  }
  declared.offer('language', jsonLd?.inLanguage && normalizeLanguageTag(jsonLd.inLanguage), 'json-ld');

  const printedDate = headlineElement ? dateNearHeadline(headlineElement, declared.values.language ?? null) : null;
  const offerDate = (value: string | null | undefined, from: string) => {
    const printedDay = value ? printedDayOfUtcTime(value, printedDate) : null;
    declared.offer('publishedAt', printedDay ?? value, printedDay ? `${from}:printed-day` : from);
  };
  offerDate(jsonLd?.datePublished && normalizeDate(jsonLd.datePublished), 'json-ld');
  for (const name of PUBLISHED_META) offerDate(dateOf(meta.get(name)), `meta:${name}`);
  const time = document.querySelector('time[pubdate], time[itemprop="datePublished"], [itemprop="datePublished"]');
  offerDate(dateOf(time?.getAttribute('datetime') ?? time?.getAttribute('content')), 'time');
  offerDate(dateInUrl(pageUrl), 'url');
  // Dublin Core's date is any date of the page's life, which CMSs fill with the last change: after the printed
  // date, unless it is that day, whose time it then gives
  const lifecycleDates = LIFECYCLE_DATE_META.map((name) => ({ date: dateOf(meta.get(name)), from: `meta:${name}` }));
  const printedLifecycleDate = lifecycleDates.find(({ date }) => date && printedDate && date.startsWith(printedDate));
  if (printedLifecycleDate) offerDate(printedLifecycleDate.date, printedLifecycleDate.from);
  declared.offer('publishedAt', printedDate, 'text-near-headline');
  for (const { date, from } of lifecycleDates) offerDate(date, from);

  // read before Readability changes the tree
  const firstArticleTime = document.querySelector('article time[datetime]')?.getAttribute('datetime');
  const firstPageTime = Array.from(document.querySelectorAll('time[datetime]'))
    .find((time) => !belongsElsewhere(time, document, headlineElement))
    ?.getAttribute('datetime');

  declared.offer('siteName', meta.get('og:site_name'), 'og:site_name');
  declared.offer('siteName', jsonLd?.publisher, 'json-ld:publisher');
  declared.offer('siteName', jsonLd?.websiteName, 'json-ld:website');
  declared.offer('siteName', meta.get('application-name'), 'meta:application-name');

  const canonical = document.querySelector('link[rel~="canonical" i]')?.getAttribute('href');
  declared.offer('canonicalUrl', absoluteUrl(canonical), 'link:canonical');
  declared.offer('canonicalUrl', absoluteUrl(meta.get('og:url')), 'og:url');
  declared.offer('canonicalUrl', absoluteUrl(jsonLd?.url), 'json-ld');

  for (const name of SUMMARY_META) declared.offer('summary', meta.get(name), `meta:${name}`);
  declared.offer('summary', jsonLd?.description, 'json-ld');

  declared.offer('tags', meta.getAll('article:tag'), 'meta:article:tag');
  declared.offer('tags', jsonLd?.keywords, 'json-ld');
  declared.offer('tags', meta.get('keywords')?.split(','), 'meta:keywords');

  // Readability changes the document, so it runs after everything above has been read.
  const readable = new Readability(document).parse();
  declared.offer('title', readable?.title, 'readability');
  let body = '';
  let signature: string | null = null;
  if (readable?.content) {
    const { document: content } = parseHTML(`<!doctype html><html><body>${readable.content}</body></html>`);
    signature = nameOnSignature(content.body as unknown as Element);
    const text = elementText(content.body as unknown as Element);
    body = text.text;
    declared.offer('headings', text.headings, 'html:h2-h6');
  } else if (document.body) {
    body = elementText(document.body).text;
  }
  const readableByline = readable?.byline ? nameOnByline(readable.byline) : null;
  authorCandidates.push({ names: readableByline ? [readableByline] : [], from: 'readability' });
  if (markupAuthors) authorCandidates.push(markupAuthors);
  authorCandidates.push({ names: bylineLine ? [bylineLine] : [], from: 'text-near-headline' });
  authorCandidates.push({ names: labelledByline ? [labelledByline] : [], from: 'text-labelled' });
  const bylineParagraph = nameOnBylineParagraph(body);
  authorCandidates.push({ names: bylineParagraph ? [bylineParagraph] : [], from: 'text-paragraph' });
  authorCandidates.push({ names: signature ? [signature] : [], from: 'text-signature' });
  authorCandidates.push({ names: dateline ? [dateline] : [], from: 'text-dateline' });
  const people = chooseAuthors(authorCandidates.flatMap((c) => (c ? [{ ...c, names: c.names.filter((n) => !isSite(n)) }] : [])));
  // else a newsroom, or the site's own name
  const authors =
    people ?? chooseAuthors([{ names: jsonLd?.authorOrganisations ?? [], from: 'json-ld:organisation' }, ...authorCandidates.flatMap((c) => c ?? [])]);
  declared.offer('byline', authors?.names.join(', '), authors?.from ?? 'byline');
  declared.offer('authors', authors?.names.flatMap(splitAuthors), authors?.from ?? 'byline');
  offerDate(dateOf(readable?.publishedTime), 'readability');
  offerDate(dateOf(firstArticleTime), 'article-time');
  offerDate(dateOf(firstPageTime), 'page-time');
  declared.offer('siteName', readable?.siteName, 'readability');
  declared.offer('summary', readable?.excerpt, 'readability');

  return { format: 'html', body: normalizeBody(body), declared };
}

/**
 * linkedom makes the first element the root when a page has no <html> ("<script>", "<meta …><title>…", a
 * truncated "<html"), and neither it nor Readability can work on such a tree: the markup is then read again
 * inside a complete page.
 */
function parseDocumentTree(html: string): Document {
  const { document } = parseHTML(html) as unknown as { document: Document };
  if (document.documentElement?.tagName.toUpperCase() === 'HTML' && document.body) return document;
  const wrapped = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  return wrapped.document as unknown as Document;
}

interface MetaTags {
  get(name: string): string | undefined;
  getAll(name: string): string[];
}

/** <meta> values keyed by their property, name, itemprop or http-equiv, lower case, `DC.title` as `dc:title`. */
function metaTags(document: Document): MetaTags {
  const values = new Map<string, string[]>();
  const elements = Array.from(document.querySelectorAll('meta'));
  // attribute by attribute: a `property` (RDFa, as OpenGraph specifies) wins over a `name` with the same key
  for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
    for (const element of elements) {
      const content = element.getAttribute('content')?.trim();
      if (!content) continue;
      // some pages list several names in one attribute: property="og:title twitter:title"
      const keys = (element.getAttribute(attr) ?? '').toLowerCase().replace(/\./g, ':').split(/\s+/);
      for (const key of keys.filter(Boolean)) {
        values.set(key, [...(values.get(key) ?? []), content]);
      }
    }
  }
  return { get: (name) => values.get(name)?.[0], getAll: (name) => values.get(name) ?? [] };
}

/** The value of the Twitter card's label that names the author. */
function twitterAuthor(meta: MetaTags): { value: string | undefined; from: string } {
  for (let n = 1; n <= TWITTER_LABELS; n++) {
    if (TWITTER_AUTHOR_LABEL.test(meta.get(`twitter:label${n}`) ?? '')) return { value: meta.get(`twitter:data${n}`), from: `meta:twitter:data${n}` };
  }
  return { value: undefined, from: 'meta:twitter:data' };
}

/**
 * Names a site goes by in its host: "missy-magazine.de" and "missy-magazine" for www.missy-magazine.de; an
 * archived page (web.archive.org/web/2016…/http://site/…) is named by the site it archived.
 */
function hostNames(url: string | null): string[] {
  if (!url) return [];
  const archived = /^https?:\/\/web\.archive\.org\/web\/[^/]+\/(https?:\/\/.+)$/.exec(url)?.[1];
  let host: string;
  try {
    host = new URL(archived ?? url).hostname.replace(/^www\./, '');
  } catch {
    return [];
  }
  const labels = host.split('.').slice(0, -1).filter((label) => !GENERIC_HOST_LABELS.has(label) && label.length >= 3);
  return [host, ...labels];
}

const dateOf = (value: string | null | undefined): string | null => (value ? normalizeDate(value) : null);

function absoluteUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    return new URL(value).href;
  } catch {
    return null;
  }
}
