/**
 * Every key and index key of the single table, in one place (the access-patterns table is in README.md).
 * Items of one article version live in the article's partition with the version in the sort key, so a
 * new version can be written beside the old one and the old one deleted after the pointer flip.
 */
import { createHash } from 'node:crypto';
import type { EntityType } from '../../model/article.ts';

export interface TableKey {
  pk: string;
  sk: string;
}

const ordinal = (index: number): string => String(index).padStart(6, '0');
/** Within one article a newest-first timeline still lists statements in reading order. */
const reverseOrdinal = (index: number): string => String(999_999 - index).padStart(6, '0');
const parserVersionKey = (version: number): string => String(version).padStart(10, '0');
/** An S3 key may take 1,024 bytes, as much as a whole index sort key: index keys carry a prefix of it. */
const keyPrefix = (key: string): string => {
  let prefix = key;
  while (Buffer.byteLength(prefix, 'utf8') > 900) prefix = prefix.slice(0, -16);
  return prefix;
};

/**
 * The lists every article or object joins (all articles by date, all ingestions, all ingestions by parser)
 * are spread over this many index partitions: one partition takes at most 1,000 writes a second, and a
 * time-ordered sort key keeps DynamoDB from splitting it, so with one partition new articles would cap at
 * 500–1,000 a second. A reader merges the shards (sharded-paging.ts), one Query each per page: eight
 * shards raise the ceiling eightfold for eight small Queries per page.
 */
export const INDEX_SHARDS = 8;

/**
 * The shard of an item, from the part of its sort key that names it: items with equal sort keys (two
 * versions of one article) share a shard, which is what keeps a merged cursor exact.
 */
const shardOf = (identity: string): string =>
  String(createHash('md5').update(identity).digest().readUInt32BE(0) % INDEX_SHARDS).padStart(2, '0');
const articlesShard = (articleId: string) => `ARTICLES#${shardOf(articleId)}`;
const ingestionsShard = (key: string) => `INGESTIONS#${shardOf(keyPrefix(key))}`;
const parsersShard = (key: string) => `PARSERS#${shardOf(keyPrefix(key))}`;
const shards = (list: string): string[] => Array.from({ length: INDEX_SHARDS }, (_, shard) => `${list}#${String(shard).padStart(2, '0')}`);

/** The first character of a folded name: the partition of a name-prefix index, so one partition is not hot. */
export const nameBucket = (folded: string): string => [...folded][0] ?? '_';

export const keys = {
  source: (key: string): TableKey => ({ pk: `SOURCE#${key}`, sk: 'SOURCE' }),

  articlePartition: (articleId: string): string => `ARTICLE#${articleId}`,
  headPrefix: 'HEAD#',
  articleHead: (articleId: string, version: string): TableKey => ({ pk: `ARTICLE#${articleId}`, sk: `HEAD#${version}` }),
  articleListing: (articleId: string, version: string): TableKey => ({ pk: `ARTICLE#${articleId}`, sk: `LIST#${version}` }),
  statementPrefix: (version: string): string => `STMT#${version}#`,
  /** The statement of `version` at the ordinal `sk` (a statement key of any version) names. */
  statementAtSameOrdinal: (sk: string, version: string): string => `STMT#${version}#${sk.split('#').at(-1) ?? ''}`,
  statement: (articleId: string, version: string, index: number): TableKey => ({
    pk: `ARTICLE#${articleId}`,
    sk: `STMT#${version}#${ordinal(index)}`,
  }),
  mention: (articleId: string, version: string, entityId: string): TableKey => ({
    pk: `ARTICLE#${articleId}`,
    sk: `MENTION#${version}#${entityId}`,
  }),
  /** The version an article-partition item belongs to, read back from its sort key. */
  versionOf: (sk: string): string => sk.split('#')[1] ?? '',

  speaker: (id: string): TableKey => ({ pk: `SPEAKER#${id}`, sk: 'SPEAKER' }),
  speakerName: (id: string, suffix: string): TableKey => ({ pk: `SPEAKER#${id}`, sk: `NAME#${suffix}` }),
  entity: (id: string): TableKey => ({ pk: `ENTITY#${id}`, sk: 'ENTITY' }),
  /** One set per type the entity was ever given: which type is current is the entity item's business. */
  entityName: (id: string, type: EntityType, suffix: string): TableKey => ({ pk: `ENTITY#${id}`, sk: `NAME#${type}#${suffix}` }),
};

/** Global secondary index keys (gsi1 and gsi2 are overloaded: each item type gives them its own meaning). */
export const indexKeys = {
  /** gsi1: all articles by publication date. */
  articlesByDate: (date: string, articleId: string) => ({ gsi1pk: articlesShard(articleId), gsi1sk: `${date}#${articleId}` }),
  articlesShard,
  articlesPartitions: shards('ARTICLES'),
  /**
   * gsi1: a speaker's statements by date, all kinds. A per-kind timeline is the same Query filtered on the
   * kind: a second index entry per statement would cost a write unit on every statement of every article,
   * to save reads on a rarer query.
   */
  speakerTimeline: (speakerId: string, date: string, articleId: string, index: number) => ({
    gsi1pk: `TIMELINE#${speakerId}`,
    gsi1sk: `${date}#${articleId}#${reverseOrdinal(index)}`,
  }),
  timelinePartition: (speakerId: string) => `TIMELINE#${speakerId}`,
  /** gsi1: the articles mentioning an entity, by date. */
  entityArticles: (entityId: string, date: string, articleId: string) => ({ gsi1pk: `MENTIONS#${entityId}`, gsi1sk: `${date}#${articleId}` }),
  entityArticlesPartition: (entityId: string) => `MENTIONS#${entityId}`,
  /** gsi2: speaker names by every word-suffix of the folded name ("erdo" finds "recep tayyip erdogan"). */
  speakerNames: (suffix: string, speakerId: string) => ({ gsi2pk: `SPEAKERNAMES#${nameBucket(suffix)}`, gsi2sk: `${suffix}#${speakerId}` }),
  speakerNamesPartition: (prefix: string) => `SPEAKERNAMES#${nameBucket(prefix)}`,
  /**
   * gsi2: entity names, every type; a search for one type filters on the name item's type, rather than
   * indexing every name item a second time (a write unit per name word of every new entity).
   */
  entityNames: (suffix: string, entityId: string) => ({ gsi2pk: `ENTITYNAMES#${nameBucket(suffix)}`, gsi2sk: `${suffix}#${entityId}` }),
  entityNamesPartition: (prefix: string) => `ENTITYNAMES#${nameBucket(prefix)}`,
  /** gsi1: ingestion records by last change; gsi2: by the parser version that made them (for reprocessing). */
  ingestionsByTime: (updatedAt: string, key: string) => ({ gsi1pk: ingestionsShard(key), gsi1sk: `${updatedAt}#${keyPrefix(key)}` }),
  ingestionsShard,
  ingestionsPartitions: shards('INGESTIONS'),
  ingestionsByParser: (parserVersion: number, key: string) => ({
    gsi2pk: parsersShard(key),
    gsi2sk: `${parserVersionKey(parserVersion)}#${keyPrefix(key)}`,
  }),
  parsersShard,
  parsersPartitions: shards('PARSERS'),
  parserVersionBound: parserVersionKey,
};
