import type { ArticleReader } from '../../shared/store/port.ts';
import { foldName } from '../../shared/model/ids.ts';
import {
  InvalidCursorError,
  type ArticleRecord,
  type DateRange,
  type EntityArticle,
  type EntityRecord,
  type IngestionRecord,
  type Page,
  type PageQuery,
  type SpeakerRecord,
  type StatementRecord,
} from '../../shared/store/port.ts';

/**
 * The one in-memory reader of the API's and the web view's unit tests: the records a test gives it, served
 * with the store's semantics (newest first, date windows, prefix search over names and aliases, typed
 * entity search). Its cursors, like the real store's, are refused when edited or reused for another query
 * (here: an offset bound to a query key, checked on decode).
 */
export interface ReaderData {
  articles?: ArticleRecord[];
  statements?: StatementRecord[];
  speakers?: SpeakerRecord[];
  entities?: EntityRecord[];
  entityArticles?: Record<string, EntityArticle[]>;
  ingestions?: IngestionRecord[];
  /** Body texts by article id; an article without one reads as stored before bodies were. */
  bodies?: Record<string, string>;
}

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

/** The `days` ISO dates ending with `to` (as the store reads them: at most 30). */
function window(to: string, days: number): string[] {
  const end = Date.parse(`${to}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(to) || Number.isNaN(end)) return [];
  const count = Math.max(1, Math.min(30, days));
  return Array.from({ length: count }, (_, n) => new Date(end - (count - 1 - n) * 86_400_000).toISOString().slice(0, 10));
}

/** Highest count first, then by id; only ids with a record (the store leaves out hidden ones too). */
function rank<T extends { id: string }>(counts: Map<string, number>, records: readonly T[], limit: number) {
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([id, count]) => {
      const record = records.find((candidate) => candidate.id === id);
      return record ? [{ record, count }] : [];
    })
    .slice(0, limit);
}

const newestFirst = <T>(items: readonly T[], date: (item: T) => string) => [...items].sort((a, b) => date(b).localeCompare(date(a)));
const startsWithFolded = (prefix: string, names: string[]) => names.some((name) => foldName(name).startsWith(foldName(prefix)));

export function memoryReader(data: ReaderData): ArticleReader {
  const { articles = [], statements = [], speakers = [], entities = [], entityArticles = {}, ingestions = [], bodies = {} } = data;
  const articleDate = (article: ArticleRecord) => article.metadata.publishedAt ?? article.ingestedAt;
  const statementsOf = (id: string) => statements.filter((statement) => statement.articleId === id);
  return {
    async listArticles(query) {
      const dated = (article: ArticleRecord) => query.dated === undefined || (article.metadata.publishedAt !== null) === query.dated;
      const matching = articles.filter((article) => dated(article) && inWindow(articleDate(article), query));
      return page(newestFirst(matching, articleDate), query, `articles|${query.from}|${query.to}|${query.dated}`);
    },
    async getArticle(id) {
      return articles.find((article) => article.id === id) ?? null;
    },
    async getArticleWithStatements(id, query) {
      const article = articles.find((candidate) => candidate.id === id);
      if (!article) return null;
      const read = { article, statements: page(statementsOf(id), query, `article-statements|${id}`) };
      return query.withBody ? { ...read, body: bodies[id] ?? null } : read;
    },
    async getCluster(id, query) {
      // Oldest first: by publication date, then (the store's next criterion, ingestion time, being the same
      // for records given at once) by id.
      const members = statements
        .filter((statement) => statement.cluster?.id === id)
        .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id));
      if (members.length === 0) return null;
      return { id, first: members[0]!, members: page(query.order === 'oldest' ? members : [...members].reverse(), query, `cluster|${id}|${query.order}`) };
    },
    async listArticleStatements(id, query) {
      return page(statementsOf(id), query, `article-statements|${id}`);
    },
    async listStatements(query) {
      const matching = statements.filter(
        (s) =>
          s.speaker.id === query.speaker &&
          (query.kind === undefined || s.kind === query.kind) &&
          (query.about === undefined || s.entities.some((entity) => entity.id === query.about)) &&
          inWindow(s.publishedAt, query),
      );
      return page(newestFirst(matching, (s) => s.publishedAt), query, `statements|${query.speaker}|${query.kind}|${query.from}|${query.to}|${query.about}`);
    },
    async getStatement(id) {
      const statement = statements.find((candidate) => candidate.id === id);
      const article = statement && articles.find((candidate) => candidate.id === statement.articleId);
      return statement && article ? { statement, article } : null;
    },
    async searchSpeakers(query) {
      const matching = speakers.filter((s) => startsWithFolded(query.prefix, [s.name, ...s.aliases]));
      return page(matching, query, `speakers|${foldName(query.prefix)}`);
    },
    async getSpeaker(id) {
      return speakers.find((speaker) => speaker.id === id) ?? null;
    },
    async searchEntities(query) {
      const matching = entities.filter((e) => (query.type === undefined || e.type === query.type) && startsWithFolded(query.prefix, [e.name, ...e.aliases]));
      return page(matching, query, `entities|${foldName(query.prefix)}|${query.type}`);
    },
    async getEntity(id) {
      return entities.find((entity) => entity.id === id) ?? null;
    },
    async getEntities(ids) {
      return new Map(entities.filter((entity) => ids.includes(entity.id)).map((entity) => [entity.id, entity]));
    },
    async listEntityArticles(id, query) {
      return page(entityArticles[id] ?? [], query, `entity-articles|${id}`);
    },
    async listEntityStatements(query) {
      const matching = statements.filter((s) => s.entities.some((entity) => entity.id === query.id) && inWindow(s.publishedAt, query));
      return page(newestFirst(matching, (s) => s.publishedAt), query, `entity-statements|${query.id}|${query.from}|${query.to}`);
    },
    async busiest(query) {
      // As the store counts: statements and entity mentions of the articles published (UTC day) in the window.
      const days = window(query.to, query.days);
      const inDays = (date: string | null) => date !== null && days.includes(new Date(Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date)).toISOString().slice(0, 10));
      const published = new Map(articles.filter((article) => inDays(article.metadata.publishedAt)).map((article) => [article.id, article]));
      const speakerCounts = new Map<string, number>();
      for (const statement of statements) {
        if (published.has(statement.articleId)) speakerCounts.set(statement.speaker.id, (speakerCounts.get(statement.speaker.id) ?? 0) + 1);
      }
      const entityCounts = new Map<string, number>();
      for (const article of published.values()) {
        for (const entity of article.metadata.entities) entityCounts.set(entity.id, (entityCounts.get(entity.id) ?? 0) + entity.count);
      }
      return {
        from: days[0] ?? query.to,
        to: query.to,
        speakers: rank(speakerCounts, speakers, query.limit),
        entities: rank(entityCounts, entities, query.limit),
      };
    },
    async getIngestion(key) {
      return ingestions.find((ingestion) => ingestion.key === key) ?? null;
    },
    async getIngestions(keys) {
      return new Map(ingestions.filter((ingestion) => keys.includes(ingestion.key)).map((ingestion) => [ingestion.key, ingestion]));
    },
    async listIngestions(query) {
      return page(newestFirst(ingestions, (ingestion) => ingestion.updatedAt), query, 'ingestions');
    },
    async listIngestionsMadeBefore(version, query) {
      const older = ingestions.filter((ingestion) => ingestion.status !== 'deleted' && ingestion.parserVersion < version);
      return page(older, query, `ingestions-before|${version}`);
    },
  };
}
