/**
 * The merge of a list spread over index shards, on real Query semantics: whatever the items, page size,
 * direction and range, walking the pages returns every visible item in range exactly once, in sort-key order,
 * including items that share a sort key (two versions of one article) and pages whose items are mostly hidden.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CursorCodec } from '../../../shared/store/cursor.ts';
import { batchWrite, putRequest } from '../../../shared/store/dynamodb/batch.ts';
import { lists } from '../../../shared/store/dynamodb/keys.ts';
import { shardedPage } from '../../../shared/store/dynamodb/sharded-paging.ts';
import { InvalidCursorError } from '../../../shared/store/port.ts';
import { dynamoBackends, type DynamoInstance } from '../../support/dynamo.ts';

const SHARDS = 4;
const codec = new CursorCodec('sharded-paging-test');
/** A position on any gsi1 list: table key and gsi1 key. */
const GSI1_POSITION = lists.articlesByDate.keyAttributes;

/** As the store does: the shard follows from what the sort key names, so equal sort keys share a shard. */
const shardOf = (sortKey: string) => createHash('md5').update(sortKey).digest().readUInt32BE(0) % SHARDS;

interface Listed {
  sortKey: string;
  copy: number;
  hidden: boolean;
}

const listedItems = fc.uniqueArray(
  fc.record({ sortKey: fc.integer({ min: 0, max: 60 }).map((n) => `2024-01-${String(n).padStart(2, '0')}`), copies: fc.integer({ min: 1, max: 3 }), hidden: fc.boolean() }),
  { maxLength: 40, selector: (spec) => spec.sortKey },
);

describe.each(dynamoBackends.filter((backend) => !backend.skipReason))('sharded paging on $name', (backend) => {
  let dynamo: DynamoInstance;
  let run = 0;

  beforeAll(async () => {
    dynamo = await backend.start();
  });

  afterAll(async () => {
    await dynamo?.stop();
  });

  /** Writes the items into fresh partitions and returns a function that walks all pages of a query over them. */
  async function store(items: Listed[]) {
    const list = `LIST${run++}`;
    const partitions = Array.from({ length: SHARDS }, (_, shard) => `${list}#${shard}`);
    await batchWrite(
      dynamo.documentClient,
      dynamo.tableName,
      items.map((item) =>
        putRequest({
          pk: `${list}#${item.sortKey}#${item.copy}`,
          sk: 'ITEM',
          gsi1pk: partitions[shardOf(item.sortKey)],
          gsi1sk: item.sortKey,
          copy: item.copy,
          hidden: item.hidden,
        }),
      ),
    );
    return async (options: { limit: number; newestFirst: boolean; range: { lower?: string; upper?: string } }) => {
      const seen: Record<string, unknown>[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages <= items.length + 1; pages++) {
        const page = await shardedPage({
          client: dynamo.documentClient,
          tableName: dynamo.tableName,
          codec,
          scope: [list],
          list: { index: 'gsi1', partitions, keyAttributes: GSI1_POSITION },
          ...options,
          cursor,
          select: async (raw) => raw.map((item) => (item.hidden ? null : item)),
        });
        expect(page.items.length).toBeLessThanOrEqual(options.limit);
        seen.push(...page.items);
        if (!page.nextCursor) return seen;
        cursor = page.nextCursor;
      }
      throw new Error('the walk did not end');
    };
  }

  it('returns every visible item in range once, in order, page after page', async () => {
    await fc.assert(
      fc.asyncProperty(
        listedItems,
        fc.integer({ min: 1, max: 7 }),
        fc.boolean(),
        fc.option(fc.integer({ min: 0, max: 60 })),
        fc.option(fc.integer({ min: 0, max: 60 })),
        async (specs, limit, newestFirst, lower, upper) => {
          const items = specs.flatMap((spec) => Array.from({ length: spec.copies }, (_, copy) => ({ sortKey: spec.sortKey, copy, hidden: spec.hidden })));
          const walk = await store(items);
          const bound = (n: number | null) => (n === null ? undefined : `2024-01-${String(n).padStart(2, '0')}`);
          const range = { lower: bound(lower), upper: bound(upper) };
          if (range.lower !== undefined && range.upper !== undefined && range.lower > range.upper) return;
          const seen = await walk({ limit, newestFirst, range });

          const expected = items
            .filter((item) => !item.hidden)
            .filter((item) => (range.lower === undefined || item.sortKey >= range.lower) && (range.upper === undefined || item.sortKey <= range.upper));
          const identity = (sortKey: unknown, copy: unknown) => `${String(sortKey)}/${String(copy)}`;
          expect(seen.map((item) => identity(item.gsi1sk, item.copy)).sort()).toEqual(expected.map((item) => identity(item.sortKey, item.copy)).sort());
          const order = seen.map((item) => String(item.gsi1sk));
          expect(order).toEqual([...order].sort((a, b) => (newestFirst ? b.localeCompare(a) : a.localeCompare(b))));
        },
      ),
      { numRuns: backend.name === 'dynalite' ? 60 : 15 },
    );
  }, 120_000);

  it('refuses a cursor whose shard is not one of the list’s', async () => {
    const walk = await store([]);
    await walk({ limit: 1, newestFirst: true, range: {} });
    const forged = codec.encode([`LIST${run - 1}`], { pk: 'x', sk: 'y', gsi1pk: 'ELSEWHERE#0', gsi1sk: '2024-01-01' });
    await expect(
      shardedPage({
        client: dynamo.documentClient,
        tableName: dynamo.tableName,
        codec,
        scope: [`LIST${run - 1}`],
        list: { index: 'gsi1', partitions: [`LIST${run - 1}#0`], keyAttributes: GSI1_POSITION },
        range: {},
        newestFirst: true,
        limit: 1,
        cursor: forged,
        select: async (raw) => raw,
      }),
    ).rejects.toBeInstanceOf(InvalidCursorError);
  });
});
