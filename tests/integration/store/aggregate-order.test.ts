/**
 * Speaker and entity records depend only on which articles are stored, never on the order they came in
 * (nor on concurrency): articles that spell and type an entity differently ("Anfield" as a location in
 * one, an organization in another) give the same items in any order, showing the name and type most
 * articles give, and a typed entity search finds the entity under the type it has now, and only under
 * that one, also after an article that gave that type is withdrawn. On dynalite and DynamoDB Local.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityType } from '../../../shared/model/article.ts';
import { slugId } from '../../../shared/model/ids.ts';
import { createTable } from '../../../shared/store/create-table.ts';
import type { TestStore } from '../../support/store.ts';
import { dynamoBackends, type DynamoInstance } from '../../support/dynamo.ts';
import { settledAggregate } from '../../support/settled-aggregates.ts';
import { all, article, source, storeFor, tableSnapshot, type ArticleSpec } from './helpers.ts';

const KLOPP = 'Jürgen Klopp';
const specs: ArticleSpec[] = [
  {
    key: 'anfield/a.txt',
    publishedAt: '2023-09-20',
    statements: [{ speaker: KLOPP, text: 'a', title: 'Liverpool manager', aliases: ['Klopp'] }],
    entities: [{ name: 'Anfield', type: 'location', count: 2 }],
  },
  {
    key: 'anfield/b.txt',
    publishedAt: '2023-09-22',
    statements: [{ speaker: 'Jurgen Klopp', text: 'b', title: 'manager', type: 'unknown' }],
    entities: [{ name: 'Anfield', type: 'organization' }],
  },
  {
    key: 'anfield/c.txt',
    publishedAt: '2023-09-18',
    statements: [{ speaker: 'jurgen klopp', text: 'c', aliases: ['Kloppo'] }],
    entities: [{ name: 'ANFIELD', type: 'location' }],
  },
];

const ANFIELD = slugId('Anfield');

describe.each(dynamoBackends.filter((backend) => !backend.skipReason))('speaker and entity records on $name', (backend) => {
  let dynamo: DynamoInstance;
  beforeAll(async () => {
    dynamo = await backend.start();
  });
  afterAll(async () => dynamo?.stop());

  async function freshStore(): Promise<{ store: TestStore; table: DynamoInstance }> {
    const table = { ...dynamo, tableName: `order-${randomUUID().slice(0, 8)}` };
    await createTable(dynamo.client, table.tableName);
    return { store: storeFor(table), table };
  }

  const save = (store: TestStore, index: number) => {
    const spec = specs[index] as ArticleSpec;
    return store.saveArticles(source(spec.key, '0100'), [article(spec)], 1);
  };
  /** Speaker and entity items (aggregates and name index), whole but for the write counter, summaries settled. */
  const aggregateItems = async (table: DynamoInstance) =>
    (await tableSnapshot(table, ['revision'])).filter((item) => /^(SPEAKER|ENTITY)#/.test(String(item.pk))).map(settledAggregate);
  const typedSearch = async (store: TestStore, type: EntityType) =>
    (await all((cursor) => store.searchEntities({ prefix: 'anf', type, limit: 1, cursor }))).map((entity) => entity.id);

  it('stores the same items whatever order the articles come in, one by one or at once', async () => {
    const orders = [[0, 1, 2], [2, 1, 0], [1, 2, 0]];
    const results = [];
    for (const order of orders) {
      const { store, table } = await freshStore();
      for (const index of order) await save(store, index);
      results.push(await aggregateItems(table));
    }
    const { store, table } = await freshStore();
    await Promise.all(specs.map((_, index) => save(store, index)));
    results.push(await aggregateItems(table));

    expect(results[0]?.length).toBeGreaterThan(2);
    for (const result of results.slice(1)) expect(result).toEqual(results[0]);
    // Two articles of three spell it "Anfield" and call it a location: the most frequent name and type show.
    expect(await store.getEntity(ANFIELD)).toMatchObject({ name: 'Anfield', type: 'location', articleCount: 3, mentionCount: 4 });
    expect(await store.getSpeaker(slugId(KLOPP))).toMatchObject({
      name: KLOPP,
      type: 'person',
      titles: ['Liverpool manager', 'manager'],
      aliases: ['Klopp', 'Kloppo'],
      statementCount: 3,
      firstSeen: '2023-09-18',
      lastSeen: '2023-09-22',
    });
  });

  it('finds an entity under its current type only, and follows the type when an article giving it is withdrawn', async () => {
    const { store } = await freshStore();
    for (const index of [0, 1, 2]) await save(store, index);
    expect(await typedSearch(store, 'location')).toEqual([ANFIELD]);
    expect(await typedSearch(store, 'organization')).toEqual([]);
    expect((await all((cursor) => store.searchEntities({ prefix: 'anf', limit: 1, cursor }))).map((entity) => entity.id)).toEqual([ANFIELD]);

    // One of the two articles typing Anfield as a location is deleted: one location, one organization
    // remain, and between equally frequent types the fixed preference picks the organization.
    await store.deleteSource(source('anfield/c.txt', '0200'));
    expect(await typedSearch(store, 'organization')).toEqual([ANFIELD]);
    expect(await typedSearch(store, 'location')).toEqual([]);

    // What is shown is what the remaining articles alone would give.
    const { store: remaining } = await freshStore();
    for (const index of [1, 0]) await save(remaining, index);
    for (const reader of [store, remaining]) {
      expect(await reader.getEntity(ANFIELD)).toEqual({ id: ANFIELD, name: 'Anfield', type: 'organization', aliases: [], articleCount: 2, mentionCount: 3 });
    }
    expect(await store.getSpeaker(slugId(KLOPP))).toEqual(await remaining.getSpeaker(slugId(KLOPP)));
    expect(await store.getSpeaker(slugId(KLOPP))).toMatchObject({
      name: KLOPP,
      titles: ['Liverpool manager', 'manager'],
      aliases: ['Klopp'],
      firstSeen: '2023-09-20',
      lastSeen: '2023-09-22',
      statementCount: 2,
    });
  });
});
