/**
 * Verification only (never what the API does): a whole-table Scan of a test's own table, and the
 * difference between two such dumps, item by item.
 */
import { isDeepStrictEqual } from 'node:util';
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export type Item = Record<string, unknown>;

/** An item's primary key, as the dumps are keyed. */
export const itemKey = (item: Item): string => `${String(item.pk)} | ${String(item.sk)}`;

export async function scanTable(client: DynamoDBDocumentClient, tableName: string): Promise<Map<string, Item>> {
  const items = new Map<string, Item>();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start, ConsistentRead: true }));
    for (const item of page.Items ?? []) items.set(itemKey(item), item);
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

export interface TableDiff {
  /** Keys in the reference, missing from the other table. */
  lost: string[];
  /** Keys only in the other table: a second copy of something (another version's items, a leftover). */
  extra: string[];
  /** Keys in both whose items differ (after `normalize`). */
  differing: string[];
}

export function diffTables(reference: Map<string, Item>, other: Map<string, Item>, normalize: (item: Item) => Item = (item) => item): TableDiff {
  const diff: TableDiff = { lost: [], extra: [], differing: [] };
  for (const [key, item] of reference) {
    const counterpart = other.get(key);
    if (!counterpart) diff.lost.push(key);
    else if (!isDeepStrictEqual(normalize(item), normalize(counterpart))) diff.differing.push(key);
  }
  for (const key of other.keys()) if (!reference.has(key)) diff.extra.push(key);
  return diff;
}
