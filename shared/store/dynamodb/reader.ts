/**
 * The read side: every query is a GetItem or a Query on the table or one of its indexes (never a Scan).
 * Items of article versions carry their source key and version; a reader shows an item only when that
 * version is the one the source record points at, so a replace in progress is never seen half-done.
 */
import { GetCommand, paginateQuery, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EntityType } from '../../model/article.ts';
import { foldName, parseStatementId } from '../../model/ids.ts';
import type { SpeakerType, StatementKind } from '../../model/statement.ts';
import { CursorCodec } from '../cursor.ts';
import type {
  ArticleReader,
  ArticleRecord,
  ArticleWithStatements,
  Busiest,
  ClusterOrder,
  ClusterPage,
  DateRange,
  EntityArticle,
  EntityRecord,
  IngestionRecord,
  Page,
  PageQuery,
  SpeakerRecord,
  StatementRecord,
  StatementWithArticle,
} from '../port.ts';
import { batchGet } from './batch.ts';
import * as Aggregate from './items/aggregate-summary.ts';
import * as ArticleItem from './items/article.ts';
import * as BodyItem from './items/article-body.ts';
import type { ArticleHead } from './items/article.ts';
import * as ListingItem from './items/listing.ts';
import * as MentionItem from './items/mention.ts';
import * as NameIndex from './items/name-index.ts';
import * as SourceItem from './items/source.ts';
import * as StatementItem from './items/statement.ts';
import { wholeStatement } from './items/statement-text.ts';
import { indexQuery } from './index-query.ts';
import { days, keys, lists, type TableKey } from './keys.ts';
import * as Ranked from './items/ranked-counts.ts';
import { queryPage, type PageRequest } from './paging.ts';
import { shardedPage, type ShardedPageRequest } from './sharded-paging.ts';
import { sortKeyRange } from './sort-date.ts';

export interface ReaderOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
  /** Signs pagination cursors (config: CURSOR_SECRET). */
  cursorSecret: string;
}

const TABLE_KEY = ['pk', 'sk'];
const EMPTY_PAGE = { items: [], nextCursor: null };
/** No name or id is longer: a longer prefix matches nothing, and would exceed DynamoDB's key size. */
const MAX_PREFIX_CHARS = 150;

/** Stored ids and keys are never longer (see keySafeId): a longer one is simply not there. */
const MAX_ID_BYTES = 1024;
const tooLong = (id: string) => Buffer.byteLength(id, 'utf8') > MAX_ID_BYTES;

/** `from` after `to`: DynamoDB refuses such a BETWEEN, and the answer is empty anyway. */
const isEmptyRange = (range: { lower?: string; upper?: string }) =>
  range.lower !== undefined && range.upper !== undefined && range.lower > range.upper;

/** Statements whose text names the entity, also under any filter already there (see StatementItem.ABOUT). */
function naming(query: PageRequest<unknown>['query'], entityId: string): PageRequest<unknown>['query'] {
  const condition = 'contains(#about, :about)';
  return {
    ...query,
    FilterExpression: query.FilterExpression ? `(${query.FilterExpression}) AND ${condition}` : condition,
    ExpressionAttributeNames: { ...query.ExpressionAttributeNames, '#about': StatementItem.ABOUT },
    ExpressionAttributeValues: { ...query.ExpressionAttributeValues, ':about': entityId },
  };
}

/**
 * Listings whose article has (or has not) a publication date: the listing keeps the article's metadata, and
 * an undated one stores its publishedAt as null (its place in the list is its upload time).
 */
function datedFilter(dated: boolean) {
  return {
    expression: 'attribute_type(#da.#dm.#dp, :dtype)',
    names: { '#da': 'article', '#dm': 'metadata', '#dp': 'publishedAt' },
    values: { ':dtype': dated ? 'S' : 'NULL' },
  };
}

/** A Query narrowed to items whose attribute at `path` (dot-separated) equals `value`, after the read. */
function filtered(query: ReturnType<typeof indexQuery>, path: string, value: string): PageRequest<unknown>['query'] {
  const parts = path.split('.');
  const names = Object.fromEntries(parts.map((part, index) => [`#f${index}`, part]));
  return {
    ...query,
    FilterExpression: `${Object.keys(names).join('.')} = :filtered`,
    ExpressionAttributeNames: { ...query.ExpressionAttributeNames, ...names },
    ExpressionAttributeValues: { ...query.ExpressionAttributeValues, ':filtered': value },
  };
}

function toSpeakerRecord(summary: Aggregate.AggregateSummary): SpeakerRecord {
  return {
    id: summary.id,
    name: summary.name,
    type: summary.type as SpeakerType,
    titles: summary.titles,
    aliases: summary.aliases,
    statementCount: summary.total,
    articleCount: summary.articleCount,
    firstSeen: summary.firstSeen as string,
    lastSeen: summary.lastSeen as string,
  };
}

function toEntityRecord(summary: Aggregate.AggregateSummary): EntityRecord {
  return {
    id: summary.id,
    name: summary.name,
    type: summary.type as EntityType,
    aliases: summary.aliases,
    articleCount: summary.articleCount,
    mentionCount: summary.total,
  };
}

const articleStatementsScope = (id: string) => ['article-statements', id];

/** The longest window `busiest` reads: 30 days of DAY_SHARDS summaries fit one BatchGetItem (100 keys). */
export const MAX_BUSY_DAYS = 30;
const DAY_MS = 86_400_000;

/** The ISO dates of the `count` days ending with `to`, or none when `to` is not a date. */
function daysEnding(to: string, count: number): string[] {
  const end = /^\d{4}-\d{2}-\d{2}$/.test(to) ? Date.parse(`${to}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(end)) return [];
  return Array.from({ length: count }, (_, n) => new Date(end - (count - 1 - n) * DAY_MS).toISOString().slice(0, 10));
}

/** The statements being paged belong to a version that is no longer current. */
class VersionReplaced extends Error {}

/** The DynamoDB reader; like the writer, it takes the document client rather than making one. */
export class DynamoArticleReader implements ArticleReader {
  private readonly options: { client: DynamoDBDocumentClient; tableName: string; codec: CursorCodec };

  constructor({ client, tableName, cursorSecret }: ReaderOptions) {
    this.options = { client, tableName, codec: new CursorCodec(cursorSecret) };
  }

  async listArticles(query: PageQuery & DateRange & { dated?: boolean }): Promise<Page<ArticleRecord>> {
    const range = sortKeyRange(query);
    if (isEmptyRange(range)) return EMPTY_PAGE;
    return this.shardedPage({
      scope: ['articles', query.from ?? null, query.to ?? null, ...(query.dated === undefined ? [] : [query.dated])],
      list: lists.articlesByDate,
      range,
      ...(query.dated === undefined ? {} : { filter: datedFilter(query.dated) }),
      newestFirst: true,
      limit: query.limit,
      cursor: query.cursor,
      select: async (items) => (await this.visible(items)).map((item) => item && ListingItem.fromItem(item)),
    });
  }

  async getArticle(id: string): Promise<ArticleRecord | null> {
    if (tooLong(id)) return null;
    return (await this.currentHead(id))?.record ?? null;
  }

  /**
   * An article and the first page of its statements (and its body text, `withBody`) in two requests: one
   * Query of the article's partition, from the heads to the statements or from the body parts on (heads,
   * body and statements of every version stored: one, or two for a moment during a replace), and one read of
   * the version pointer. The listings in that range come along in the read but not over the wire.
   */
  async getArticleWithStatements(id: string, query: { limit: number; withBody?: boolean }): Promise<ArticleWithStatements | null> {
    if (tooLong(id)) return null;
    const withBody = query.withBody === true;
    const [from, to] = keys.articleRange(withBody);
    const items: Record<string, unknown>[] = [];
    const pages = paginateQuery(
      { client: this.options.client },
      {
        TableName: this.options.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        // The range decides whether body parts are read at all; the filter drops the listings in it.
        FilterExpression: 'itemType IN (:head, :statement, :body)',
        ExpressionAttributeValues: {
          ':pk': keys.articlePartition(id),
          ':from': from,
          ':to': to,
          ':head': ArticleItem.ITEM_TYPE,
          ':statement': StatementItem.ITEM_TYPE,
          ':body': BodyItem.ITEM_TYPE,
        },
      },
    );
    for await (const page of pages) items.push(...(page.Items ?? []));
    const heads = items.filter((item) => keys.isHead(String(item.sk)));
    const current = (await this.visible(heads)).find((item) => item !== null);
    if (!current) return null;
    const head = ArticleItem.fromItem(current);
    const prefix = keys.statementPrefix(head.version);
    // A Query returns the partition in sort-key order: the statements are in reading order, the body's parts too.
    const statements = items.filter((item) => String(item.sk).startsWith(prefix));
    const shown = statements.slice(0, query.limit);
    const last = shown.at(-1);
    const nextCursor =
      statements.length > query.limit && last ? this.options.codec.encode(articleStatementsScope(id), { pk: String(last.pk), sk: String(last.sk) }) : null;
    const read: ArticleWithStatements = { article: head.record, statements: { items: shown.map(StatementItem.fromItem), nextCursor } };
    if (!withBody) return read;
    return { ...read, body: BodyItem.fromItems(items.filter((item) => String(item.sk).startsWith(keys.bodyPrefix(head.version)))) };
  }

  async listArticleStatements(id: string, query: PageQuery): Promise<Page<StatementRecord>> {
    if (tooLong(id)) return EMPTY_PAGE;
    if (!query.cursor) return (await this.getArticleWithStatements(id, query))?.statements ?? EMPTY_PAGE;
    // A later page. As a rule the version the cursor was made in is still current: its statements, checked
    // against the pointer by the version they carry, answer in two requests.
    const cursorVersion = keys.versionOf(this.options.codec.decode(articleStatementsScope(id), query.cursor).sk ?? '');
    try {
      const page = await this.articleStatementsPage(id, cursorVersion, query, async (items) => {
        const visible = await this.visible(items);
        if (visible.some((item) => item === null)) throw new VersionReplaced();
        return visible.map((item) => item && StatementItem.fromItem(item));
      });
      // No statement at all after the cursor can also mean that the version was replaced and cleaned up.
      if (page.items.length > 0) return page;
    } catch (error) {
      if (!(error instanceof VersionReplaced)) throw error;
    }
    const head = await this.currentHead(id);
    if (!head) return EMPTY_PAGE;
    return this.articleStatementsPage(id, head.version, query, async (items) => items.map(StatementItem.fromItem));
  }

  /** Statements of one version of an article; a cursor made in another version resumes at the same place in this one. */
  private articleStatementsPage(
    id: string,
    version: string,
    query: PageQuery,
    select: (items: Record<string, unknown>[]) => Promise<(StatementRecord | null)[]>,
  ): Promise<Page<StatementRecord>> {
    const prefix = keys.statementPrefix(version);
    return this.page({
      scope: articleStatementsScope(id),
      query: {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.articlePartition(id), ':prefix': prefix },
      },
      keyAttributes: TABLE_KEY,
      resumeAt: (position) => ({ ...position, sk: keys.statementAtSameOrdinal(position.sk ?? '', version) }),
      limit: query.limit,
      cursor: query.cursor,
      select,
    });
  }

  /**
   * A key lookup in the article's current version: the head (found and checked against the source record
   * as getArticle does, and needed anyway for the article's entities), then GetItem of the statement at
   * the place its id names. Three requests, whatever the article's length; a fourth, a Query of its parts,
   * for a statement too long to be stored whole in one item (statement-text.ts).
   */
  async getStatement(id: string): Promise<StatementWithArticle | null> {
    const place = parseStatementId(id);
    if (!place || tooLong(place.articleId)) return null;
    const head = await this.currentHead(place.articleId);
    if (!head) return null;
    const { Item } = await this.options.client.send(
      new GetCommand({ TableName: this.options.tableName, Key: keys.statement(place.articleId, head.version, place.index) }),
    );
    if (!Item) return null;
    const listed = StatementItem.fromItem(Item);
    if (listed.id !== id) return null;
    const statement = listed.clipped ? wholeStatement(listed, await this.textParts(place.articleId, head.version, place.index)) : listed;
    return { statement, article: head.record };
  }

  async listStatements(query: PageQuery & DateRange & { speaker: string; kind?: StatementKind; about?: string }): Promise<Page<StatementRecord>> {
    const range = sortKeyRange(query);
    if (isEmptyRange(range) || tooLong(query.speaker) || (query.about !== undefined && tooLong(query.about))) return EMPTY_PAGE;
    const timeline = indexQuery(lists.speakerTimeline, lists.speakerTimeline.partition(query.speaker), range, true);
    const ofKind = query.kind ? filtered(timeline, 'statement.kind', query.kind) : timeline;
    return this.page({
      scope: ['statements', query.speaker, query.kind ?? null, query.from ?? null, query.to ?? null, ...(query.about === undefined ? [] : ['about', query.about])],
      query: query.about === undefined ? ofKind : naming(ofKind, query.about),
      keyAttributes: lists.speakerTimeline.keyAttributes,
      limit: query.limit,
      cursor: query.cursor,
      select: async (items) => (await this.visible(items)).map((item) => item && StatementItem.fromItem(item)),
    });
  }

  /**
   * A Query of the cluster's members (lists.clusterMembers) in the order asked, and, unless that page already
   * starts with it, a second one for the first appearance: two Queries and their version checks.
   */
  async getCluster(id: string, query: PageQuery & { order: ClusterOrder }): Promise<ClusterPage | null> {
    if (tooLong(id)) return null;
    const membersIn = (order: ClusterOrder, page: PageQuery) =>
      this.page({
        scope: ['cluster', id, order],
        query: indexQuery(lists.clusterMembers, lists.clusterMembers.partition(id), {}, order === 'newest'),
        keyAttributes: lists.clusterMembers.keyAttributes,
        limit: page.limit,
        cursor: page.cursor,
        select: async (items) => (await this.visible(items)).map((item) => item && StatementItem.fromItem(item)),
      });
    const startsWithFirst = query.order === 'oldest' && query.cursor === undefined;
    const [members, oldest] = await Promise.all([
      membersIn(query.order, query),
      startsWithFirst ? Promise.resolve(null) : membersIn('oldest', { limit: 1 }),
    ]);
    const first = (oldest ?? members).items[0];
    return first ? { id, first, members } : null;
  }

  async searchSpeakers(query: PageQuery & { prefix: string }): Promise<Page<SpeakerRecord>> {
    const prefix = foldName(query.prefix);
    if (!prefix || [...prefix].length > MAX_PREFIX_CHARS) return EMPTY_PAGE;
    return this.page({
      // Not 'speakers' as before store format 4: a cursor into the index the names left is refused as such.
      scope: ['speaker-names', prefix],
      query: indexQuery(lists.speakerNames, lists.speakerNames.partition(prefix), { prefix }, false),
      keyAttributes: lists.speakerNames.keyAttributes,
      limit: query.limit,
      cursor: query.cursor,
      select: async (items) => {
        const summaries = await this.summaries(items, prefix, keys.speaker);
        return summaries.map((summary) => summary && toSpeakerRecord(summary));
      },
    });
  }

  async getSpeaker(id: string): Promise<SpeakerRecord | null> {
    if (tooLong(id)) return null;
    const summary = await this.summary(keys.speaker(id));
    return summary && toSpeakerRecord(summary);
  }

  async searchEntities(query: PageQuery & { prefix: string; type?: EntityType }): Promise<Page<EntityRecord>> {
    const prefix = foldName(query.prefix);
    if (!prefix || [...prefix].length > MAX_PREFIX_CHARS) return EMPTY_PAGE;
    const names = indexQuery(lists.entityNames, lists.entityNames.partition(prefix), { prefix }, false);
    return this.page({
      scope: ['entity-names', prefix, query.type ?? null],
      query: query.type ? filtered(names, 'type', query.type) : names,
      keyAttributes: lists.entityNames.keyAttributes,
      limit: query.limit,
      cursor: query.cursor,
      select: async (items) => {
        const summaries = await this.summaries(items, prefix, keys.entity);
        return summaries.map((summary) => summary && toEntityRecord(summary));
      },
    });
  }

  async getEntity(id: string): Promise<EntityRecord | null> {
    if (tooLong(id)) return null;
    const summary = await this.summary(keys.entity(id));
    return summary && toEntityRecord(summary);
  }

  async getEntities(ids: readonly string[]): Promise<Map<string, EntityRecord>> {
    const wanted = ids.filter((id) => !tooLong(id));
    const found = await batchGet(this.options.client, this.options.tableName, wanted.map(keys.entity), { attributes: Aggregate.SUMMARY_ATTRIBUTES });
    const records = found.map(Aggregate.summaryFromItem).filter((summary) => summary.articleCount > 0).map(toEntityRecord);
    return new Map(records.map((record) => [record.id, record]));
  }

  async listEntityArticles(id: string, query: PageQuery): Promise<Page<EntityArticle>> {
    if (tooLong(id)) return EMPTY_PAGE;
    return this.page({
      // Not 'entity-articles' as before store format 4: a cursor into the index the mentions left is refused as such.
      scope: ['entity-mentions', id],
      query: indexQuery(lists.entityArticles, lists.entityArticles.partition(id), { prefix: keys.mentionPrefix }, true),
      keyAttributes: lists.entityArticles.keyAttributes,
      limit: query.limit,
      cursor: query.cursor,
      select: async (items) => (await this.visible(items)).map((item) => item && MentionItem.fromItem(item)),
    });
  }

  async listEntityStatements(query: PageQuery & DateRange & { id: string }): Promise<Page<StatementRecord>> {
    const range = sortKeyRange(query);
    if (isEmptyRange(range) || tooLong(query.id)) return EMPTY_PAGE;
    // The entity's partition holds its summary, shares and mentions too: the range stays within `ABOUT#`.
    const within = { lower: `${keys.aboutPrefix}${range.lower ?? ''}`, upper: `${keys.aboutPrefix}${range.upper ?? '~'}` };
    return this.page({
      // Not 'entity-statements' as before store format 4: a cursor into the index the about items left is refused as such.
      scope: ['entity-about', query.id, query.from ?? null, query.to ?? null],
      query: indexQuery(lists.entityStatements, lists.entityStatements.partition(query.id), within, true),
      keyAttributes: lists.entityStatements.keyAttributes,
      limit: query.limit,
      cursor: query.cursor,
      select: async (items) => (await this.visible(items)).map((item) => item && StatementItem.fromItem(item)),
    });
  }

  /**
   * Two BatchGetItems whatever the archive's size: the day summaries of the window (30 × DAY_SHARDS keys),
   * whose ranked sums are merged, then the summaries of the top ids (twice as many as asked for, so a
   * speaker or entity hidden meanwhile leaves no gap) for their names.
   */
  async busiest(query: { to: string; days: number; limit: number }): Promise<Busiest> {
    const window = daysEnding(query.to, Math.max(1, Math.min(MAX_BUSY_DAYS, query.days)));
    const from = window[0] ?? query.to;
    if (window.length === 0 || query.limit <= 0) return { from, to: query.to, speakers: [], entities: [] };
    const found = await batchGet(this.options.client, this.options.tableName, window.flatMap(days.idsOf).map(keys.day), {
      attributes: Aggregate.DAY_ATTRIBUTES,
    });
    let speakers: Ranked.RankedCounts = {};
    let entities: Ranked.RankedCounts = {};
    for (const day of found.map(Aggregate.dayCountsFromItem)) {
      speakers = Ranked.addWeighted(speakers, Object.entries(day.speakers), Number.MAX_SAFE_INTEGER);
      entities = Ranked.addWeighted(entities, Object.entries(day.entities), Number.MAX_SAFE_INTEGER);
    }
    const topSpeakers = Ranked.ranked(speakers, query.limit * 2);
    const topEntities = Ranked.ranked(entities, query.limit * 2);
    const summaries = await batchGet(
      this.options.client,
      this.options.tableName,
      [...topSpeakers.map(([id]) => keys.speaker(id)), ...topEntities.map(([id]) => keys.entity(id))],
      { attributes: Aggregate.SUMMARY_ATTRIBUTES },
    );
    const shown = new Map(
      summaries.map((item) => [`${String(item.pk)}`, Aggregate.summaryFromItem(item)] as const).filter(([, summary]) => summary.articleCount > 0),
    );
    const pick = <T>(top: [string, number][], keyOf: (id: string) => TableKey, toRecord: (summary: Aggregate.AggregateSummary) => T) =>
      top
        .flatMap(([id, count]) => {
          const summary = shown.get(keyOf(id).pk);
          return summary ? [{ record: toRecord(summary), count }] : [];
        })
        .slice(0, query.limit);
    return {
      from,
      to: query.to,
      speakers: pick(topSpeakers, keys.speaker, toSpeakerRecord),
      entities: pick(topEntities, keys.entity, toEntityRecord),
    };
  }

  async getIngestion(key: string): Promise<IngestionRecord | null> {
    if (tooLong(key)) return null;
    const { Item } = await this.options.client.send(new GetCommand({ TableName: this.options.tableName, Key: keys.source(key) }));
    return Item ? SourceItem.toIngestionRecord(SourceItem.fromItem(Item)) : null;
  }

  async getIngestions(sourceKeys: readonly string[]): Promise<Map<string, IngestionRecord>> {
    const found = await batchGet(this.options.client, this.options.tableName, sourceKeys.filter((key) => !tooLong(key)).map(keys.source));
    return new Map(found.map((item) => [item.key as string, SourceItem.toIngestionRecord(SourceItem.fromItem(item))]));
  }

  async listIngestions(query: PageQuery): Promise<Page<IngestionRecord>> {
    return this.shardedPage({
      scope: ['ingestions'],
      list: lists.ingestionsByTime,
      range: {},
      newestFirst: true,
      limit: query.limit,
      cursor: query.cursor,
      select: async (items) => items.map((item) => SourceItem.toIngestionRecord(SourceItem.fromItem(item))),
    });
  }

  async listIngestionsMadeBefore(version: number, query: PageQuery): Promise<Page<IngestionRecord>> {
    return this.shardedPage({
      scope: ['ingestions-before', version],
      list: lists.ingestionsByParser,
      // Inclusive, yet below `version`: every sort key continues past the bare version number ("…04#key").
      range: { upper: lists.parserVersionBound(version) },
      newestFirst: false,
      limit: query.limit,
      cursor: query.cursor,
      select: async (items) => items.map((item) => SourceItem.toIngestionRecord(SourceItem.fromItem(item))),
    });
  }

  private page<T>(request: Omit<PageRequest<T>, 'client' | 'tableName' | 'codec'>): Promise<Page<T>> {
    return queryPage({ ...request, client: this.options.client, tableName: this.options.tableName, codec: this.options.codec });
  }

  private shardedPage<T>(request: Omit<ShardedPageRequest<T>, 'client' | 'tableName' | 'codec'>): Promise<Page<T>> {
    return shardedPage({ ...request, client: this.options.client, tableName: this.options.tableName, codec: this.options.codec });
  }

  /** The parts of a long statement's whole words, in order (statement-text.ts). */
  private async textParts(articleId: string, version: string, index: number): Promise<Record<string, unknown>[]> {
    const parts: Record<string, unknown>[] = [];
    const pages = paginateQuery(
      { client: this.options.client },
      {
        TableName: this.options.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.articlePartition(articleId), ':prefix': keys.statementTextPrefix(version, index) },
      },
    );
    for await (const page of pages) parts.push(...(page.Items ?? []));
    return parts;
  }

  /** The current version of each source key (absent when the source record is gone). */
  private async currentVersions(sourceKeys: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(sourceKeys)];
    if (unique.length === 0) return new Map();
    const found = await batchGet(this.options.client, this.options.tableName, unique.map(keys.source), { attributes: ['key', 'version'] });
    return new Map(found.map((item) => [item.key as string, item.version as string]));
  }

  /** Each item when its version is current, else null. */
  private async visible(items: Record<string, unknown>[]): Promise<(Record<string, unknown> | null)[]> {
    const current = await this.currentVersions(items.map((item) => item.sourceKey as string));
    return items.map((item) => (current.get(item.sourceKey as string) === item.version ? item : null));
  }

  private async currentHead(articleId: string): Promise<ArticleHead | null> {
    const { Items = [] } = await this.options.client.send(
      new QueryCommand({
        TableName: this.options.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :head)',
        ExpressionAttributeValues: { ':pk': keys.articlePartition(articleId), ':head': keys.headPrefix },
      }),
    );
    const visible = await this.visible(Items);
    const head = visible.find((item) => item !== null);
    return head ? ArticleItem.fromItem(head) : null;
  }

  /**
   * Aggregates behind name matches, each name once, leaving out those no current article names any more.
   * An entity is indexed under every name and type articles ever gave it: only the match with the name and
   * type it has now counts, so a typed search finds it under its current type only, and a plain search once.
   */
  private async summaries(
    items: Record<string, unknown>[],
    prefix: string,
    keyOf: (id: string) => TableKey,
  ): Promise<(Aggregate.AggregateSummary | null)[]> {
    const matches = items.map(NameIndex.fromItem).map((match) => (NameIndex.isFirstMatch(match, prefix) ? match : null));
    const ids = matches.flatMap((match) => (match ? [match.id] : []));
    const found = await batchGet(this.options.client, this.options.tableName, ids.map(keyOf), { attributes: Aggregate.SUMMARY_ATTRIBUTES });
    const byId = new Map(found.map((item) => [item.id as string, Aggregate.summaryFromItem(item)]));
    return matches.map((match) => {
      const summary = match && byId.get(match.id);
      if (!summary || summary.articleCount === 0) return null;
      const current = match.folded === foldName(summary.name) && (match.type === null || match.type === summary.type);
      return current ? summary : null;
    });
  }

  private async summary(key: TableKey): Promise<Aggregate.AggregateSummary | null> {
    const names = Object.fromEntries(Aggregate.SUMMARY_ATTRIBUTES.map((name, index) => [`#a${index}`, name]));
    const { Item } = await this.options.client.send(
      new GetCommand({
        TableName: this.options.tableName,
        Key: key,
        ProjectionExpression: Object.keys(names).join(', '),
        ExpressionAttributeNames: names,
      }),
    );
    const summary = Item ? Aggregate.summaryFromItem(Item) : null;
    return summary && summary.articleCount > 0 ? summary : null;
  }
}
