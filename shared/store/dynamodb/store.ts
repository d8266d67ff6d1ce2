/**
 * The DynamoDB implementation of the ArticleStore port. It takes the document client rather than making
 * one, so a caller can point it at any endpoint or wrap the client (metering.ts counts requests and bytes).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EntityType } from '../../model/article.ts';
import type { ParsedArticle } from '../../model/parsed.ts';
import type { StatementKind } from '../../model/statement.ts';
import type { RejectionCode } from '../../parse/errors.ts';
import { CursorCodec } from '../cursor.ts';
import type {
  ArticleRecord,
  ArticleWithStatements,
  ArticleStore,
  DateRange,
  EntityArticle,
  EntityRecord,
  IngestionRecord,
  Page,
  PageQuery,
  SourceObject,
  SpeakerRecord,
  StatementRecord,
  WriteOutcome,
} from '../port.ts';
import { Reader } from './reader.ts';
import { SourceWriter } from './writer.ts';

export interface DynamoArticleStoreOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
  /** Signs pagination cursors (config: CURSOR_SECRET). */
  cursorSecret: string;
  /** Clock for ingestion times; tests may fix it. */
  now?: () => Date;
}

export class DynamoArticleStore implements ArticleStore {
  private readonly writer: SourceWriter;
  private readonly reader: Reader;

  constructor(options: DynamoArticleStoreOptions) {
    const { client, tableName } = options;
    this.writer = new SourceWriter({ client, tableName, now: options.now ?? (() => new Date()) });
    this.reader = new Reader({ client, tableName, codec: new CursorCodec(options.cursorSecret) });
  }

  saveArticles(source: SourceObject, articles: ParsedArticle[], parserVersion: number): Promise<WriteOutcome> {
    return this.writer.save(source, articles, parserVersion);
  }

  recordRejection(source: SourceObject, reason: { code: RejectionCode; message: string }, parserVersion: number): Promise<WriteOutcome> {
    return this.writer.reject(source, reason, parserVersion);
  }

  deleteSource(source: SourceObject): Promise<WriteOutcome> {
    return this.writer.delete(source);
  }

  listArticles(query: PageQuery & DateRange): Promise<Page<ArticleRecord>> {
    return this.reader.listArticles(query);
  }

  getArticle(id: string): Promise<ArticleRecord | null> {
    return this.reader.getArticle(id);
  }

  getArticleWithStatements(id: string, query: { limit: number }): Promise<ArticleWithStatements | null> {
    return this.reader.getArticleWithStatements(id, query);
  }

  listArticleStatements(id: string, query: PageQuery): Promise<Page<StatementRecord>> {
    return this.reader.listArticleStatements(id, query);
  }

  listStatements(query: PageQuery & DateRange & { speaker: string; kind?: StatementKind }): Promise<Page<StatementRecord>> {
    return this.reader.listStatements(query);
  }

  searchSpeakers(query: PageQuery & { prefix: string }): Promise<Page<SpeakerRecord>> {
    return this.reader.searchSpeakers(query);
  }

  getSpeaker(id: string): Promise<SpeakerRecord | null> {
    return this.reader.getSpeaker(id);
  }

  searchEntities(query: PageQuery & { prefix: string; type?: EntityType }): Promise<Page<EntityRecord>> {
    return this.reader.searchEntities(query);
  }

  getEntity(id: string): Promise<EntityRecord | null> {
    return this.reader.getEntity(id);
  }

  listEntityArticles(id: string, query: PageQuery): Promise<Page<EntityArticle>> {
    return this.reader.listEntityArticles(id, query);
  }

  getIngestion(key: string): Promise<IngestionRecord | null> {
    return this.reader.getIngestion(key);
  }

  getIngestions(keys: readonly string[]): Promise<Map<string, IngestionRecord>> {
    return this.reader.getIngestions(keys);
  }

  listIngestions(query: PageQuery): Promise<Page<IngestionRecord>> {
    return this.reader.listIngestions(query);
  }

  listIngestionsMadeBefore(version: number, query: PageQuery): Promise<Page<IngestionRecord>> {
    return this.reader.listIngestionsMadeBefore(version, query);
  }
}
