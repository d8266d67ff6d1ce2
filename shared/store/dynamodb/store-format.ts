/**
 * The table's layout version, and the step that moves an older table to the current one without losing
 * an article. Formats:
 *   1. every article, ingestion record and parser-version record in one index partition each;
 *   2. those lists spread over index shards (keys.ts, INDEX_SHARDS);
 *   3. a speaker's or entity's per-article shares in items of their own beside a bounded summary item
 *      (aggregates.ts), instead of one `shares` map in one item that grew with every article;
 *   4. items written only to be listed are the lists' own items, one write unit each instead of two:
 *      name-prefix items (items/name-index.ts) in the name lists' partitions, instead of items in the
 *      speaker's or entity's partition with a gsi2 entry each; mentions (items/mention.ts) and statements'
 *      about items (items/statement.ts) in the entity's partition, instead of items in the article's
 *      partition with a gsi1 or gsi2 entry each.
 * The version is an item of the table, written when a migration finishes and when the local runner creates
 * the table (the deployed table is created by CDK, without it). A table without it is of the
 * current format unless it still holds format-1 index entries, format-2 aggregate items or format-3 list
 * items (a deployment from before the item existed, or one created at an older format).
 *
 * A format-2 aggregate is also converted by the first write that touches it, so the new code can run on
 * an unmigrated table: readers get the same fields from either layout until then. Format-3 list items are
 * not: until they are moved, a name search finds only the names indexed since the new code ran, and an
 * entity's lists of articles and statements only those stored since.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { DeleteCommand, GetCommand, paginateScan, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EntityType } from '../../model/article.ts';
import { convertLegacy } from './aggregates.ts';
import { forEachLimited } from './batch.ts';
import * as StatementItem from './items/statement.ts';
import { keys, lists, type TableKey } from './keys.ts';

export const STORE_FORMAT = 4;

interface Table {
  client: DynamoDBDocumentClient;
  tableName: string;
}

const FORMAT_KEY: TableKey = { pk: 'STORE', sk: 'FORMAT' };

/** Each format-1 list (its single partition is the list's `unsharded`) and what names an item of it (its shard now). */
const UNSHARDED_LISTS = [
  { list: lists.articlesByDate, identity: (item: Record<string, unknown>) => item.articleId as string },
  { list: lists.ingestionsByTime, identity: (item: Record<string, unknown>) => item.key as string },
  { list: lists.ingestionsByParser, identity: (item: Record<string, unknown>) => item.key as string },
] as const;

const PAGE = 100;
const PARALLEL_UPDATES = 8;
/** Aggregates converted at once (each puts its shares 16 at a time). */
const PARALLEL_CONVERSIONS = 4;
/** Index reads lag the table: entries just moved may still be listed for a moment. */
const INDEX_LAG_MS = 200;

const isConditionFailure = (error: unknown) => error instanceof Error && error.name === 'ConditionalCheckFailedException';

async function firstPage(table: Table, { list }: (typeof UNSHARDED_LISTS)[number], limit: number): Promise<Record<string, unknown>[]> {
  const { Items = [] } = await table.client.send(
    new QueryCommand({
      TableName: table.tableName,
      IndexName: list.index,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': `${list.index}pk` },
      ExpressionAttributeValues: { ':pk': list.unsharded },
      Limit: limit,
    }),
  );
  return Items;
}

/**
 * Pages of format-2 aggregate items (they alone have `rev`), whole. A Scan: migrations only, never the API.
 * `onPage` returning false stops it.
 */
async function scanLegacyAggregates(table: Table, onPage: (items: Record<string, unknown>[]) => Promise<boolean>): Promise<void> {
  const pages = paginateScan(
    { client: table.client },
    {
      TableName: table.tableName,
      FilterExpression: 'attribute_exists(#rev) AND (sk = :speaker OR sk = :entity)',
      ExpressionAttributeNames: { '#rev': 'rev' },
      ExpressionAttributeValues: { ':speaker': 'SPEAKER', ':entity': 'ENTITY' },
      ConsistentRead: true,
    },
  );
  for await (const page of pages) if (!(await onPage(page.Items ?? []))) return;
}

/**
 * Pages of format-3 list items: name items in the speaker's or entity's partition, under `NAME#` (a name
 * list's own items begin with the folded, lower-case name), and mentions and about items in the article's
 * partition. A Scan: migrations only. `onPage` returning false stops it.
 */
async function scanFormat3Lists(table: Table, onPage: (items: Record<string, unknown>[]) => Promise<boolean>): Promise<void> {
  const pages = paginateScan(
    { client: table.client },
    {
      TableName: table.tableName,
      FilterExpression:
        '(begins_with(sk, :name) AND (itemType = :speakerName OR itemType = :entityName)) OR ((itemType = :mention OR itemType = :about) AND begins_with(pk, :article))',
      ExpressionAttributeValues: {
        ':name': 'NAME#',
        ':speakerName': 'speaker-name',
        ':entityName': 'entity-name',
        ':mention': 'mention',
        ':about': StatementItem.ABOUT_ITEM_TYPE,
        ':article': keys.articlePartition(''),
      },
      ConsistentRead: true,
    },
  );
  for await (const page of pages) if (!(await onPage(page.Items ?? []))) return;
}

/**
 * The name list's item for a format-3 name item: the same attributes under the list's key, without the
 * gsi2 entry. The word-suffix is the old sort key's end (`NAME#<suffix>`, an entity's `NAME#<type>#<suffix>`).
 */
function listedName(item: Record<string, unknown>): Record<string, unknown> {
  const { pk: _pk, sk, gsi2pk: _gsi2pk, gsi2sk: _gsi2sk, ...attributes } = item as { pk: string; sk: string; gsi2pk?: string; gsi2sk?: string; id: string; type: EntityType };
  const key =
    item.itemType === 'entity-name'
      ? keys.entityName(attributes.id, attributes.type, sk.slice(`NAME#${attributes.type}#`.length))
      : keys.speakerName(attributes.id, sk.slice('NAME#'.length));
  return { ...key, ...attributes };
}

/** The entity article list's item for a format-3 mention: the same attributes under the list's key, without the gsi1 entry. */
function listedMention(item: Record<string, unknown>): Record<string, unknown> {
  const { pk: _pk, sk: _sk, gsi1pk: _gsi1pk, gsi1sk, ...attributes } = item as { pk: string; sk: string; gsi1pk: string; gsi1sk: string; articleId: string; entityId: string; version: string };
  // The date the list sorts by is the old index sort key's start: `<date>#<articleId>`.
  const date = gsi1sk.slice(0, gsi1sk.length - attributes.articleId.length - 1);
  return { ...keys.mention(attributes.entityId, date, attributes.articleId, attributes.version), ...attributes };
}

/** The entity statement list's item for a format-3 about item: the same attributes under the list's key, without the gsi2 entry. */
function listedAbout(item: Record<string, unknown>): Record<string, unknown> {
  const { pk: _pk, sk, gsi2pk: _gsi2pk, gsi2sk, ...attributes } = item as { pk: string; sk: string; gsi2pk: string; gsi2sk: string; articleId: string; entityId: string; version: string };
  // The old sort key ends in the statement's ordinal (`ABOUT#<version>#<entityId>#<n:6>`), the old index
  // sort key starts with the date (`<date>#<articleId>#<999999-n>`).
  const index = Number(sk.split('#').at(-1));
  const date = gsi2sk.slice(0, gsi2sk.lastIndexOf(`#${attributes.articleId}#`));
  return { ...keys.about(attributes.entityId, date, attributes.articleId, index, attributes.version), ...attributes };
}

/**
 * Moves a format-3 mention or about item to the entity's list. The writer of a newer version deletes the
 * list items of the versions it replaces after its flip, so an item put back there after that would stay
 * for good (unseen: its version is not current). Hence the new item is kept, and the old one deleted, only
 * when its version is still current after the put; otherwise the new item goes again and the old one is
 * left in the article's partition for that version's cleanup. Once the new code is deployed no writer
 * puts format-3 items, so a version that is not current is one on its way out.
 */
async function moveToEntityList(table: Table, item: Record<string, unknown>): Promise<boolean> {
  const listed = item.itemType === 'mention' ? listedMention(item) : listedAbout(item);
  await table.client.send(new PutCommand({ TableName: table.tableName, Item: listed }));
  const { Item: source } = await table.client.send(
    new GetCommand({ TableName: table.tableName, Key: keys.source(item.sourceKey as string), ConsistentRead: true }),
  );
  const current = source?.version === item.version;
  const { pk, sk } = (current ? item : listed) as unknown as TableKey;
  await table.client.send(new DeleteCommand({ TableName: table.tableName, Key: { pk, sk } }));
  return current;
}

export async function storedFormat(table: Table): Promise<number> {
  const { Item } = await table.client.send(new GetCommand({ TableName: table.tableName, Key: FORMAT_KEY, ConsistentRead: true }));
  if (Item) return Item.format as number;
  for (const format1 of UNSHARDED_LISTS) if ((await firstPage(table, format1, 1)).length > 0) return 1;
  let legacy = false;
  await scanLegacyAggregates(table, async (items) => {
    legacy = items.length > 0;
    return !legacy;
  });
  if (legacy) return 2;
  let format3 = false;
  await scanFormat3Lists(table, async (items) => {
    format3 = items.length > 0;
    return !format3;
  });
  return format3 ? 3 : STORE_FORMAT;
}

/**
 * Records that the table is of the current format: after a migration, and on a table this release
 * creates, so that `storedFormat` need not look for older items (a Scan) every time it is asked.
 */
export async function recordFormat(table: Table): Promise<void> {
  await table.client.send(
    new PutCommand({ TableName: table.tableName, Item: { ...FORMAT_KEY, itemType: 'store-format', format: STORE_FORMAT } }),
  );
}

export interface MigrationProgress {
  /** Format-1 index entries moved to their shard. */
  moved: number;
  /** Format-2 aggregate items converted to share items and a summary. */
  converted: number;
  /** Format-3 name items moved to their name list's partition. */
  names: number;
  /** Format-3 mentions moved to their entity's article list. */
  mentions: number;
  /** Format-3 about items moved to their entity's statement list. */
  about: number;
}

/**
 * Moves every format-1 index entry to its shard, converts every format-2 aggregate, moves every format-3
 * list item (name item, mention, about item) to its list, then records the format. An index entry changes
 * in place, on the condition that it is still the old one; an aggregate is converted on the condition that
 * its old item is unchanged (aggregates.ts, convertLegacy): an item a writer replaced meanwhile is already
 * in the new layout and is left alone. A name item never changes: its list item is put (the same item a
 * writer would put), then the old one deleted, so a crash between the two leaves a copy no reader sees; a
 * mention or about item likewise, when its version is current (moveToEntityList). Safe to run while
 * ingesting (once the new code is deployed and the old code's last invocations are over), and to run again.
 */
export async function migrate(table: Table, onProgress: (progress: MigrationProgress) => void = () => {}): Promise<MigrationProgress> {
  let moved = 0;
  let converted = 0;
  let names = 0;
  let mentions = 0;
  let about = 0;
  for (const format1 of UNSHARDED_LISTS) {
    const { list, identity } = format1;
    for (;;) {
      const items = await firstPage(table, format1, PAGE);
      if (items.length === 0) break;
      let movedNow = 0;
      await forEachLimited(items, PARALLEL_UPDATES, async (item) => {
        try {
          await table.client.send(
            new UpdateCommand({
              TableName: table.tableName,
              Key: { pk: item.pk, sk: item.sk },
              UpdateExpression: 'SET #pk = :shard',
              ConditionExpression: '#pk = :unsharded',
              ExpressionAttributeNames: { '#pk': `${list.index}pk` },
              ExpressionAttributeValues: { ':shard': list.shard(identity(item)), ':unsharded': list.unsharded },
            }),
          );
          movedNow++;
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
      });
      moved += movedNow;
      onProgress({ moved, converted, names, mentions, about });
      if (movedNow === 0) await sleep(INDEX_LAG_MS);
    }
  }
  await scanLegacyAggregates(table, async (items) => {
    await forEachLimited(items, PARALLEL_CONVERSIONS, async (item) => {
      if ((await convertLegacy(table, item.sk === 'SPEAKER' ? 'speaker' : 'entity', item)) > 0) converted++;
    });
    onProgress({ moved, converted, names, mentions, about });
    return true;
  });
  await scanFormat3Lists(table, async (items) => {
    await forEachLimited(items, PARALLEL_UPDATES, async (item) => {
      if (item.itemType === 'mention') {
        if (await moveToEntityList(table, item)) mentions++;
        return;
      }
      if (item.itemType === StatementItem.ABOUT_ITEM_TYPE) {
        if (await moveToEntityList(table, item)) about++;
        return;
      }
      await table.client.send(new PutCommand({ TableName: table.tableName, Item: listedName(item) }));
      await table.client.send(new DeleteCommand({ TableName: table.tableName, Key: { pk: item.pk, sk: item.sk } }));
      names++;
    });
    onProgress({ moved, converted, names, mentions, about });
    return true;
  });
  await recordFormat(table);
  return { moved, converted, names, mentions, about };
}
