/**
 * Moving a table of the unsharded layout (store format 1) to the current one: the format is recognised,
 * `migrate` moves every list entry to its shard without losing one, and afterwards every list is whole.
 */
import { ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, STORE_FORMAT, storedFormat } from '../../../shared/store/dynamodb/store-format.ts';
import { startDynalite, type DynamoInstance } from '../../support/dynamo.ts';
import { all, article, source, storeFor } from './helpers.ts';

const ARTICLES = 30;
const KEYS = Array.from({ length: ARTICLES }, (_, i) => `format/${String(i).padStart(2, '0')}.txt`);
const REJECTED = 'format/binary.pdf';
let dynamo: DynamoInstance;

/** Puts every list entry back in the single partition format 1 kept it in, as an older deployment has it. */
async function unshard(): Promise<number> {
  const { Items = [] } = await dynamo.documentClient.send(new ScanCommand({ TableName: dynamo.tableName }));
  let entries = 0;
  for (const item of Items) {
    for (const index of ['gsi1', 'gsi2']) {
      const partition = String(item[`${index}pk`] ?? '');
      const list = ['ARTICLES', 'INGESTIONS', 'PARSERS'].find((name) => partition.startsWith(`${name}#`));
      if (!list) continue;
      entries++;
      await dynamo.documentClient.send(
        new UpdateCommand({
          TableName: dynamo.tableName,
          Key: { pk: item.pk, sk: item.sk },
          UpdateExpression: 'SET #pk = :list',
          ExpressionAttributeNames: { '#pk': `${index}pk` },
          ExpressionAttributeValues: { ':list': list },
        }),
      );
    }
  }
  return entries;
}

beforeAll(async () => {
  dynamo = await startDynalite();
});

afterAll(async () => {
  await dynamo?.stop();
});

describe('store format', () => {
  it('takes an empty table for the current format', async () => {
    expect(await storedFormat({ client: dynamo.documentClient, tableName: dynamo.tableName })).toBe(STORE_FORMAT);
  });

  it('recognises the unsharded layout and migrates it without losing a list entry', async () => {
    const store = storeFor(dynamo);
    const table = { client: dynamo.documentClient, tableName: dynamo.tableName };
    for (const [i, key] of KEYS.entries()) {
      await store.saveArticles(source(key, '01'), [article({ key, publishedAt: `2023-09-${String(1 + (i % 28)).padStart(2, '0')}` })], 1);
    }
    await store.recordRejection(source(REJECTED, '01'), { code: 'binary', message: 'not text' }, 1);
    // articles (gsi1) + ingestions (gsi1) + parser versions (gsi2) of each object.
    expect(await unshard()).toBe(ARTICLES + 2 * (ARTICLES + 1));
    expect(await storedFormat(table)).toBe(1);
    expect((await store.listArticles({ limit: 100 })).items).toEqual([]);

    const progress: number[] = [];
    expect(await migrate(table, (moved) => progress.push(moved))).toBe(ARTICLES + 2 * (ARTICLES + 1));
    expect(progress.at(-1)).toBe(ARTICLES + 2 * (ARTICLES + 1));
    expect(await storedFormat(table)).toBe(STORE_FORMAT);

    const listed = await all((cursor) => store.listArticles({ limit: 7, cursor }));
    expect(listed.map((record) => record.source.key).sort()).toEqual(KEYS);
    expect(listed.map((record) => record.metadata.publishedAt)).toEqual(listed.map((record) => record.metadata.publishedAt).sort().reverse());
    expect((await all((cursor) => store.listIngestions({ limit: 7, cursor }))).map((record) => record.key).sort()).toEqual([...KEYS, REJECTED].sort());
    expect(await all((cursor) => store.listIngestionsMadeBefore(2, { limit: 7, cursor }))).toHaveLength(ARTICLES + 1);

    // A second run finds nothing left to move.
    expect(await migrate(table)).toBe(0);
  });
});
