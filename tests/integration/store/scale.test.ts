/**
 * Bounded items at scale (#15): one entity and one speaker named by 25,000 article versions, written
 * through the store's aggregate writer (synthetic shares, in batches as a busy ingest would settle them),
 * then 1,000 of them withdrawn. No item may depend on how many articles exist: the largest item in the
 * table stays under 4 KB, the counts are exact, paging the entity's shares returns each article once,
 * and the withdrawn ones leave 24,000. The withdrawals include the 40 earliest articles, which empties the
 * first-seen window more than once and makes the writer refill it from the share items.
 *
 * About 55,000 requests (a conditional put per share, a summary write per 16). Measured on the shared
 * 2-core machine: 53 s alone (38.5 s writing, 10.7 s withdrawing), 55 s beside the other integration
 * suites, 98 to 167 s beside the fault suite (as in `npm test`), hence the generous timeout.
 */
import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AggregateUpdater, type AggregateKind, type ShareChange } from '../../../shared/store/dynamodb/aggregates.ts';
import { byteSize } from '../../../shared/store/dynamodb/fit.ts';
import { keys } from '../../../shared/store/dynamodb/keys.ts';
import { versionToken } from '../../../shared/store/sequencer.ts';
import { startLocalDynamo } from '../../../local/dynamo.ts';
import { documentClient, localClient, type DynamoInstance } from '../../support/dynamo.ts';
import { storeFor } from './helpers.ts';

const ARTICLES = 25_000;
const WITHDRAWN = 1_000;
/** Article versions settled per call, as many Lambda batches' worth at once. */
const BATCH = 1_000;
const ENTITY = 'scale-entity';
const SPEAKER = 'scale-speaker';
const DAY_MS = 86_400_000;

const articleId = (i: number) => `article-${String(i).padStart(5, '0')}`;
/** One date per article, so first and last seen move with every withdrawal at either end. */
const dateOf = (i: number) => new Date(Date.UTC(1960, 0, 1) + i * DAY_MS).toISOString().slice(0, 10);
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
/** The 40 earliest, then every 25th from the middle of each run of 25, until there are 1,000. */
const withdrawn = [...range(0, 40), ...range(40, ARTICLES).filter((i) => i % 25 === 12)].slice(0, WITHDRAWN);

function change(kind: AggregateKind, i: number, withdraw: boolean): ShareChange {
  const spellings = kind === 'entity' ? ['Scale Entity', 'SCALE ENTITY', 'Scale Entïty'] : ['Ada Scale', 'A. Scale'];
  return {
    kind,
    id: kind === 'entity' ? ENTITY : SPEAKER,
    articleId: articleId(i),
    share: {
      count: withdraw ? 0 : 1 + (i % 3),
      date: dateOf(i),
      version: versionToken(withdraw ? '0200' : '0100', 1),
      info: {
        name: spellings[i % spellings.length] as string,
        type: kind === 'entity' ? (i % 10 === 0 ? 'organization' : 'location') : 'person',
        // More distinct aliases than a ranked count keeps: the bound is what holds the item's size.
        titles: kind === 'speaker' ? [`title ${i % 40}`] : [],
        aliases: [`alias ${i % 100}`],
      },
    },
  };
}

let dynamo: DynamoInstance;
let updater: AggregateUpdater;

async function settle(indexes: number[], withdraw: boolean): Promise<void> {
  for (let start = 0; start < indexes.length; start += BATCH) {
    const batch = indexes.slice(start, start + BATCH);
    await updater.apply(batch.flatMap((i) => [change('entity', i, withdraw), change('speaker', i, withdraw)]));
  }
}

/** The entity's share items, a page of at most `limit` at a time: each article id once, and whether it is live. */
async function pageShares(limit: number): Promise<{ ids: string[]; live: number; pages: number }> {
  const ids: string[] = [];
  let live = 0;
  let pages = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamo.documentClient.send(
      new QueryCommand({
        TableName: dynamo.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :share)',
        ExpressionAttributeValues: { ':pk': keys.entity(ENTITY).pk, ':share': keys.sharePrefix },
        ExclusiveStartKey: start,
        Limit: limit,
      }),
    );
    pages++;
    for (const item of page.Items ?? []) {
      ids.push(item.articleId as string);
      if ((item.count as number) > 0) live++;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return { ids, live, pages };
}

async function largestItem(): Promise<{ bytes: number; key: string; items: number }> {
  let largest = { bytes: 0, key: '', items: 0 };
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamo.documentClient.send(new ScanCommand({ TableName: dynamo.tableName, ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) {
      const bytes = byteSize(item);
      largest = bytes > largest.bytes ? { bytes, key: `${String(item.pk)} | ${String(item.sk)}`, items: largest.items + 1 } : { ...largest, items: largest.items + 1 };
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return largest;
}

beforeAll(async () => {
  // dynalite in a worker thread, as `npm start` runs it: the SDK's work and the database's go on two cores.
  const tableName = 'scale';
  const local = await startLocalDynamo({ port: 0, tableName });
  const client = localClient(local.endpoint);
  dynamo = {
    endpoint: local.endpoint,
    tableName,
    client,
    documentClient: documentClient(client),
    stop: async () => {
      client.destroy();
      await local.close();
    },
  };
  updater = new AggregateUpdater({ client: dynamo.documentClient, tableName: dynamo.tableName });
});

afterAll(async () => {
  await dynamo?.stop();
});

describe('an entity and a speaker named by 25,000 article versions', () => {
  it('keep every item under 4 KB with exact counts, page each article once, and count withdrawals exactly', async () => {
    const store = storeFor(dynamo);
    const started = performance.now();
    await settle(range(0, ARTICLES), false);
    const written = (performance.now() - started) / 1000;

    const entity = await store.getEntity(ENTITY);
    expect(entity).toMatchObject({ id: ENTITY, name: 'Scale Entity', type: 'location', articleCount: ARTICLES });
    expect(entity?.mentionCount).toBe(range(0, ARTICLES).reduce((sum, i) => sum + 1 + (i % 3), 0));
    expect(entity?.aliases).toHaveLength(25);
    const speaker = await store.getSpeaker(SPEAKER);
    expect(speaker).toMatchObject({ name: 'Ada Scale', articleCount: ARTICLES, firstSeen: dateOf(0), lastSeen: dateOf(ARTICLES - 1) });
    expect(speaker?.titles).toHaveLength(25);

    const paged = await pageShares(1_000);
    expect(paged.ids).toHaveLength(ARTICLES);
    expect(new Set(paged.ids).size).toBe(ARTICLES);
    expect(paged.live).toBe(ARTICLES);

    // Replaying a batch changes nothing.
    await settle(range(0, BATCH), false);
    expect((await store.getEntity(ENTITY))?.articleCount).toBe(ARTICLES);

    const withdrawStarted = performance.now();
    await settle(withdrawn, true);
    const withdrawing = (performance.now() - withdrawStarted) / 1000;
    const remaining = range(0, ARTICLES).filter((i) => !withdrawn.includes(i));
    expect(await store.getEntity(ENTITY)).toMatchObject({
      articleCount: ARTICLES - WITHDRAWN,
      mentionCount: remaining.reduce((sum, i) => sum + 1 + (i % 3), 0),
    });
    expect(await store.getSpeaker(SPEAKER)).toMatchObject({ articleCount: ARTICLES - WITHDRAWN, firstSeen: dateOf(40), lastSeen: dateOf(ARTICLES - 1) });
    const after = await pageShares(1_000);
    expect(new Set(after.ids).size).toBe(ARTICLES);
    expect(after.live).toBe(ARTICLES - WITHDRAWN);

    const largest = await largestItem();
    console.log(
      `scale: ${ARTICLES} article versions written in ${written.toFixed(1)} s, ${WITHDRAWN} withdrawn in ${withdrawing.toFixed(1)} s; ` +
        `${largest.items} items, the largest ${largest.bytes} bytes (${largest.key})`,
    );
    expect(largest.bytes).toBeLessThan(4_096);
  }, 600_000);
});
