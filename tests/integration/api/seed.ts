import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedArticle } from '../../../shared/model/parsed.ts';
import { parseDocument } from '../../../shared/parse/index.ts';
import { PARSER_VERSION } from '../../../shared/parse/version.ts';
import { syntheticNews } from '../../support/synthetic-news.ts';
import type { ArticleWriter, SourceObject } from '../../../shared/store/port.ts';

/**
 * Real parser output stored through the real store: the example article, and generated news articles
 * (tests/support/synthetic-news.ts) given a date header each, spread so that date windows and newest-first
 * order can be checked.
 */

export const BUCKET = 'articles';
export const EXAMPLE_KEY = 'news/2023/09/karabakh offensive 2023-09-20.txt';
export const REJECTED_KEY = 'uploads/empty file.txt';
/** Stored with a known entity, so the entity routes are checked whatever the entity extractor finds. */
export const ENTITY_KEY = 'news/lachin.txt';
export const LACHIN = { id: 'lachin-corridor', name: 'Lachin Corridor', type: 'location' as const };
const EXAMPLE = join(import.meta.dirname, '../../fixtures/karabakh-offensive-2023-09-20.txt');

export interface SeededArticle {
  key: string;
  parsed: ParsedArticle;
}

let sequence = 0;
function source(key: string, size: number): SourceObject {
  sequence += 1;
  return { bucket: BUCKET, key, versionId: null, eTag: `"etag-${sequence}"`, size, sequencer: sequence.toString(16).padStart(16, '0'), eventTime: new Date().toISOString() };
}

/** The date the n-th generated article gets: spread over 2023, none on the example's day. */
const newsDate = (index: number) => `2023-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 27) + 1).padStart(2, '0')}`;

export async function seed(store: ArticleWriter, newsCount: number): Promise<SeededArticle[]> {
  const uploads: { key: string; bytes: Buffer }[] = [{ key: EXAMPLE_KEY, bytes: readFileSync(EXAMPLE) }];
  // Plain text with the headline on the first line, as newsroom archives hand it over.
  const plain = syntheticNews(newsCount * 10).filter((article) => article.format === 'plain-text' && !article.bad);
  for (const [index, article] of plain.slice(0, newsCount).entries()) {
    uploads.push({ key: `news/${article.key}`, bytes: Buffer.from(`date ${newsDate(index)}\n\n${article.bytes.toString('utf8')}`) });
  }
  const seeded: SeededArticle[] = [];
  for (const { key, bytes } of uploads) {
    const articles = parseDocument(bytes, { key });
    await store.saveArticles(source(key, bytes.length), articles, PARSER_VERSION);
    seeded.push(...articles.map((parsed) => ({ key, parsed })));
  }
  const [example] = parseDocument(uploads[0]!.bytes, { key: ENTITY_KEY });
  const withEntity: ParsedArticle = {
    ...example!,
    // Its statements would count twice for their speakers; the entity is what this copy is for.
    statements: [],
    metadata: { ...example!.metadata, entities: [{ ...LACHIN, aliases: ['Lachin corridor'], count: 2, mentions: [] }] },
  };
  await store.saveArticles(source(ENTITY_KEY, uploads[0]!.bytes.length), [withEntity], PARSER_VERSION);
  seeded.push({ key: ENTITY_KEY, parsed: withEntity });
  await store.recordRejection(source(REJECTED_KEY, 0), { code: 'empty', message: 'the object is empty' }, PARSER_VERSION);
  return seeded;
}
