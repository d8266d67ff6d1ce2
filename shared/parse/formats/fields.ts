import { normalizeDate } from '../dates.ts';
import { normalizeLanguageTag } from '../metadata/language-tag.ts';
import type { Declared } from '../source.ts';
import { splitAuthors } from './header-text.ts';

/**
 * Field names news APIs, CMS exports and front matter use, by what they mean, most common first. Keys are
 * compared folded (case, `_` and `-` ignored), so `published_at`, `publishedAt` and `Published-At` are one name.
 */
export const FIELD_NAMES = {
  title: ['title', 'headline', 'webtitle', 'name'],
  body: ['body', 'content', 'text', 'articlebody', 'bodytext', 'fulltext', 'story', 'markdown'],
  publishedAt: [
    'publishedat', 'datepublished', 'published', 'publishdate', 'publisheddate', 'publicationdate', 'pubdate',
    'webpublicationdate', 'date', 'firstpublished', 'createdat', 'created', 'datecreated',
  ],
  byline: ['byline', 'author', 'authors', 'creator', 'creators', 'writer', 'writers'],
  canonicalUrl: ['canonicalurl', 'canonical', 'url', 'weburl', 'link', 'permalink', 'shareurl'],
  siteName: ['sitename', 'source', 'publisher', 'site', 'publication', 'outlet', 'provider'],
  language: ['language', 'lang', 'inlanguage', 'locale'],
  summary: ['summary', 'description', 'abstract', 'excerpt', 'lead', 'standfirst', 'trailtext', 'dek', 'subtitle'],
  tags: ['tags', 'keywords', 'categories', 'topics', 'subjects', 'section'],
} as const;

export type Fields = Map<string, { key: string; value: unknown }>;

const fold = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A record's fields by folded name; one nested level too (`fields.bodyText` in the Guardian's API). */
export function foldFields(record: Record<string, unknown>): Fields {
  const fields: Fields = new Map();
  const add = (name: string, key: string, value: unknown) => {
    if (!fields.has(fold(name))) fields.set(fold(name), { key, value });
  };
  for (const [key, value] of Object.entries(record)) add(key, key, value);
  for (const [key, value] of Object.entries(record)) {
    if (isRecord(value) && !(fold(key) in NAMED_OBJECTS)) {
      for (const [inner, innerValue] of Object.entries(value)) add(inner, `${key}.${inner}`, innerValue);
    }
  }
  return fields;
}

// Objects that stand for one named thing, not a bag of fields: { "source": { "name": "BBC" } }.
const NAMED_OBJECTS = { source: 1, publisher: 1, author: 1, site: 1, publication: 1, provider: 1, creator: 1 };

export function pick(fields: Fields, names: readonly string[]): { key: string; value: unknown } | undefined {
  for (const name of names) {
    const found = fields.get(name);
    if (found && found.value !== null && found.value !== undefined && found.value !== '') return found;
  }
  return undefined;
}

/** Offers every metadata field a record has, each with the record's own key as provenance (`json:webTitle`). */
export function offerFields(fields: Fields, declared: Declared, origin: string): void {
  const from = (key: string) => `${origin}:${key}`;
  const title = pick(fields, FIELD_NAMES.title);
  if (title) declared.offer('title', asText(title.value), from(title.key));
  const date = pick(fields, FIELD_NAMES.publishedAt);
  if (date) declared.offer('publishedAt', asDate(date.value), from(date.key));
  const byline = pick(fields, FIELD_NAMES.byline);
  if (byline) {
    const names = asNames(byline.value);
    const authors = names.length === 1 ? splitAuthors(names[0]!) : names;
    declared.offer('byline', names.join(', ').replace(/^\s*by\s+/i, ''), from(byline.key));
    declared.offer('authors', authors, from(byline.key));
  }
  const url = pick(fields, FIELD_NAMES.canonicalUrl);
  if (url) declared.offer('canonicalUrl', asUrl(url.value), from(url.key));
  const site = pick(fields, FIELD_NAMES.siteName);
  if (site) declared.offer('siteName', asNames(site.value)[0], from(site.key));
  const language = pick(fields, FIELD_NAMES.language);
  if (language) declared.offer('language', normalizeLanguageTag(asText(language.value) ?? ''), from(language.key));
  const summary = pick(fields, FIELD_NAMES.summary);
  if (summary) declared.offer('summary', asText(summary.value), from(summary.key));
  const tags = pick(fields, FIELD_NAMES.tags);
  if (tags) declared.offer('tags', asTags(tags.value), from(tags.key));
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

function asText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (isRecord(value)) return asText(value.name ?? value.title ?? value.value);
  return null;
}

function asDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().replace('.000Z', 'Z');
  const text = asText(value);
  return text ? normalizeDate(text) : null;
}

function asUrl(value: unknown): string | null {
  const text = asText(value) ?? (isRecord(value) ? asText(value.href) : null);
  if (!text) return null;
  try {
    return new URL(text).href;
  } catch {
    return null;
  }
}

/** "Jane Doe" / { name } / [ ... ] → names. */
function asNames(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => asText(item)).filter((name): name is string => Boolean(name && name.trim()));
}

function asTags(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/[,;]/);
  return asNames(value);
}

export function bodyField(fields: Fields): { key: string; value: string } | undefined {
  for (const name of FIELD_NAMES.body) {
    const found = fields.get(name);
    if (found && typeof found.value === 'string' && found.value.trim()) return { key: found.key, value: found.value };
  }
  return undefined;
}
