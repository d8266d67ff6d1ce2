import { readFileSync } from 'node:fs';
import type { ParsedArticle } from '../../../shared/model/parsed.ts';
import { parseDocument } from '../../../shared/parse/index.ts';

export const fixture = (name: string): URL => new URL(`../../fixtures/${name}`, import.meta.url);

/** Parses a file the way the ingest handler does, keyed by its name. */
export function parseFile(url: URL, key = url.pathname.split('/').at(-1)!): ParsedArticle[] {
  return parseDocument(readFileSync(url), { key });
}

export function parseOne(url: URL, key?: string): ParsedArticle {
  const articles = parseFile(url, key);
  if (articles.length !== 1) throw new Error(`expected one article, got ${articles.length}`);
  return articles[0]!;
}

export const parseText = (text: string, key = 'upload.txt'): ParsedArticle[] =>
  parseDocument(Buffer.from(text, 'utf8'), { key });
