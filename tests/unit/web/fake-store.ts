import type { ParsedArticle } from '../../../shared/model/parsed.ts';
import type { ObjectReader } from '../../../shared/objects/index.ts';
import { ObjectMissing } from '../../../shared/objects/index.ts';
import {
  InvalidCursorError,
  type ArticleRecord,
  type EntityArticle,
  type EntityRecord,
  type IngestionRecord,
  type Page,
  type SpeakerRecord,
  type StatementRecord,
} from '../../../shared/store/port.ts';
import { foldName } from '../../../shared/model/ids.ts';
import type { WebStore } from '../../../functions/api/web/routes.ts';

/**
 * An in-memory store of the records a test gives it, with the read methods the web view uses, paging with
 * plain offsets as cursors.
 */
export interface FakeData {
  articles?: ArticleRecord[];
  statements?: StatementRecord[];
  speakers?: SpeakerRecord[];
  entities?: EntityRecord[];
  entityArticles?: Record<string, EntityArticle[]>;
  ingestions?: IngestionRecord[];
}

function paged<T>(items: T[], query: { limit: number; cursor?: string }): Page<T> {
  const start = query.cursor === undefined ? 0 : Number(query.cursor);
  if (!Number.isInteger(start) || start < 0) throw new InvalidCursorError();
  const end = start + query.limit;
  return { items: items.slice(start, end), nextCursor: end < items.length ? String(end) : null };
}

const newestFirst = <T>(items: T[], date: (item: T) => string) => [...items].sort((a, b) => date(b).localeCompare(date(a)));

export function fakeStore(data: FakeData): WebStore {
  const { articles = [], statements = [], speakers = [], entities = [], entityArticles = {}, ingestions = [] } = data;
  return {
    listArticles: async (query) => paged(newestFirst(articles, (a) => a.metadata.publishedAt ?? a.ingestedAt), query),
    getArticle: async (id) => articles.find((a) => a.id === id) ?? null,
    getArticleWithStatements: async (id, query) => {
      const article = articles.find((a) => a.id === id);
      return article ? { article, statements: paged(statements.filter((s) => s.articleId === id), query) } : null;
    },
    listArticleStatements: async (id, query) => paged(statements.filter((s) => s.articleId === id), query),
    listStatements: async (query) =>
      paged(newestFirst(statements.filter((s) => s.speaker.id === query.speaker), (s) => s.publishedAt), query),
    searchSpeakers: async (query) => paged(speakers.filter((s) => foldName(s.name).startsWith(foldName(query.prefix))), query),
    getSpeaker: async (id) => speakers.find((s) => s.id === id) ?? null,
    searchEntities: async (query) => paged(entities.filter((e) => foldName(e.name).startsWith(foldName(query.prefix))), query),
    getEntity: async (id) => entities.find((e) => e.id === id) ?? null,
    listEntityArticles: async (id, query) => paged(entityArticles[id] ?? [], query),
    listIngestions: async (query) => paged(newestFirst(ingestions, (i) => i.updatedAt), query),
  };
}

/** Objects by key; a key not given reads as deleted. */
export function fakeObjects(objects: Record<string, string>): ObjectReader {
  return {
    getObjectBytes: async (_bucket, key) => {
      const text = objects[key];
      if (text === undefined) throw new ObjectMissing(key);
      return { bytes: new TextEncoder().encode(text), contentType: 'text/plain' };
    },
  };
}

export const BUCKET = 'articles';

export function articleRecord(parsed: ParsedArticle, key: string, statementCount: number): ArticleRecord {
  return {
    id: parsed.id,
    source: { bucket: BUCKET, key, versionId: null, eTag: null },
    metadata: parsed.metadata,
    statementCount,
    parserVersion: 1,
    ingestedAt: '2026-11-27T10:00:00.000Z',
  };
}
