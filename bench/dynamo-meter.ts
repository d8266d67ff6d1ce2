/**
 * Counts what a DynamoDB client sends: requests per operation, items written, and their size as
 * DynamoDB bills it; and how many bytes come back. An SDK middleware in the build step sees each command's serialized request once
 * (SDK-level retries of the same request are not counted again; the store's own re-sends of unprocessed
 * items are separate commands and are counted).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { TABLE_INDEXES } from '../shared/store/table.ts';

type AttributeValue = Record<string, unknown>;
type Item = Record<string, AttributeValue>;

export const WRITE_OPERATIONS = ['BatchWriteItem', 'PutItem', 'UpdateItem', 'DeleteItem'] as const;
export const READ_OPERATIONS = ['GetItem', 'BatchGetItem', 'Query', 'Scan'] as const;

export interface Usage {
  /** Requests by operation name (BatchWriteItem, Query, ...). */
  requests: Record<string, number>;
  itemsWritten: number;
  /** Size of the items put, by DynamoDB's rules (attribute names + values); keys only for deletes. */
  bytesWritten: number;
  /** On-demand write request units on the base table: one per started KB per item. */
  writeUnits: number;
  /**
   * The same per GSI, by index name: an item written with both of an index's key attributes is written to
   * it too (projection ALL: the same size). A lower bound: an overwrite that takes an item out of an index,
   * or changes its index key, also costs an index delete, which the request does not show.
   */
  indexWriteUnits: Record<string, number>;
  /** Write units (base table and indexes together) by the written item's `itemType` ("(delete)" for a delete's key). */
  writeUnitsByType: Record<string, number>;
  /** Items written, by the same types. */
  itemsByType: Record<string, number>;
  /**
   * On-demand read request units, as the table reports them consumed (ReturnConsumedCapacity, which the meter
   * asks of every read): per item read, whole, whatever the projection returns, and for a key that finds
   * nothing; a Query by all it reads before its filter; half when eventually consistent.
   */
  readUnits: number;
  /** Bytes of DynamoDB's JSON answers (content-length): what reads cost in transfer, type tags included. */
  bytesReceived: number;
}

export const emptyUsage = (): Usage => ({
  requests: {},
  itemsWritten: 0,
  bytesWritten: 0,
  writeUnits: 0,
  indexWriteUnits: Object.fromEntries(TABLE_INDEXES.map((index) => [index.name, 0])),
  writeUnitsByType: {},
  itemsByType: {},
  readUnits: 0,
  bytesReceived: 0,
});

/** A copy of the counts so far, to subtract from later ones (usageDelta). */
export const snapshot = (usage: Usage): Usage => ({
  ...usage,
  requests: { ...usage.requests },
  indexWriteUnits: { ...usage.indexWriteUnits },
  writeUnitsByType: { ...usage.writeUnitsByType },
  itemsByType: { ...usage.itemsByType },
});

function countsDelta(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(after).map(([name, count]) => [name, count - (before[name] ?? 0)]));
}

export function usageDelta(after: Usage, before: Usage): Usage {
  const requests: Record<string, number> = {};
  for (const [operation, count] of Object.entries(after.requests)) {
    const delta = count - (before.requests[operation] ?? 0);
    if (delta > 0) requests[operation] = delta;
  }
  return {
    requests,
    itemsWritten: after.itemsWritten - before.itemsWritten,
    bytesWritten: after.bytesWritten - before.bytesWritten,
    writeUnits: after.writeUnits - before.writeUnits,
    indexWriteUnits: countsDelta(after.indexWriteUnits, before.indexWriteUnits),
    writeUnitsByType: countsDelta(after.writeUnitsByType, before.writeUnitsByType),
    itemsByType: countsDelta(after.itemsByType, before.itemsByType),
    readUnits: after.readUnits - before.readUnits,
    bytesReceived: after.bytesReceived - before.bytesReceived,
  };
}

export const countOf = (usage: Usage, operations: readonly string[]): number =>
  operations.reduce((sum, operation) => sum + (usage.requests[operation] ?? 0), 0);

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

/** Size of one attribute value as DynamoDB counts it (see "Item sizes and formats" in its guide). */
function valueSize(value: AttributeValue): number {
  // A deserialized answer's value may list its type's siblings as undefined: the type is the one that is set.
  const [type, content] = Object.entries(value).find(([, set]) => set !== undefined) ?? ['NULL', true];
  switch (type) {
    case 'S':
      return utf8(content as string);
    case 'N':
      return Math.ceil((content as string).replace(/^-|\.|e.*$/gi, '').replace(/^0+/, '').length / 2) + 1;
    case 'B':
      return typeof content === 'string' ? Buffer.from(content, 'base64').byteLength : (content as Uint8Array).byteLength;
    case 'SS':
      return (content as string[]).reduce((sum, text) => sum + utf8(text), 0);
    case 'NS':
      return (content as string[]).reduce((sum, number) => sum + valueSize({ N: number }), 0);
    case 'L':
      return 3 + (content as AttributeValue[]).reduce((sum, element) => sum + 1 + valueSize(element), 0);
    case 'M':
      return 3 + itemSize(content as Item) + Object.keys(content as Item).length;
    default: // BOOL, NULL
      return 1;
  }
}

/** An item's size as DynamoDB bills it; it takes the SDK's own AttributeValue maps too (a raw client's answers). */
export const itemSize = (item: Readonly<Record<string, object | undefined>>): number =>
  Object.entries(item).reduce((sum, [name, value]) => (value === undefined ? sum : sum + utf8(name) + valueSize(value as AttributeValue)), 0);

function recordWrite(usage: Usage, item: Item, itemType: string): void {
  const size = itemSize(item);
  const units = Math.max(1, Math.ceil(size / 1024));
  usage.itemsWritten++;
  usage.bytesWritten += size;
  usage.writeUnits += units;
  let allUnits = units;
  // A delete's key and an update's values name no index attributes: their index writes are not seen.
  for (const index of TABLE_INDEXES) {
    if (item[index.partitionKey] && item[index.sortKey]) {
      usage.indexWriteUnits[index.name] = (usage.indexWriteUnits[index.name] ?? 0) + units;
      allUnits += units;
    }
  }
  usage.writeUnitsByType[itemType] = (usage.writeUnitsByType[itemType] ?? 0) + allUnits;
  usage.itemsByType[itemType] = (usage.itemsByType[itemType] ?? 0) + 1;
}

const typeOf = (item: Item | undefined): string => String(item?.itemType?.S ?? '(untyped)');

interface RequestBody {
  RequestItems?: Record<string, { PutRequest?: { Item: Item }; DeleteRequest?: { Key: Item } }[]>;
  Item?: Item;
  Key?: Item;
  ExpressionAttributeValues?: Item;
}

function recordRequest(usage: Usage, operation: string, body: RequestBody): void {
  usage.requests[operation] = (usage.requests[operation] ?? 0) + 1;
  if (operation === 'BatchWriteItem') {
    for (const requests of Object.values(body.RequestItems ?? {})) {
      for (const request of requests) {
        if (request.PutRequest) recordWrite(usage, request.PutRequest.Item, typeOf(request.PutRequest.Item));
        else recordWrite(usage, request.DeleteRequest?.Key ?? {}, '(delete)');
      }
    }
  } else if (operation === 'PutItem') {
    recordWrite(usage, body.Item ?? {}, typeOf(body.Item));
  } else if (operation === 'DeleteItem') {
    recordWrite(usage, body.Key ?? {}, '(delete)');
  } else if (operation === 'UpdateItem') {
    // The billed size is that of the whole item after the update, which the request does not show:
    // the key plus the values it sets is a lower bound.
    recordWrite(usage, { ...body.Key, ...body.ExpressionAttributeValues }, '(update)');
  }
}

/** A read's ConsumedCapacity: one entry, or one per table for BatchGetItem. */
type ConsumedCapacity = { CapacityUnits?: number } | { CapacityUnits?: number }[] | undefined;

/** The read units an answer says it consumed (see Usage.readUnits). */
export const consumedUnits = (consumed: ConsumedCapacity): number =>
  (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []).reduce((sum, entry) => sum + (entry.CapacityUnits ?? 0), 0);

const READ_COMMANDS = new Set(READ_OPERATIONS.map((operation) => `${operation}Command`));

/** The JSON the SDK serialized: a string, or (SDK v3 since 2025) bytes in a Uint8Array subclass. */
function bodyText(body: unknown): string {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  return '';
}

/** Adds the counting middleware to a client (and so to every DocumentClient made from it). */
export function meterClient(client: DynamoDBClient): Usage {
  const usage = emptyUsage();
  // Every read reports what it consumed, as DynamoDB (and dynalite) bill it.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (READ_COMMANDS.has(context.commandName ?? '')) Object.assign(args.input as object, { ReturnConsumedCapacity: 'TOTAL' });
      return next(args);
    },
    { step: 'initialize', name: 'benchReadCapacity' },
  );
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { headers?: Record<string, string>; body?: unknown };
      const target = request.headers?.['x-amz-target'] ?? '';
      const operation = target.slice(target.indexOf('.') + 1);
      if (operation) recordRequest(usage, operation, JSON.parse(bodyText(request.body) || '{}') as RequestBody);
      const result = await next(args);
      usage.readUnits += consumedUnits((result.output as { ConsumedCapacity?: ConsumedCapacity }).ConsumedCapacity);
      return result;
    },
    { step: 'build', name: 'benchUsageMeter' },
  );
  client.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const headers = (result.response as { headers?: Record<string, string> }).headers ?? {};
      usage.bytesReceived += Number(headers['content-length'] ?? 0);
      return result;
    },
    { step: 'deserialize', name: 'benchResponseMeter' },
  );
  return usage;
}
