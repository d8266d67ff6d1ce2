/**
 * Reads the web view depends on, against the embedded DynamoDB: articles with and without a publication
 * date listed apart (a filter on the sharded list), the first words that name an untitled article
 * where only its statements or mentions are read, a speaker's timeline narrowed to an entity, and one
 * statement by its id.
 */
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedArticle } from '../../../shared/model/parsed.ts';
import { meter } from '../../../shared/store/dynamodb/metering.ts';
import { documentClient, dynamoBackends, localClient, type DynamoInstance } from '../../support/dynamo.ts';
import type { TestStore } from '../../support/store.ts';
import { all, article, named, SAID, source, storeFor } from './helpers.ts';

const VARDANYAN = 'Hakob Vardanyan';

const LEAD = 'Minister Ana Pérez said on Monday that the bridge would reopen before winter.';

describe.each(dynamoBackends.filter((backend) => !backend.skipReason))('web reads on $name', (backend) => {
  let dynamo: DynamoInstance;
  let store: TestStore;
  const dated: ParsedArticle[] = [];
  const undated: ParsedArticle[] = [];

  beforeAll(async () => {
    dynamo = await backend.start();
    store = storeFor(dynamo);
    // Dated articles of September, uploaded in October; undated ones uploaded after them, so that by upload
    // time alone every undated article would come first. A few of each are untitled.
    for (let i = 0; i < 14; i++) {
      const parsed = article({
        key: `web/dated-${i}.txt`,
        title: i % 5 === 0 ? null : `Dated ${i}`,
        publishedAt: `2023-09-${String(i + 1).padStart(2, '0')}`,
        statements: [{ speaker: 'Ana Pérez', text: `dated ${i}` }],
        entities: [{ name: 'Lachin Corridor', type: 'location' }],
      });
      parsed.metadata.summary = LEAD;
      dated.push(parsed);
      await store.saveArticles(source(`web/dated-${i}.txt`, '01', '2023-10-01T08:00:00.000Z'), [parsed], 1);
    }
    for (let i = 0; i < 9; i++) {
      const parsed = article({
        key: `web/undated-${i}.txt`,
        title: i % 3 === 0 ? null : `Undated ${i}`,
        publishedAt: null,
        statements: [{ speaker: 'Ana Pérez', text: `undated ${i}` }],
      });
      parsed.metadata.summary = LEAD;
      undated.push(parsed);
      await store.saveArticles(source(`web/undated-${i}.txt`, '01', `2023-11-${String(i + 1).padStart(2, '0')}T08:00:00.000Z`), [parsed], 1);
    }
  });
  afterAll(async () => dynamo?.stop());

  it('lists only dated articles, by publication date, each once, however the filter splits the pages', async () => {
    for (const limit of [1, 3, 20]) {
      const listed = await all((cursor) => store.listArticles({ limit, dated: true, cursor }));
      expect(listed.map((a) => a.id), `limit ${limit}`).toEqual([...dated].reverse().map((a) => a.id));
    }
  });

  it('lists only undated articles, newest upload first', async () => {
    const listed = await all((cursor) => store.listArticles({ limit: 2, dated: false, cursor }));
    expect(listed.map((a) => a.id)).toEqual([...undated].reverse().map((a) => a.id));
    expect(listed.every((a) => a.metadata.publishedAt === null)).toBe(true);
  });

  it('without the filter, lists both as before, the undated at their upload time', async () => {
    const listed = await all((cursor) => store.listArticles({ limit: 5, cursor }));
    expect(listed.map((a) => a.id)).toEqual([...undated].reverse().concat([...dated].reverse()).map((a) => a.id));
  });

  it('refuses a cursor of the dated list for the undated one', async () => {
    const { nextCursor } = await store.listArticles({ limit: 2, dated: true });
    await expect(store.listArticles({ limit: 2, dated: false, cursor: nextCursor! })).rejects.toThrow(/cursor/);
    await expect(store.listArticles({ limit: 2, cursor: nextCursor! })).rejects.toThrow(/cursor/);
  });

  it('stores the first words of an untitled article with its statements and mentions, and nothing for a titled one', async () => {
    const timeline = await all((cursor) => store.listStatements({ speaker: 'ana-perez', limit: 10, cursor }));
    const byArticle = new Map(timeline.map((statement) => [statement.articleId, statement]));
    for (const parsed of [...dated, ...undated]) {
      const statement = byArticle.get(parsed.id);
      const expected = parsed.metadata.title === null ? 'Minister Ana Pérez said on Monday that the bridge would…' : null;
      expect(statement, parsed.id).toMatchObject({ articleTitle: parsed.metadata.title, articleLead: expected });
    }
    const mentions = await all((cursor) => store.listEntityArticles('lachin-corridor', { limit: 10, cursor }));
    expect(mentions).toHaveLength(dated.length);
    for (const mention of mentions) {
      const parsed = dated.find((a) => a.id === mention.articleId)!;
      expect(mention.lead, parsed.id).toBe(parsed.metadata.title === null ? 'Minister Ana Pérez said on Monday that the bridge would…' : null);
    }
  });

  describe('a timeline narrowed to an entity', () => {
    const about: ParsedArticle[] = [];
    beforeAll(async () => {
      // Over several articles and days, more statements than one filtered read takes, so pages cross Queries.
      for (let day = 0; day < 30; day++) {
        const parsed = article({
          key: `web/about-${day}.txt`,
          publishedAt: `2023-08-${String(day + 1).padStart(2, '0')}`,
          statements: SAID.map(([text]) => ({ speaker: VARDANYAN, text: `${text} (${day})` })),
        });
        parsed.statements = parsed.statements.map((statement, index) => ({ ...statement, entities: named(statement.text, SAID[index]![1]) }));
        about.push(parsed);
        await store.saveArticles(source(`web/about-${day}.txt`, '01'), [parsed], 1);
      }
    });

    const expected = (id: string, kind?: 'direct' | 'indirect') =>
      [...about].reverse().flatMap((parsed) => parsed.statements.filter((s) => s.entities.some((e) => e.id === id) && (!kind || s.kind === kind)).map((s) => s.text));

    it('keeps the statements whose words name it, newest first, each once across pages', async () => {
      for (const [id, limit] of [['yerevan', 7], ['baku', 100], ['yerevan', 1]] as const) {
        const listed = await all((cursor) => store.listStatements({ speaker: 'hakob-vardanyan', about: id, limit, cursor }));
        expect(listed.map((s) => s.text), `${id} by ${limit}`).toEqual(expected(id));
        expect(listed.every((s) => s.entities.some((e) => e.id === id))).toBe(true);
      }
    });

    it('combines with the kind and the date window, and keeps the filter out of the record', async () => {
      const listed = await all((cursor) => store.listStatements({ speaker: 'hakob-vardanyan', about: 'baku', kind: 'direct', from: '2023-08-10', to: '2023-08-12', limit: 2, cursor }));
      expect(listed.map((s) => s.text)).toEqual([11, 10, 9].flatMap((day) => [`Yerevan and Baku must talk, Yerevan first (${day})`, `Baku closed the road (${day})`]));
      expect(listed[0]).not.toHaveProperty('about');
      expect(await store.listStatements({ speaker: 'hakob-vardanyan', about: 'atlantis', limit: 5 })).toEqual({ items: [], nextCursor: null });
    });

    it('refuses a cursor of the whole timeline for the narrowed one', async () => {
      const { nextCursor } = await store.listStatements({ speaker: 'hakob-vardanyan', limit: 2 });
      await expect(store.listStatements({ speaker: 'hakob-vardanyan', about: 'baku', limit: 2, cursor: nextCursor! })).rejects.toThrow(/cursor/);
    });

    it('does not match a statement stored before statements carried `about`, until it is written again', async () => {
      const [latest] = about.slice(-1);
      const { Items = [] } = await dynamo.documentClient.send(
        new QueryCommand({ TableName: dynamo.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :stmt)', ExpressionAttributeValues: { ':pk': `ARTICLE#${latest!.id}`, ':stmt': 'STMT#' } }),
      );
      expect(Items.map((item) => item.about ?? null)).toEqual([['yerevan'], null, ['yerevan', 'baku'], ['baku']]);
      for (const item of Items) {
        await dynamo.documentClient.send(new UpdateCommand({ TableName: dynamo.tableName, Key: { pk: item.pk, sk: item.sk }, UpdateExpression: 'REMOVE about' }));
      }
      const listed = await all((cursor) => store.listStatements({ speaker: 'hakob-vardanyan', about: 'baku', limit: 10, cursor }));
      expect(listed.map((s) => s.text)).toEqual(expected('baku').filter((text) => !text.endsWith('(29)')));
      // Still on the whole timeline, with its entities.
      const whole = await store.listStatements({ speaker: 'hakob-vardanyan', limit: 1 });
      expect(whole.items[0]).toMatchObject({ text: 'Yerevan will not sign (29)', entities: [{ id: 'yerevan' }] });
    });
  });
  describe('one statement by its id', () => {
    const KEY = 'web/one-statement.txt';
    let first: ParsedArticle;
    beforeAll(async () => {
      first = article({
        key: KEY,
        statements: [
          { speaker: 'Ana Pérez', text: 'the bridge will reopen' },
          { speaker: 'Tom Tate', text: 'not before spring', kind: 'indirect' },
        ],
        entities: [{ name: 'Kalna Bridge', type: 'location' }],
      });
      first.statements[0] = { ...first.statements[0]!, entities: [{ id: 'kalna-bridge', start: 4, end: 10 }] };
      await store.saveArticles(source(KEY, '01'), [first], 1);
    });

    it('answers each statement as the article lists it, with the article, in three requests', async () => {
      const listed = await all((cursor) => store.listArticleStatements(first.id, { limit: 10, cursor }));
      expect(listed.map((s) => s.id)).toEqual([`${first.id}-0`, `${first.id}-1`]);
      const metered = documentClient(localClient(dynamo.endpoint));
      const counter = meter(metered);
      const reader = storeFor(dynamo, metered);
      for (const statement of listed) {
        counter.reset();
        const read = await reader.getStatement(statement.id);
        expect(read?.statement).toEqual(statement);
        expect(read?.article).toEqual(await store.getArticle(first.id));
        expect(counter.requests).toEqual({ Query: 1, BatchGetItem: 1, GetItem: 1 });
      }
      expect((await store.getStatement(`${first.id}-0`))?.article.metadata.entities.map((e) => e.id)).toEqual(['kalna-bridge']);
    });

    it('answers from the current version after a replace, and nothing once the article is gone', async () => {
      const second = { ...first, statements: [{ ...first.statements[1]!, text: 'in spring at the earliest' }] };
      await store.saveArticles(source(KEY, '02'), [second], 1);
      expect((await store.getStatement(`${first.id}-0`))?.statement).toMatchObject({ text: 'in spring at the earliest', speaker: { id: 'tom-tate' } });
      expect(await store.getStatement(`${first.id}-1`)).toBeNull();
      await store.deleteSource(source(KEY, '03'));
      expect(await store.getStatement(`${first.id}-0`)).toBeNull();
    });

    it('answers null for ids that name no statement, without a store failure', async () => {
      const someId = dated[0]!.id;
      for (const id of [`${someId}-7`, `${someId}-999999`, someId, 'no-such-article-0', '-0', `${'𝔸'.repeat(300)}-0`, `${someId}-01`]) {
        expect(await store.getStatement(id), id).toBeNull();
      }
      expect((await store.getStatement(`${someId}-0`))?.statement.text).toBe('dated 0');
    });
  });
});
