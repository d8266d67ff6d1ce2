/**
 * Batched reads and writes: BatchWriteItem takes at most 25 requests and BatchGetItem 100 keys, and either
 * may hand back part of the batch unprocessed under load; that part is retried with backoff.
 */
import { BatchGetCommand, BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TableKey } from './keys.ts';

const WRITE_BATCH = 25;
const GET_BATCH = 100;
const MAX_ATTEMPTS = 10;
/** Batches in flight at once: enough to overlap round trips without flooding a small table. */
const PARALLEL_BATCHES = 4;

type WriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Record<string, unknown> } };

export const putRequest = (item: Record<string, unknown>): WriteRequest => ({ PutRequest: { Item: item } });
export const deleteRequest = (key: TableKey): WriteRequest => ({ DeleteRequest: { Key: { pk: key.pk, sk: key.sk } } });

const backoff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.min(1000, 20 * 2 ** attempt * Math.random())));

export function chunks<T>(values: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < values.length; start += size) out.push(values.slice(start, start + size));
  return out;
}

/** Runs `task` over `values` with at most `limit` promises pending. */
export async function forEachLimited<T>(values: readonly T[], limit: number, task: (value: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < values.length) await task(values[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, values.length) }, worker));
}

function keyOf(request: WriteRequest): string {
  const key = 'PutRequest' in request ? request.PutRequest.Item : request.DeleteRequest.Key;
  return `${String(key.pk)}\u0000${String(key.sk)}`;
}

export async function batchWrite(client: DynamoDBDocumentClient, tableName: string, requests: readonly WriteRequest[]): Promise<void> {
  // DynamoDB refuses a batch that names one key twice; the last request for a key is the one that counts.
  const unique = [...new Map(requests.map((request) => [keyOf(request), request])).values()];
  await forEachLimited(chunks(unique, WRITE_BATCH), PARALLEL_BATCHES, async (batch) => {
    let pending: WriteRequest[] = batch;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= MAX_ATTEMPTS) throw new Error(`BatchWriteItem left ${pending.length} items unprocessed after ${MAX_ATTEMPTS} attempts`);
      if (attempt > 0) await backoff(attempt);
      const result = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
      pending = (result.UnprocessedItems?.[tableName] as WriteRequest[] | undefined) ?? [];
    }
  });
}

export async function batchGet(
  client: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly TableKey[],
  options: { consistent?: boolean; attributes?: string[] } = {},
): Promise<Record<string, unknown>[]> {
  const unique = [...new Map(keys.map((key) => [`${key.pk}\u0000${key.sk}`, { pk: key.pk, sk: key.sk }])).values()];
  const projection = options.attributes && {
    ProjectionExpression: ['pk', 'sk', ...options.attributes].map((_, index) => `#a${index}`).join(', '),
    ExpressionAttributeNames: Object.fromEntries(['pk', 'sk', ...options.attributes].map((name, index) => [`#a${index}`, name])),
  };
  const found: Record<string, unknown>[] = [];
  await forEachLimited(chunks(unique, GET_BATCH), PARALLEL_BATCHES, async (batch) => {
    let pending: Record<string, unknown>[] = batch;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= MAX_ATTEMPTS) throw new Error(`BatchGetItem left ${pending.length} keys unprocessed after ${MAX_ATTEMPTS} attempts`);
      if (attempt > 0) await backoff(attempt);
      const result = await client.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: options.consistent, ...projection } } }),
      );
      found.push(...((result.Responses?.[tableName] as Record<string, unknown>[] | undefined) ?? []));
      pending = (result.UnprocessedKeys?.[tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
    }
  });
  return found;
}
