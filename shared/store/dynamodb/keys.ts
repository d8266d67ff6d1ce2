/**
 * Every key and index key of the single table, in one place: table keys in `keys`, each index access pattern
 * as one named object in `lists` (the access-patterns table in README.md uses the same names).
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
/** The first character of a folded name: the partition of a name-prefix index, so one partition is not hot. */
export const nameBucket = (folded: string): string => [...folded][0] ?? '_';

const MENTION_PREFIX = 'MENTION#';
const ABOUT_PREFIX = 'ABOUT#';

export const keys = {
  source: (key: string): TableKey => ({ pk: `SOURCE#${key}`, sk: 'SOURCE' }),

  articlePartition: (articleId: string): string => `ARTICLE#${articleId}`,
  headPrefix: 'HEAD#',
  isHead: (sk: string): boolean => sk.startsWith('HEAD#'),
  articleHead: (articleId: string, version: string): TableKey => ({ pk: `ARTICLE#${articleId}`, sk: `HEAD#${version}` }),
  articleListing: (articleId: string, version: string): TableKey => ({ pk: `ARTICLE#${articleId}`, sk: `LIST#${version}` }),
  statementPrefix: (version: string): string => `STMT#${version}#`,
  isStatement: (sk: string): boolean => sk.startsWith('STMT#'),
  /** The statement of `version` at the ordinal `sk` (a statement key of any version) names. */
  statementAtSameOrdinal: (sk: string, version: string): string => `STMT#${version}#${sk.split('#').at(-1) ?? ''}`,
  statement: (articleId: string, version: string, index: number): TableKey => ({
    pk: `ARTICLE#${articleId}`,
    sk: `STMT#${version}#${ordinal(index)}`,
  }),
  /** A part of a long statement's whole words (items/statement-text.ts), in order. */
  statementText: (articleId: string, version: string, index: number, part: number): TableKey => ({
    pk: `ARTICLE#${articleId}`,
    sk: `TEXT#${version}#${ordinal(index)}#${String(part).padStart(3, '0')}`,
  }),
  statementTextPrefix: (version: string, index: number): string => `TEXT#${version}#${ordinal(index)}#`,
  /** A part of the article's body text (items/article-body.ts), in order. */
  articleBody: (articleId: string, version: string, part: number): TableKey => ({
    pk: `ARTICLE#${articleId}`,
    sk: `BODY#${version}#${ordinal(part)}`,
  }),
  bodyPrefix: (version: string): string => `BODY#${version}#`,
  /**
   * The sort-key range an article's reads take (BETWEEN, inclusive): from the heads to the statements, or
   * from the body parts on. Items sort BODY# < HEAD# < LIST# < STMT# < TEXT#, and `$`
   * follows `#`, so `STMT$` ends the range after every statement without reaching the parts of long ones.
   */
  articleRange: (withBody: boolean): [string, string] => [withBody ? 'BODY#' : 'HEAD#', 'STMT$'],
  /**
   * That one article version mentions the entity: an item of the entity's article list itself
   * (lists.entityArticles), in the entity's partition; the version's head names it, for cleanup.
   */
  mention: (entityId: string, date: string, articleId: string, version: string): TableKey => ({
    pk: lists.entityArticles.partition(entityId),
    sk: lists.entityArticles.sortKey(date, articleId, version),
  }),
  /**
   * That the statement at `index` names the entity (one item per statement and distinct entity it names):
   * an item of the entity's statement list itself (lists.entityStatements), in the entity's partition; the
   * version's statement items name it, for cleanup.
   */
  about: (entityId: string, date: string, articleId: string, index: number, version: string): TableKey => ({
    pk: lists.entityStatements.partition(entityId),
    sk: lists.entityStatements.sortKey(date, articleId, index, version),
  }),
  aboutPrefix: ABOUT_PREFIX,
  /** The version an article-partition item belongs to, read back from its sort key. */
  versionOf: (sk: string): string => sk.split('#')[1] ?? '',

  speaker: (id: string): TableKey => ({ pk: `SPEAKER#${id}`, sk: 'SPEAKER' }),
  /** A word-suffix of a speaker's name: an item of the name list itself (lists.speakerNames). */
  speakerName: (id: string, suffix: string): TableKey => ({ pk: lists.speakerNames.partition(suffix), sk: lists.speakerNames.sortKey(suffix, id) }),
  /**
   * What one article (its current version) contributes to a speaker or entity: one item per article, in
   * the aggregate's own partition, so the aggregate's summary item stays small however many articles name it.
   */
  speakerShare: (id: string, articleId: string): TableKey => ({ pk: `SPEAKER#${id}`, sk: `SHARE#${articleId}` }),
  entity: (id: string): TableKey => ({ pk: `ENTITY#${id}`, sk: 'ENTITY' }),
  entityShare: (id: string, articleId: string): TableKey => ({ pk: `ENTITY#${id}`, sk: `SHARE#${articleId}` }),
  sharePrefix: 'SHARE#',
  mentionPrefix: MENTION_PREFIX,
  /**
   * An echo key (shared/echo/cluster-keys.ts) of one speaker's words, pointing at the cluster whose first
   * statement filed it: found by key lookups, so an echo is found without reading the speaker's other statements.
   */
  echoKey: (speakerId: string, key: string): TableKey => ({ pk: `ECHO#${speakerId}#${key}`, sk: 'ECHO' }),
  /** A cluster's reference: the words of its first stored statement, which later statements are compared with. */
  cluster: (clusterId: string): TableKey => ({ pk: `CLUSTER#${clusterId}`, sk: 'CLUSTER' }),
  /** One set per type the entity was ever given: which type is current is the entity item's business. */
  entityName: (id: string, type: EntityType, suffix: string): TableKey => ({
    pk: lists.entityNames.partition(suffix),
    sk: lists.entityNames.sortKey(suffix, id, type),
  }),

  /**
   * A publication day's aggregate (one of DAY_SHARDS per day, its id `<YYYY-MM-DD>#<shard>`): the summary
   * ranks the speakers and entities its articles name most; each article's share sits beside it.
   */
  day: (id: string): TableKey => ({ pk: `DAY#${id}`, sk: 'DAY' }),
  dayShare: (id: string, articleId: string): TableKey => ({ pk: `DAY#${id}`, sk: `SHARE#${articleId}` }),
};

/**
 * Each publication day's aggregate is split this many ways by article id, so that one busy day is not one
 * item every writer of that day races for; the home page reads 30 days × 3 = 90 summaries, one BatchGetItem
 * (at most 100 keys).
 */
export const DAY_SHARDS = 3;

export const days = {
  /** The day aggregate an article of `date` (YYYY-MM-DD) counts in: an article keeps its shard whatever its date. */
  idOf: (date: string, articleId: string): string =>
    `${date}#${String(createHash('md5').update(articleId).digest().readUInt32BE(0) % DAY_SHARDS).padStart(2, '0')}`,
  /** Every shard's aggregate id of one day. */
  idsOf: (date: string): string[] => Array.from({ length: DAY_SHARDS }, (_, n) => `${date}#${String(n).padStart(2, '0')}`),
};

export type IndexName = 'gsi1' | 'gsi2';

/** The attributes a position in an index is made of (the table key too: index keys need not be unique). */
const positionAttributes = (index: IndexName): readonly string[] => ['pk', 'sk', `${index}pk`, `${index}sk`];

/**
 * An access pattern served by the table's own keys: a list whose items exist only to be listed, so that an
 * index copy of each would double their write units. `index: null` tells a Query builder to use pk and sk.
 */
export interface TableList<P extends unknown[], S extends unknown[]> {
  index: null;
  partition: (...args: P) => string;
  sortKey: (...args: S) => string;
  keyAttributes: readonly string[];
}

function tableList<P extends unknown[], S extends unknown[]>(partition: (...args: P) => string, sortKey: (...args: S) => string): TableList<P, S> {
  return { index: null, partition, sortKey, keyAttributes: ['pk', 'sk'] };
}

/**
 * An access pattern served by an index: one named object that both the item builders (`entry`) and the
 * reader (`index`, `partition`, `keyAttributes`) use, so a list's index and key layout are stated once.
 * `P` are what names the partition, `S` what orders an item within it.
 */
export interface IndexList<P extends unknown[], S extends unknown[]> {
  index: IndexName;
  partition: (...args: P) => string;
  sortKey: (...args: S) => string;
  /** The index key attributes of an item on the list. */
  entry: (partition: P, sort: S) => Record<string, string>;
  keyAttributes: readonly string[];
}

function indexList<P extends unknown[], S extends unknown[]>(
  index: IndexName,
  partition: (...args: P) => string,
  sortKey: (...args: S) => string,
): IndexList<P, S> {
  return {
    index,
    partition,
    sortKey,
    entry: (partitionArgs, sortArgs) => ({ [`${index}pk`]: partition(...partitionArgs), [`${index}sk`]: sortKey(...sortArgs) }),
    keyAttributes: positionAttributes(index),
  };
}

/**
 * A list every article or object joins, spread over INDEX_SHARDS partitions (read with sharded-paging.ts).
 * The shard comes from `identity`, the part of the sort key that names the item.
 */
export interface ShardedList<S extends unknown[]> {
  index: IndexName;
  /** The partition the list had before it was sharded (store format 1). */
  unsharded: string;
  partitions: readonly string[];
  shard: (identity: string) => string;
  sortKey: (...args: S) => string;
  entry: (identity: string, sort: S) => Record<string, string>;
  keyAttributes: readonly string[];
}

function shardedList<S extends unknown[]>(
  index: IndexName,
  name: string,
  sortKey: (...args: S) => string,
  identityOf: (identity: string) => string = (identity) => identity,
): ShardedList<S> {
  const shard = (identity: string) => `${name}#${shardOf(identityOf(identity))}`;
  return {
    index,
    unsharded: name,
    partitions: Array.from({ length: INDEX_SHARDS }, (_, n) => `${name}#${String(n).padStart(2, '0')}`),
    shard,
    sortKey,
    entry: (identity, sortArgs) => ({ [`${index}pk`]: shard(identity), [`${index}sk`]: sortKey(...sortArgs) }),
    keyAttributes: positionAttributes(index),
  };
}

/** The index access patterns, named as the README's access-pattern table names them. */
export const lists = {
  /** gsi1: all articles by publication date (the identity: the article id). */
  articlesByDate: shardedList('gsi1', 'ARTICLES', (date: string, articleId: string) => `${date}#${articleId}`),
  /**
   * gsi1: a speaker's statements by date, all kinds. A per-kind timeline is the same Query filtered on the
   * kind: a second index entry per statement would cost a write unit on every statement of every article,
   * to save reads on a rarer query. Within one article, a newest-first timeline keeps reading order.
   */
  speakerTimeline: indexList(
    'gsi1',
    (speakerId: string) => `TIMELINE#${speakerId}`,
    (date: string, articleId: string, index: number) => `${date}#${articleId}#${reverseOrdinal(index)}`,
  ),
  /**
   * The table: the articles mentioning an entity, by date, in the entity's own partition beside its summary
   * and shares (read with begins_with `MENTION#`). A mention is written for this list alone, so it is the
   * list's item rather than an index entry of an item in the article's partition (store format 4). The
   * version ends the sort key: during a replace both versions' mentions exist, and readers keep the current.
   */
  entityArticles: tableList(
    (entityId: string) => keys.entity(entityId).pk,
    (date: string, articleId: string, version: string) => `${MENTION_PREFIX}${date}#${articleId}#${version}`,
  ),
  /**
   * The table: the statements whose words name an entity, by date, whoever said them; newest first, in
   * reading order within one article (as speakerTimeline), in the entity's partition (read with a range
   * within `ABOUT#`). One item per statement and distinct entity it names, written for this list alone, so
   * the list's own item (store format 4); the version ends the sort key, as for entityArticles.
   */
  entityStatements: tableList(
    (entityId: string) => keys.entity(entityId).pk,
    (date: string, articleId: string, index: number, version: string) => `${ABOUT_PREFIX}${date}#${articleId}#${reverseOrdinal(index)}#${version}`,
  ),
  /**
   * gsi2: the statements of an echo cluster by first appearance: publication date, then ingestion time (an
   * entry on the statement item itself, so a member costs no item of its own). Oldest first, the first entry is
   * who carried the words first; when it is deleted, the next one is.
   */
  clusterMembers: indexList(
    'gsi2',
    (clusterId: string) => `CLUSTER#${clusterId}`,
    (date: string, ingestedAt: string, articleId: string, index: number) => `${date}#${ingestedAt}#${articleId}#${ordinal(index)}`,
  ),
  /**
   * The table: speaker names by every word-suffix of the folded name ("erdo" finds "recep tayyip erdogan").
   * Name items are written once, never changed, and read only through this list, so they are the list's
   * own items rather than index entries of items in the speaker's partition (store format 4).
   */
  speakerNames: tableList((folded: string) => `SPEAKERNAMES#${nameBucket(folded)}`, (suffix: string, speakerId: string) => `${suffix}#${speakerId}`),
  /**
   * The table: entity names, every type, as speakerNames; a search for one type filters on the name item's
   * type, rather than listing every name a second time (a write unit per name word of every new entity).
   * The type ends the sort key, which must name one item: the same suffix of one entity under each type.
   */
  entityNames: tableList(
    (folded: string) => `ENTITYNAMES#${nameBucket(folded)}`,
    (suffix: string, entityId: string, type: EntityType) => `${suffix}#${entityId}#${type}`,
  ),
  /** gsi1: ingestion records by last change (the identity: the S3 key). */
  ingestionsByTime: shardedList('gsi1', 'INGESTIONS', (updatedAt: string, key: string) => `${updatedAt}#${keyPrefix(key)}`, keyPrefix),
  /** gsi2: ingestion records by the parser version that made them, for reprocessing. */
  ingestionsByParser: shardedList('gsi2', 'PARSERS', (parserVersion: number, key: string) => `${parserVersionKey(parserVersion)}#${keyPrefix(key)}`, keyPrefix),
  /** The sort key bound below which every record of an older parser than `version` lies. */
  parserVersionBound: parserVersionKey,
};
