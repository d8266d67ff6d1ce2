/**
 * One page of a list spread over several index partitions (keys.ts, INDEX_SHARDS): each shard is read in
 * sort-key order and the shards are merged, taking from each only as much as the page needs.
 *
 * The cursor is the last item returned, exactly as a single-partition cursor would be (its table and index
 * keys, signed with the query). Its own shard resumes right after it; the other shards resume from its sort
 * key, inclusive. That bound is exact because items with equal sort keys always share a shard (the shard is
 * chosen from what the sort key names), so no other shard holds one equal to the cursor's.
 */
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CursorCodec } from '../cursor.ts';
import { InvalidCursorError, type Page } from '../port.ts';
import { indexQuery } from './index-query.ts';
import type { ShardedList } from './keys.ts';
import { checkLimit, cursorPosition, MAX_READ, positionOf, READ_GROWTH } from './paging.ts';

export interface ShardedPageRequest<T> {
  client: DynamoDBDocumentClient;
  tableName: string;
  codec: CursorCodec;
  /** Everything that defines the query: a cursor only resumes the query it was made for. */
  scope: readonly unknown[];
  list: Pick<ShardedList<never>, 'index' | 'partitions' | 'keyAttributes'>;
  /** Inclusive bounds on the index sort key. */
  range: { lower?: string; upper?: string };
  newestFirst: boolean;
  limit: number;
  cursor?: string;
  /**
   * Narrows each shard's Query after the read (a FilterExpression; its names and values must not start
   * with `#pk`, `#sk`, `:pk`, `:lower`, `:upper`, `:prefix`). DynamoDB counts Limit before the filter, so
   * a shard's read that comes back short reads READ_GROWTH times more the next time, as paging.ts does.
   */
  filter?: { expression: string; names: Record<string, string>; values: Record<string, unknown> };
  /** Maps a raw batch to results, null for an item that must be skipped. */
  select: (items: Record<string, unknown>[]) => Promise<(T | null)[]>;
}

interface Shard {
  partition: string;
  range: { lower?: string; upper?: string };
  start: Record<string, unknown> | undefined;
  buffer: Record<string, unknown>[];
  done: boolean;
  /** Items its next Query reads at least (filtered lists: see READ_GROWTH). */
  grown: number;
}

export async function shardedPage<T>(request: ShardedPageRequest<T>): Promise<Page<T>> {
  const { limit, list, newestFirst } = request;
  checkLimit(limit);
  const pkName = `${list.index}pk`;
  const skName = `${list.index}sk`;
  const position = cursorPosition(request, list.keyAttributes);
  if (position && !list.partitions.includes(position[pkName] ?? '')) throw new InvalidCursorError();

  const shards: Shard[] = list.partitions.map((partition) => {
    if (!position || position[pkName] === partition) return { partition, range: request.range, start: position, buffer: [], done: false, grown: 0 };
    const bound = position[skName];
    const range = newestFirst ? { ...request.range, upper: bound } : { ...request.range, lower: bound };
    const empty = range.lower !== undefined && range.upper !== undefined && range.lower > range.upper;
    return { partition, range, start: undefined, buffer: [], done: empty, grown: 0 };
  });

  const fetch = async (shard: Shard, size: number) => {
    const { filter } = request;
    const query = indexQuery(list, shard.partition, shard.range, newestFirst);
    // A filtered read that came back short (fewer items than asked, the shard not done) reads more next time.
    const asked = Math.max(size, shard.grown);
    const page = await request.client.send(
      new QueryCommand({
        ...query,
        TableName: request.tableName,
        ...(filter
          ? {
              FilterExpression: filter.expression,
              ExpressionAttributeNames: { ...query.ExpressionAttributeNames, ...filter.names },
              ExpressionAttributeValues: { ...query.ExpressionAttributeValues, ...filter.values },
            }
          : {}),
        Limit: asked,
        ExclusiveStartKey: shard.start,
      }),
    );
    const items = page.Items ?? [];
    shard.buffer.push(...items);
    shard.start = page.LastEvaluatedKey;
    shard.done = page.LastEvaluatedKey === undefined;
    if (filter && !shard.done && items.length < asked) shard.grown = Math.min(MAX_READ, asked * READ_GROWTH);
  };
  const comesFirst = (a: Record<string, unknown>, b: Record<string, unknown>) =>
    newestFirst ? String(a[skName]) > String(b[skName]) : String(a[skName]) < String(b[skName]);

  const isDry = (shard: Shard) => shard.buffer.length === 0 && !shard.done;
  /** The next `count` items of the merged list (fewer at its end), reading again a shard that runs dry. */
  const take = async (count: number): Promise<Record<string, unknown>[]> => {
    const taken: Record<string, unknown>[] = [];
    while (taken.length < count) {
      // A shard's next item must be known before any other is taken. A filtered read can come back empty
      // before the shard's end, so a dry shard is read until it has an item or is done.
      for (let dry = shards.filter(isDry); dry.length > 0; dry = shards.filter(isDry)) {
        await Promise.all(dry.map((shard) => fetch(shard, count - taken.length + 1)));
      }
      let next: Shard | undefined;
      for (const shard of shards) {
        const head = shard.buffer[0];
        if (head && (!next || comesFirst(head, next.buffer[0]!))) next = shard;
      }
      const item = next?.buffer.shift();
      if (!item) break;
      taken.push(item);
    }
    return taken;
  };

  // The first read asks each shard for its share of the page. Items are selected (the visibility check)
  // a page's worth at a time, in one call, rather than per shard read.
  await Promise.all(shards.filter((shard) => !shard.done).map((shard) => fetch(shard, Math.ceil((limit + 1) / shards.length) + 1)));
  const items: T[] = [];
  for (;;) {
    // One more than needed, to know whether anything follows the last item returned.
    const batch = await take(limit - items.length + 1);
    if (batch.length === 0) return { items, nextCursor: null };
    const values = await request.select(batch);
    for (const [at, raw] of batch.entries()) {
      const value = values[at];
      if (value === null || value === undefined) continue;
      items.push(value);
      if (items.length === limit) {
        const more = at < batch.length - 1 || shards.some((shard) => shard.buffer.length > 0 || !shard.done);
        return { items, nextCursor: more ? request.codec.encode(request.scope, positionOf(raw, list.keyAttributes)) : null };
      }
    }
  }
}
