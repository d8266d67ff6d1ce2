/**
 * The table's layout version, and the step that moves an older table to the current one without losing
 * an article. Formats:
 *   1. every article, ingestion record and parser-version record in one index partition each;
 *   2. those lists spread over index shards (keys.ts, INDEX_SHARDS).
 * The version is an item of the table, written when a migration finishes. A table without it is of the
 * current format unless it still holds format-1 index entries (a deployment from before the item existed).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { forEachLimited } from './batch.ts';
import { lists, type TableKey } from './keys.ts';

export const STORE_FORMAT = 2;

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

export async function storedFormat(table: Table): Promise<number> {
  const { Item } = await table.client.send(new GetCommand({ TableName: table.tableName, Key: FORMAT_KEY, ConsistentRead: true }));
  if (Item) return Item.format as number;
  for (const format1 of UNSHARDED_LISTS) if ((await firstPage(table, format1, 1)).length > 0) return 1;
  return STORE_FORMAT;
}

/**
 * Moves every format-1 index entry to its shard, then records the format. Only the index key changes, in
 * place and on the condition that it is still the old one: an item a writer replaced meanwhile is already
 * in the new layout and is left alone. Safe to run while ingesting, and to run again.
 */
export async function migrate(table: Table, onProgress: (moved: number) => void = () => {}): Promise<number> {
  let moved = 0;
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
      onProgress(moved);
      if (movedNow === 0) await sleep(INDEX_LAG_MS);
    }
  }
  await table.client.send(
    new PutCommand({ TableName: table.tableName, Item: { ...FORMAT_KEY, itemType: 'store-format', format: STORE_FORMAT } }),
  );
  return moved;
}
