import { normalizeDate } from '../dates.ts';
import type { DeclaredFields, SourceArticle } from '../source.ts';
import { Declared } from '../source.ts';
import { normalizeBody } from '../text.ts';

/** Header keys newsroom exports use, mapped to the field they declare. */
const KEYS: Record<string, keyof DeclaredFields> = {
  date: 'publishedAt',
  published: 'publishedAt',
  title: 'title',
  headline: 'title',
  author: 'byline',
  authors: 'byline',
  byline: 'byline',
  by: 'byline',
  source: 'siteName',
  site: 'siteName',
  publisher: 'siteName',
  url: 'canonicalUrl',
  link: 'canonicalUrl',
  language: 'language',
  lang: 'language',
  tags: 'tags',
  keywords: 'tags',
  summary: 'summary',
  description: 'summary',
};

const HEADER_LINE = /^[ \t]*([A-Za-z]+)[ \t]*(:[ \t]*|[ \t]+)(.*)$/;
// The value of a `date`/`url` header is one token, so the body may go on on the same line (as in the example).
const DATE_VALUE = /^(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)(?=\s|$)/;
const URL_VALUE = /^(https?:\/\/\S+)(?=\s|$)/;

interface HeaderLine {
  field: keyof DeclaredFields;
  key: string;
  value: string;
  /** Text after the value on the same line: the start of the body. */
  rest: string;
  /** Could only be a header: a colon after the key, or a value that is a date or URL. */
  certain: boolean;
}

function readHeaderLine(line: string): HeaderLine | null {
  const m = HEADER_LINE.exec(line);
  if (!m) return null;
  const key = m[1]!.toLowerCase();
  const field = KEYS[key];
  if (!field) return null;
  const withColon = m[2]!.startsWith(':');
  const raw = m[3]!;
  if (field === 'publishedAt' || field === 'canonicalUrl') {
    const token = (field === 'publishedAt' ? DATE_VALUE : URL_VALUE).exec(raw);
    if (token) return { field, key, value: token[1]!, rest: raw.slice(token[1]!.length).trim(), certain: true };
    // `Date: 20 September 2023` — a colon says the whole line is the value
    if (withColon && field === 'publishedAt' && normalizeDate(raw)) {
      return { field, key, value: raw.trim(), rest: '', certain: true };
    }
    return null;
  }
  if (raw.trim() === '') return null;
  return { field, key, value: raw.trim(), rest: '', certain: withColon };
}

/**
 * The example's format: `key value` / `key: value` header lines (date, title, author, source, url...) and
 * then the body, which may start on the last header line. Null when the text does not start with such a header.
 */
export function readHeaderText(text: string): SourceArticle | null {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  const header: HeaderLine[] = [];
  let rest = '';
  for (; i < lines.length; i++) {
    const line = readHeaderLine(lines[i]!);
    if (!line) break;
    header.push(line);
    if (line.rest) {
      rest = line.rest;
      i++;
      break;
    }
  }
  // `Title fight looms` alone is a headline; `title Title fight looms` above `date 2023-09-20` is a header
  if (!header.some((line) => line.certain)) return null;
  const declared = new Declared();
  for (const line of header) {
    const from = `header:${line.key}`;
    if (line.field === 'publishedAt') declared.offer('publishedAt', normalizeDate(line.value), from);
    else if (line.field === 'tags') declared.offer('tags', line.value.split(/[,;]/), from);
    else if (line.field === 'byline') {
      declared.offer('byline', line.value, from);
      declared.offer('authors', splitAuthors(line.value), from);
    } else declared.offer(line.field, line.value, from);
  }
  const body = normalizeBody([rest, ...lines.slice(i)].join('\n'));
  return { format: 'header-text', body, declared };
}

/** "Jane Doe and John Roe" / "Jane Doe, John Roe" → the names. */
export function splitAuthors(byline: string): string[] {
  return byline
    .replace(/^\s*by\s+/i, '')
    .split(/\s*(?:,|;|\band\b|&)\s*/i)
    .map((s) => s.trim())
    .filter((s) => s.length > 1);
}
