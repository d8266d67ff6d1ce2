/**
 * The write side. Each S3 event for a key carries a version token (sequencer.ts), and the key's source
 * record points at the current one. A write:
 *   1. reads the source record; an event that is not newer than the stored one is stale, except the very
 *      same event, which only re-runs step 4 (so a retry after a crash finishes the job, and a duplicate
 *      changes nothing);
 *   2. writes the new version's heads, then its other items, then its statements' about items, beside the
 *      old ones (BatchWriteItem, invisible to readers, who only see items of the current version). Mentions
 *      and about items live in the entities' partitions; a head names its version's mentions, a statement
 *      item its about items, so a newer version's settle finds them through what it reads of the
 *      article's partition;
 *   3. flips the pointer with a conditional write on the source record (the one atomic step: no
 *      transaction needed, however many statements an article has);
 *   4. settles: brings speaker/entity aggregates to the current version and deletes older versions' items.
 * A writer that loses the flip to a newer event deletes its own items, by the keys it made (a newer
 * writer's settle may have taken its head away while it was still writing), and reports 'stale'; so does
 * a redelivery of such an event. Those keys hold a date (an undated article's is its event time), so every
 * message of one upload must carry the same event time: S3's duplicates do, and reprocess and reconcile
 * send the upload's own.
 */
import { GetCommand, paginateQuery, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RejectionReason } from '../../model/ingestion.ts';
import { statementId } from '../../model/ids.ts';
import type { ParsedArticle } from '../../model/parsed.ts';
import type { ArticleWriter, IngestionStatus, SourceObject, WriteOutcome } from '../port.ts';
import { versionToken } from '../sequencer.ts';
import { AggregateUpdater, type ShareChange } from './aggregates.ts';
import type { AggregateInfo } from './items/aggregate.ts';
import { dayChanges } from './items/day-tally.ts';
import { buildArticleVersion, type ArticleVersion } from './article-version.ts';
import { batchGet, batchWrite, deleteRequest, forEachLimited, putRequest } from './batch.ts';
import { EchoClusters, type EchoCandidate } from './echo-clusters.ts';
import { clipStatement } from './fit.ts';
import * as ArticleItem from './items/article.ts';
import type { ArticleHead } from './items/article.ts';
import * as MentionItem from './items/mention.ts';
import * as StatementItem from './items/statement.ts';
import * as SourceItem from './items/source.ts';
import type { SourceState } from './items/source.ts';
import { keys, type TableKey } from './keys.ts';

export interface WriterOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
  /** Clock for ingestion times; tests may fix it. */
  now?: () => Date;
}

type Flip = { outcome: 'flipped' | 'same'; state: SourceState } | { outcome: 'stale' };

const PARALLEL_ARTICLES = 4;
const isConditionFailure = (error: unknown) => error instanceof Error && error.name === 'ConditionalCheckFailedException';
const isHead = (key: TableKey) => keys.isHead(key.sk);

/**
 * The DynamoDB writer. It takes the document client rather than making one, so a caller can point it at any
 * endpoint or wrap the client (metering.ts counts requests and bytes).
 */
export class DynamoArticleWriter implements ArticleWriter {
  private readonly aggregates: AggregateUpdater;
  private readonly echoes: EchoClusters;
  private readonly options: Required<WriterOptions>;

  constructor(options: WriterOptions) {
    this.options = { now: () => new Date(), ...options };
    this.aggregates = new AggregateUpdater({ client: options.client, tableName: options.tableName });
    this.echoes = new EchoClusters({ client: options.client, tableName: options.tableName });
  }

  async saveArticles(source: SourceObject, articles: ParsedArticle[], parserVersion: number): Promise<WriteOutcome> {
    const version = versionToken(source.sequencer, parserVersion);
    const articleIds = articles.map((article) => article.id);
    const stored = await this.readSource(source.key);
    const ingestedAt = this.options.now().toISOString();
    if (stored && stored.version > version) {
      // A redelivery of an event that lost the race before, possibly after writing some items: clear them,
      // by the keys its parse makes now (the clusters only set index attributes, not keys).
      const built = articles.map((parsed) => buildArticleVersion(parsed, { source, version, parserVersion, ingestedAt }));
      await this.deleteVersions(built);
      return 'stale';
    }
    if (stored && stored.version === version) return this.replayOrIgnore(stored, version);

    const clusters = await this.echoes.assign(articles.flatMap(echoCandidates));
    const built = articles.map((parsed) => buildArticleVersion(parsed, { source, version, parserVersion, ingestedAt, clusters }));
    await batchWrite(this.options.client, this.options.tableName, built.map(({ head }) => putRequest(ArticleItem.toItem(head))));
    await batchWrite(this.options.client, this.options.tableName, built.flatMap(({ items }) => items.map(putRequest)));
    await batchWrite(this.options.client, this.options.tableName, built.flatMap(({ about }) => about.map(putRequest)));
    const flip = await this.flip(stored, this.nextState(source, version, parserVersion, 'accepted', null, articleIds));
    if (flip.outcome === 'stale') {
      await this.deleteVersions(built);
      return 'stale';
    }
    // The heads just written are those of the current version: settle need not read them back.
    await this.settle(flip.state, new Map(built.map(({ head }) => [head.record.id, head])));
    return 'applied';
  }

  async recordRejection(source: SourceObject, reason: RejectionReason, parserVersion: number): Promise<WriteOutcome> {
    return this.withdraw(source, versionToken(source.sequencer, parserVersion), parserVersion, 'rejected', reason);
  }

  async deleteSource(source: SourceObject): Promise<WriteOutcome> {
    // A deleted object has no records, so no parser version: 0, which also keeps it out of reprocessing.
    return this.withdraw(source, versionToken(source.sequencer, 0), 0, 'deleted', null);
  }

  /** A state without articles (rejected or deleted): flip, then settle removes what earlier versions stored. */
  private async withdraw(
    source: SourceObject,
    version: string,
    parserVersion: number,
    status: IngestionStatus,
    reason: SourceState['reason'],
  ): Promise<WriteOutcome> {
    const stored = await this.readSource(source.key);
    if (stored && stored.version >= version) return this.replayOrIgnore(stored, version);
    const next = this.nextState(source, version, parserVersion, status, reason, []);
    const flip = await this.flip(stored, next);
    if (flip.outcome === 'stale') return 'stale';
    await this.settle(flip.state);
    return 'applied';
  }

  private async replayOrIgnore(stored: SourceState, version: string): Promise<WriteOutcome> {
    if (stored.version !== version) return 'stale';
    await this.settle(stored);
    return 'applied';
  }

  private nextState(
    source: SourceObject,
    version: string,
    parserVersion: number,
    status: IngestionStatus,
    reason: SourceState['reason'],
    articleIds: string[],
  ): SourceState {
    return {
      bucket: source.bucket,
      key: source.key,
      status,
      reason,
      articleIds,
      retiredArticleIds: [],
      sequencer: source.sequencer,
      version,
      versionId: source.versionId,
      eTag: source.eTag,
      size: source.size,
      parserVersion,
      receivedAt: source.eventTime,
      updatedAt: this.options.now().toISOString(),
    };
  }

  private async readSource(key: string): Promise<SourceState | null> {
    const { Item } = await this.options.client.send(
      new GetCommand({ TableName: this.options.tableName, Key: keys.source(key), ConsistentRead: true }),
    );
    return Item ? SourceItem.fromItem(Item) : null;
  }

  /** Makes `next` current if nothing newer got there first; retries when an older writer moved the pointer meanwhile. */
  private async flip(stored: SourceState | null, next: SourceState): Promise<Flip> {
    let expected = stored;
    for (;;) {
      const retired = expected ? [...new Set([...expected.articleIds, ...expected.retiredArticleIds])] : [];
      const state = { ...next, retiredArticleIds: retired.filter((id) => !next.articleIds.includes(id)) };
      try {
        await this.options.client.send(
          new PutCommand({
            TableName: this.options.tableName,
            Item: SourceItem.toItem(state),
            ConditionExpression: expected ? '#version = :expected' : 'attribute_not_exists(pk)',
            ExpressionAttributeNames: expected ? { '#version': 'version' } : undefined,
            ExpressionAttributeValues: expected ? { ':expected': expected.version } : undefined,
          }),
        );
        return { outcome: 'flipped', state };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        expected = await this.readSource(next.key);
        if (expected && expected.version > next.version) return { outcome: 'stale' };
        if (expected && expected.version === next.version) return { outcome: 'same', state: expected };
      }
    }
  }

  /**
   * Brings everything derived from this key in line with its current version: aggregates get the current
   * articles' shares (and zero shares for articles that left), then items of older versions are deleted,
   * heads last, so a crash part-way leaves the heads a re-run needs. Items of newer, not yet flipped
   * versions belong to a writer still at work and are left alone.
   */
  private async settle(state: SourceState, written = new Map<string, ArticleHead>()): Promise<void> {
    const articleIds = [...new Set([...state.articleIds, ...state.retiredArticleIds])];
    await forEachLimited(articleIds, PARALLEL_ARTICLES, (articleId) => this.settleArticle(state, articleId, written.get(articleId)));
    if (state.retiredArticleIds.length > 0) await this.forgetRetired(state);
  }

  private async settleArticle(state: SourceState, articleId: string, written: ArticleHead | undefined): Promise<void> {
    const { client, tableName } = this.options;
    const itemKeys = await this.partitionKeys(articleId);
    const older = itemKeys.filter((key) => keys.versionOf(key.sk) < state.version);
    const isCurrent = state.articleIds.includes(articleId);
    const toRead = itemKeys.filter((key) => {
      if (!isHead(key)) return false;
      const version = keys.versionOf(key.sk);
      return version < state.version || (version === state.version && isCurrent && !written);
    });
    const heads = (await batchGet(client, tableName, toRead, { consistent: true })).map(ArticleItem.fromItem);
    const current = isCurrent ? (written ?? heads.find((head) => head.version === state.version)) : undefined;
    // Oldest first, so that a withdrawal carries what the newest earlier version said, whatever order the batch read returned.
    const previous = heads.filter((head) => head.version < state.version).sort((a, b) => (a.version < b.version ? -1 : 1));

    await this.aggregates.apply([...shareChanges(state.version, current, previous), ...dayChanges(state.version, current, previous)]);
    await this.deleteVersionItems(older, previous);
  }

  /**
   * Deletes versions' items (`partition`: what the article's partition holds of them) in the order that
   * keeps each one findable until it goes, so that a crash at any point leaves what a re-run needs: first
   * the items in the entities' partitions (found through the heads and the statements' `about`, and any
   * the caller knows of), then the rest of the article's partition, then the heads.
   */
  private async deleteVersionItems(partition: readonly PartitionKey[], heads: readonly ArticleHead[], known: readonly TableKey[] = []): Promise<void> {
    const { client, tableName } = this.options;
    await batchWrite(client, tableName, [...listedElsewhere(partition, heads), ...known].map(deleteRequest));
    await batchWrite(client, tableName, partition.filter((key) => !isHead(key)).map(deleteRequest));
    await batchWrite(client, tableName, partition.filter(isHead).map(deleteRequest));
  }

  /** Once settled, retired articles have nothing left to clean; unless the key moved on meanwhile. */
  private async forgetRetired(state: SourceState): Promise<void> {
    try {
      await this.options.client.send(
        new PutCommand({
          TableName: this.options.tableName,
          Item: SourceItem.toItem({ ...state, retiredArticleIds: [] }),
          ConditionExpression: '#version = :version',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':version': state.version },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  /**
   * A stale writer's cleanup of what it wrote, as settle's of an older version. A newer writer's settle may
   * have deleted this version's head before this writer put its other items, so what lies outside the
   * article's partition is also looked for by the keys this writer makes for it (one consistent read, so
   * a late duplicate pays for no deletes of items that are not there). A redelivery rebuilds those keys
   * from the object as it reads it now: the same keys, unless the object or the parser changed meanwhile.
   */
  private async deleteVersions(built: readonly ArticleVersion[]): Promise<void> {
    const { client, tableName } = this.options;
    await forEachLimited(built, PARALLEL_ARTICLES, async ({ head, items, about }) => {
      const mine = (await this.partitionKeys(head.record.id)).filter((key) => keys.versionOf(key.sk) === head.version);
      const elsewhere = [...items, ...about].filter((item) => item.pk !== keys.articlePartition(head.record.id)) as unknown as TableKey[];
      const [heads, found] = await Promise.all([
        batchGet(client, tableName, mine.filter(isHead), { consistent: true }).then((stored) => stored.map(ArticleItem.fromItem)),
        batchGet(client, tableName, elsewhere, { consistent: true, attributes: [] }),
      ]);
      await this.deleteVersionItems(mine, heads, found as unknown as TableKey[]);
    });
  }

  /** The keys of every item in the article's partition, with a statement's `about` (which names its about items). */
  private async partitionKeys(articleId: string): Promise<PartitionKey[]> {
    const found: PartitionKey[] = [];
    const pages = paginateQuery(
      { client: this.options.client },
      {
        TableName: this.options.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.articlePartition(articleId) },
        ProjectionExpression: 'pk, sk, #about',
        ExpressionAttributeNames: { '#about': StatementItem.ABOUT },
        ConsistentRead: true,
      },
    );
    for await (const page of pages) found.push(...((page.Items ?? []) as PartitionKey[]));
    return found;
  }

}

/** An item of the article's partition as partitionKeys reads it: its key, and a statement's `about`. */
type PartitionKey = TableKey & { about?: string[] };

/**
 * The keys of the items versions keep outside the article's partition: each head's mentions, and the about
 * items of each statement of a version whose head is among `heads`. Heads are written first and deleted
 * last, and about items are written after their statements and deleted before them (deleteVersionItems),
 * so whatever is left of a version is found from what its article partition still holds.
 */
function listedElsewhere(partition: readonly PartitionKey[], heads: readonly ArticleHead[]): TableKey[] {
  const headOf = new Map(heads.map((head) => [head.version, head]));
  const about = partition.flatMap((key) => {
    const head = keys.isStatement(key.sk) ? headOf.get(keys.versionOf(key.sk)) : undefined;
    return head ? StatementItem.aboutKeys(key, head) : [];
  });
  return [...heads.flatMap(MentionItem.keysOf), ...about];
}

/** What the echo clusters compare of an article's statements: the words as stored, under the speaker id as keyed. */
function echoCandidates(parsed: ParsedArticle): EchoCandidate[] {
  return parsed.statements.map((statement, index) => {
    const stored = clipStatement(statement);
    return { id: statementId(parsed.id, index), speakerId: stored.speaker.id, kind: stored.kind, text: stored.text };
  });
}

/** Shares of the current head, plus zero shares withdrawing whatever only older heads contributed. */
function shareChanges(version: string, current: ArticleHead | undefined, previous: ArticleHead[]): ShareChange[] {
  const changes = new Map<string, ShareChange>();
  const add = (head: ArticleHead, withdraw: boolean) => {
    const articleId = head.record.id;
    const share = (count: number, info: AggregateInfo) => ({ count: withdraw ? 0 : count, date: head.sortDate, version, info });
    for (const speaker of head.speakers) {
      const info = { name: speaker.name, type: speaker.type, titles: speaker.titles, aliases: speaker.aliases };
      changes.set(`speaker#${speaker.id}`, { kind: 'speaker', id: speaker.id, articleId, share: share(speaker.statements, info) });
    }
    for (const entity of head.entities) {
      const info = { name: entity.name, type: entity.type, titles: [], aliases: entity.aliases };
      changes.set(`entity#${entity.id}`, { kind: 'entity', id: entity.id, articleId, share: share(entity.count, info) });
    }
  };
  for (const head of previous) add(head, true);
  if (current) add(current, false);
  return [...changes.values()];
}
