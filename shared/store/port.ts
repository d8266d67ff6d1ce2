import type { EntityType } from '../model/article.ts';
import type { IngestionRecord, IngestionStatus, RejectionReason } from '../model/ingestion.ts';
import type { Page } from '../model/page.ts';
import type { ParsedArticle } from '../model/parsed.ts';
import type { ArticleRecord, EntityArticle, EntityRecord, SpeakerRecord, StatementRecord } from '../model/records.ts';
import type { StatementKind } from '../model/statement.ts';

/**
 * The one storage module the handlers talk to. The DynamoDB implementation lives beside it; nothing
 * outside shared/store knows about keys, indexes or DynamoDB. The records it reads and writes are zod
 * schemas in shared/model (the API answers them too); here they are types only.
 */

export type { ArticleRecord, EntityArticle, EntityRecord, IngestionRecord, IngestionStatus, Page, SpeakerRecord, StatementRecord };

/** The S3 object an article came from, as the notification described it. */
export interface SourceObject {
  bucket: string;
  key: string;
  versionId: string | null;
  eTag: string | null;
  size: number | null;
  /** S3's per-key event sequencer (hex); later events have larger values once padded to equal length. */
  sequencer: string;
  eventTime: string;
}

/** One statement and the current version of its article (metadata whole, entities included). */
export interface StatementWithArticle {
  statement: StatementRecord;
  article: ArticleRecord;
}

/** An article with the first page of its statements, as one read gives them. */
export interface ArticleWithStatements {
  article: ArticleRecord;
  statements: Page<StatementRecord>;
  /**
   * The body text the statements' offsets point into, when asked for (`withBody`); null for an article
   * stored before bodies were (parser version 8 or older: `npm run reprocess` stores them), or while a
   * read lags the write of a new version.
   */
  body?: string | null;
}

/** An echo cluster: who carried the words first, and a page of every statement in it. */
export interface ClusterPage {
  id: string;
  /** The first appearance: the member with the earliest publication date, then ingestion time. */
  first: StatementRecord;
  members: Page<StatementRecord>;
}

export type ClusterOrder = 'oldest' | 'newest';

export interface PageQuery {
  limit: number;
  cursor?: string;
}

export interface DateRange {
  /** Inclusive ISO date or date-time bounds on the publication date. */
  from?: string;
  to?: string;
}

/** Thrown for a cursor that was forged, edited, or made for another query. The API answers 400. */
export class InvalidCursorError extends Error {
  constructor(message = 'cursor is not valid for this query') {
    super(message);
    this.name = 'InvalidCursorError';
  }
}

/** A speaker or entity with how much it was quoted or mentioned in a window of publication days. */
export interface Busy<T> {
  record: T;
  /** Statements (speakers) or mentions (entities) in articles published in the window. */
  count: number;
}

/** The speakers quoted most and the entities mentioned most in the articles of a window of publication days. */
export interface Busiest {
  /** The window, inclusive ISO dates (UTC days). */
  from: string;
  to: string;
  speakers: Busy<SpeakerRecord>[];
  entities: Busy<EntityRecord>[];
}

/** What a write did: applied, or ignored because a newer event for the same key is already stored. */
export type WriteOutcome = 'applied' | 'stale';

/** What ingest writes: every change of one S3 object, applied in event order whatever order it arrives in. */
export interface ArticleWriter {
  /** Replace everything stored for this object with these articles, atomically for readers. */
  saveArticles(source: SourceObject, articles: ParsedArticle[], parserVersion: number): Promise<WriteOutcome>;
  /** Record that the object could not become an article; removes any articles it made before. */
  recordRejection(source: SourceObject, reason: RejectionReason, parserVersion: number): Promise<WriteOutcome>;
  /** The object was deleted: remove its articles and statements, update speaker and entity counts. */
  deleteSource(source: SourceObject): Promise<WriteOutcome>;
}

/** What the API, the web view, reconciliation and reprocessing read. */
export interface ArticleReader {
  /**
   * Articles as lists show them: metadata.entities, mentionedDates and headings are left empty, because
   * they grow with the article and a list does not show them (getArticle has them). An undated article is
   * listed at its upload time; `dated` keeps only articles with (true) or without (false) a publication date.
   */
  listArticles(query: PageQuery & DateRange & { dated?: boolean }): Promise<Page<ArticleRecord>>;
  getArticle(id: string): Promise<ArticleRecord | null>;
  /** The article and the first page of its statements (later pages: listArticleStatements with the cursor), and its body `withBody`. */
  getArticleWithStatements(id: string, query: { limit: number; withBody?: boolean }): Promise<ArticleWithStatements | null>;
  listArticleStatements(id: string, query: PageQuery): Promise<Page<StatementRecord>>;
  /** A speaker's statements, newest first; `about`: only those whose text names that entity (its `entities`). */
  listStatements(query: PageQuery & DateRange & { speaker: string; kind?: StatementKind; about?: string }): Promise<Page<StatementRecord>>;
  /** One statement by its id (`<articleId>-<n>`, see shared/model/ids.ts), from its article's current version. */
  getStatement(id: string): Promise<StatementWithArticle | null>;
  /** An echo cluster with a page of its members in `order` of appearance; null when none of its statements is stored now. */
  getCluster(id: string, query: PageQuery & { order: ClusterOrder }): Promise<ClusterPage | null>;
  searchSpeakers(query: PageQuery & { prefix: string }): Promise<Page<SpeakerRecord>>;
  getSpeaker(id: string): Promise<SpeakerRecord | null>;
  searchEntities(query: PageQuery & { prefix: string; type?: EntityType }): Promise<Page<EntityRecord>>;
  getEntity(id: string): Promise<EntityRecord | null>;
  /** Entity records by id, in one BatchGetItem per 100 ids; an id with no record is left out. */
  getEntities(ids: readonly string[]): Promise<Map<string, EntityRecord>>;
  listEntityArticles(id: string, query: PageQuery): Promise<Page<EntityArticle>>;
  /** What was said about an entity: every statement whose words name it (its `entities`), whoever said it, newest first. */
  listEntityStatements(query: PageQuery & DateRange & { id: string }): Promise<Page<StatementRecord>>;
  /**
   * The `limit` speakers with the most statements and entities with the most mentions in articles published
   * in the `days` days ending with `to` (an ISO date; at most 30 days), highest first. A fixed number of
   * reads whatever the archive's size.
   */
  busiest(query: { to: string; days: number; limit: number }): Promise<Busiest>;
  /** The ingestion record of one object key (one bucket per deployment). */
  getIngestion(key: string): Promise<IngestionRecord | null>;
  /** The ingestion records of many keys at once (batched reads); a key without a record is not in the map. */
  getIngestions(keys: readonly string[]): Promise<Map<string, IngestionRecord>>;
  /** Most recent first. */
  listIngestions(query: PageQuery): Promise<Page<IngestionRecord>>;
  /**
   * Objects (accepted or rejected, not deleted) whose records an older parser made
   * (`parserVersion < version`): what `npm run reprocess` re-enqueues. Ordered by parser version, then key.
   */
  listIngestionsMadeBefore(version: number, query: PageQuery): Promise<Page<IngestionRecord>>;
}

