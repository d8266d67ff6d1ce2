/**
 * Reads the web view depends on, against the embedded DynamoDB: articles with and without a publication
 * date listed apart (a filter on the sharded list), and the first words that name an untitled article
 * where only its statements or mentions are read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedArticle } from '../../../shared/model/parsed.ts';
import { dynamoBackends, type DynamoInstance } from '../../support/dynamo.ts';
import type { TestStore } from '../../support/store.ts';
import { all, article, source, storeFor } from './helpers.ts';

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
});
