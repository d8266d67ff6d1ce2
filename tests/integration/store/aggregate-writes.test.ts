/**
 * What an article's speakers and entities cost to write, on dynalite and DynamoDB Local: one summary write
 * and one share put each. The writer leaves the entries it completed in the summary, which shows them folded
 * already, and the next write folds them: it reads their shares, it does not put them again.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slugId } from '../../../shared/model/ids.ts';
import { createTable } from '../../../shared/store/create-table.ts';
import { dynamoBackends, type DynamoInstance } from '../../support/dynamo.ts';
import { article, source, storeFor, type ArticleSpec } from './helpers.ts';
import { recordingClient, type Request } from './intercept.ts';

const AMANPOUR = 'Christiane Amanpour';
const spec = (key: string, text: string): ArticleSpec => ({
  key,
  statements: [{ speaker: AMANPOUR, text }],
  entities: [{ name: 'Tbilisi', type: 'location' }],
});

const summaryWrites = (requests: Request[]) => requests.filter((r) => r.operation === 'PutItem' && /"sk":\{"S":"(SPEAKER|ENTITY)"\}/.test(r.body));
const shareWrites = (requests: Request[]) => requests.filter((r) => r.operation === 'PutItem' && /"pk":\{"S":"(SPEAKER|ENTITY)#/.test(r.body) && r.body.includes('"SHARE#'));

describe.each(dynamoBackends.filter((backend) => !backend.skipReason))('speaker and entity writes on $name', (backend) => {
  let dynamo: DynamoInstance;
  beforeAll(async () => {
    dynamo = await backend.start();
  });
  afterAll(async () => dynamo?.stop());

  it('writes each summary once and puts each share once per article, counting every article', async () => {
    const table = { ...dynamo, tableName: `writes-${randomUUID().slice(0, 8)}` };
    await createTable(dynamo.client, table.tableName);
    const { client, requests } = recordingClient(table);
    const store = storeFor(table, client);
    const speakerId = slugId(AMANPOUR);

    for (const [n, key] of ['a.txt', 'b.txt', 'c.txt'].entries()) {
      requests.length = 0;
      await store.saveArticles(source(key, '01'), [article(spec(key, `words ${n}`))], 1);
      expect(summaryWrites(requests), `article ${n + 1}`).toHaveLength(2);
      expect(shareWrites(requests), `article ${n + 1}`).toHaveLength(2);
      expect(requests.filter((r) => r.operation === 'GetItem' && r.body.includes('"SHARE#')), `article ${n + 1}`).toEqual([]);
      expect(await store.getSpeaker(speakerId)).toMatchObject({ statementCount: n + 1, articleCount: n + 1 });
      expect(await store.getEntity(slugId('Tbilisi'))).toMatchObject({ articleCount: n + 1, mentionCount: n + 1 });
    }

    // At rest the summary keeps the last article's entry: its counts have the other two, what it shows all three.
    const { Item } = await table.documentClient.send(new GetCommand({ TableName: table.tableName, Key: { pk: `SPEAKER#${speakerId}`, sk: 'SPEAKER' } }));
    expect(Object.keys(Item?.pending ?? {})).toEqual([article(spec('c.txt', '')).id]);
    expect(Item).toMatchObject({ folded: { total: 2, articleCount: 2 }, total: 3, articleCount: 3 });
  });
});
