/**
 * What was said about an entity (lists.entityStatements): every statement whose words name it, whoever
 * said it, newest first and in reading order within an article, each once across pages; gone with the
 * version of the article that said it (a replace without it, a delete).
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedArticle } from '../../../shared/model/parsed.ts';
import { dynamoBackends, type DynamoInstance } from '../../support/dynamo.ts';
import type { TestStore } from '../../support/store.ts';
import { all, article, named, SAID, source, storeFor } from './helpers.ts';

const SPEAKERS = ['Hakob Vardanyan', 'Ana Pérez', 'Lena Meyer'];

function aboutArticle(day: number, said = SAID): ParsedArticle {
  const parsed = article({
    key: `about/${day}.txt`,
    publishedAt: `2023-08-${String(day + 1).padStart(2, '0')}`,
    statements: said.map(([text], index) => ({ speaker: SPEAKERS[(day + index) % SPEAKERS.length]!, text: `${text} (${day})` })),
    entities: [
      { name: 'Yerevan', type: 'location' },
      { name: 'Baku', type: 'location' },
    ],
  });
  parsed.statements = parsed.statements.map((statement, index) => ({ ...statement, entities: named(statement.text, said[index]![1]) }));
  return parsed;
}

describe.each(dynamoBackends.filter((backend) => !backend.skipReason))('what was said about an entity on $name', (backend) => {
  let dynamo: DynamoInstance;
  let store: TestStore;
  const articles: ParsedArticle[] = [];
  const DAYS = 12;

  beforeAll(async () => {
    dynamo = await backend.start();
    store = storeFor(dynamo);
    // Saved out of date order, so that the order read is the index's, not the upload's.
    for (const day of [...Array(DAYS).keys()].sort((a, b) => (a * 7) % DAYS - (b * 7) % DAYS)) {
      const parsed = aboutArticle(day);
      articles[day] = parsed;
      await store.saveArticles(source(`about/${day}.txt`, '01'), [parsed], 1);
    }
  });
  afterAll(async () => dynamo?.stop());

  const expected = (id: string, of = articles) =>
    [...of].reverse().flatMap((parsed) => parsed.statements.filter((s) => s.entities.some((e) => e.id === id)).map((s) => s.text));
  const listAll = (id: string, limit: number, range: { from?: string; to?: string } = {}) =>
    all((cursor) => store.listEntityStatements({ id, limit, cursor, ...range }));

  it('lists every statement naming it, newest first, reading order within an article, each once across pages', async () => {
    for (const [id, limit] of [['yerevan', 1], ['yerevan', 3], ['baku', 5], ['baku', 100]] as const) {
      const listed = await listAll(id, limit);
      expect(listed.map((s) => s.text), `${id} by ${limit}`).toEqual(expected(id));
      expect(new Set(listed.map((s) => s.id)).size).toBe(listed.length);
      expect(listed.every((s) => s.entities.some((e) => e.id === id))).toBe(true);
    }
    // Whoever said it: several speakers, each statement with its own.
    const speakers = new Set((await listAll('yerevan', 100)).map((s) => s.speaker.name));
    expect([...speakers].sort()).toEqual([...SPEAKERS].sort());
  });

  it('answers the statement record the article lists, without the store-only `about` list', async () => {
    const { items } = await store.listEntityStatements({ id: 'baku', limit: 1 });
    const listed = await store.listArticleStatements(articles[DAYS - 1]!.id, { limit: 10 });
    expect(items[0]).toEqual(listed.items.find((s) => s.id === items[0]!.id));
    expect(items[0]).not.toHaveProperty('about');
  });

  it('keeps to a date window, and answers nothing for an entity no statement names', async () => {
    const listed = await listAll('baku', 2, { from: '2023-08-03', to: '2023-08-04' });
    expect(listed.map((s) => s.text)).toEqual(['Yerevan and Baku must talk, Yerevan first (3)', 'Baku closed the road (3)', 'Yerevan and Baku must talk, Yerevan first (2)', 'Baku closed the road (2)']);
    expect(await store.listEntityStatements({ id: 'atlantis', limit: 5 })).toEqual({ items: [], nextCursor: null });
    expect(await store.listEntityStatements({ id: 'baku', limit: 5, from: '2023-09-01', to: '2023-08-01' })).toEqual({ items: [], nextCursor: null });
  });

  it("refuses another entity's cursor, and a speaker timeline's", async () => {
    const { nextCursor } = await store.listEntityStatements({ id: 'yerevan', limit: 1 });
    await expect(store.listEntityStatements({ id: 'baku', limit: 1, cursor: nextCursor! })).rejects.toThrow(/cursor/);
    const timeline = await store.listStatements({ speaker: 'ana-perez', limit: 1 });
    await expect(store.listEntityStatements({ id: 'baku', limit: 1, cursor: timeline.nextCursor! })).rejects.toThrow(/cursor/);
  });

  it('drops what a replace no longer says, and everything of a deleted article', async () => {
    const day = DAYS - 2;
    // The new version says only the first two things: Baku is no longer named there.
    const replaced = aboutArticle(day, SAID.slice(0, 2));
    await store.saveArticles(source(`about/${day}.txt`, '02'), [replaced], 1);
    const now = articles.map((parsed, index) => (index === day ? replaced : parsed));
    expect((await listAll('baku', 2)).map((s) => s.text)).toEqual(expected('baku', now));
    expect((await listAll('yerevan', 2)).map((s) => s.text)).toEqual(expected('yerevan', now));

    await store.deleteSource(source(`about/${day}.txt`, '03'));
    const left = now.filter((_, index) => index !== day);
    expect((await listAll('yerevan', 2)).map((s) => s.text)).toEqual(expected('yerevan', left));
    // Settled: no item of the article is left behind in the entity's partition, not just filtered out.
    const { Items = [] } = await dynamo.documentClient.send(
      new QueryCommand({
        TableName: dynamo.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :about)',
        ExpressionAttributeValues: { ':pk': 'ENTITY#yerevan', ':about': 'ABOUT#' },
      }),
    );
    expect(Items.filter((item) => item.articleId === replaced.id)).toEqual([]);
    expect(Items).toHaveLength(expected('yerevan', left).length);
  });
});
