import { foldName } from '../../../../shared/model/ids.ts';
import { InvalidCursorError, type DateRange, type Page, type PageQuery } from '../../../../shared/store/port.ts';
import type { ArticleReader } from '../../../../functions/api/endpoint.ts';
import * as records from './records.ts';

/**
 * An in-memory ArticleReader over records.ts. Its cursors, like the real store's, are refused when
 * edited or reused for another query (here: an offset bound to a query key, checked on decode).
 */

function page<T>(items: readonly T[], query: PageQuery, queryKey: string): Page<T> {
  let offset = 0;
  if (query.cursor !== undefined) {
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(query.cursor, 'base64url').toString('utf8'));
    } catch {
      throw new InvalidCursorError();
    }
    const { q, o } = (decoded ?? {}) as { q?: unknown; o?: unknown };
    if (q !== queryKey || typeof o !== 'number' || !Number.isInteger(o) || o <= 0 || o >= items.length) throw new InvalidCursorError();
    offset = o;
  }
  const end = offset + query.limit;
  const nextCursor = end < items.length ? Buffer.from(JSON.stringify({ q: queryKey, o: end })).toString('base64url') : null;
  return { items: items.slice(offset, end), nextCursor };
}

function inWindow(date: string, range: DateRange): boolean {
  return (range.from === undefined || date >= range.from.slice(0, 10)) && (range.to === undefined || date.slice(0, 10) <= range.to.slice(0, 10));
}

const newestFirst = <T extends { publishedAt: string }>(a: T, b: T) => b.publishedAt.localeCompare(a.publishedAt);
const startsWithFolded = (prefix: string, names: string[]) => names.some((name) => foldName(name).startsWith(foldName(prefix)));

export function fakeStore(): ArticleReader {
  return {
    async listArticles(query) {
      const matching = records.articles
        .filter((article) => inWindow(article.metadata.publishedAt ?? '', query))
        .sort((a, b) => (b.metadata.publishedAt ?? '').localeCompare(a.metadata.publishedAt ?? ''));
      return page(matching, query, `articles|${query.from}|${query.to}`);
    },
    async getArticle(id) {
      return records.articles.find((article) => article.id === id) ?? null;
    },
    async getArticleWithStatements(id, query) {
      const article = records.articles.find((candidate) => candidate.id === id);
      return article ? { article, statements: await this.listArticleStatements(id, query) } : null;
    },
    async listArticleStatements(id, query) {
      return page(records.statements.filter((statement) => statement.articleId === id), query, `article-statements|${id}`);
    },
    async listStatements(query) {
      const matching = records.statements
        .filter((s) => s.speaker.id === query.speaker && (query.kind === undefined || s.kind === query.kind) && inWindow(s.publishedAt, query))
        .sort(newestFirst);
      return page(matching, query, `statements|${query.speaker}|${query.kind}|${query.from}|${query.to}`);
    },
    async searchSpeakers(query) {
      const matching = records.speakers.filter((s) => startsWithFolded(query.prefix, [s.name, ...s.aliases]));
      return page(matching, query, `speakers|${foldName(query.prefix)}`);
    },
    async getSpeaker(id) {
      return records.speakers.find((speaker) => speaker.id === id) ?? null;
    },
    async searchEntities(query) {
      const matching = records.entities.filter((e) => (query.type === undefined || e.type === query.type) && startsWithFolded(query.prefix, [e.name, ...e.aliases]));
      return page(matching, query, `entities|${foldName(query.prefix)}|${query.type}`);
    },
    async getEntity(id) {
      return records.entities.find((entity) => entity.id === id) ?? null;
    },
    async listEntityArticles(id, query) {
      return page(records.entityArticles[id] ?? [], query, `entity-articles|${id}`);
    },
    async getIngestion(key) {
      return records.ingestions.find((ingestion) => ingestion.key === key) ?? null;
    },
    async listIngestions(query) {
      const newest = [...records.ingestions].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
      return page(newest, query, 'ingestions');
    },
  };
}
