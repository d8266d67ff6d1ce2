/**
 * What an article's speakers and entities cost to write, on dynalite and DynamoDB Local: one summary write
 * and one share put each. The writer leaves the entries it completed in the summary, which shows them folded
 * already, and the next write folds them: it reads their shares, it does not put them again. An entry it
 * could not complete (a newer share in place) it takes out at once.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slugId } from '../../../shared/model/ids.ts';
import { createTable } from '../../../shared/store/create-table.ts';
import { AggregateUpdater } from '../../../shared/store/dynamodb/aggregates.ts';
import * as Summary from '../../../shared/store/dynamodb/items/aggregate-summary.ts';
import { shareToItem, type Share } from '../../../shared/store/dynamodb/items/aggregate.ts';
import { keys } from '../../../shared/store/dynamodb/keys.ts';
import { dynamoBackends, type DynamoInstance } from '../../support/dynamo.ts';
import { article, source, storeFor, type ArticleSpec } from './helpers.ts';
import { isShareWrite, isSummaryWrite, recordingClient } from './intercept.ts';

const AMANPOUR = 'Christiane Amanpour';
const spec = (key: string, text: string): ArticleSpec => ({
  key,
  statements: [{ speaker: AMANPOUR, text }],
  entities: [{ name: 'Tbilisi', type: 'location' }],
});


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
      expect(requests.filter(isSummaryWrite), `article ${n + 1}`).toHaveLength(2);
      expect(requests.filter(isShareWrite), `article ${n + 1}`).toHaveLength(2);
      expect(requests.filter((r) => r.operation === 'GetItem' && r.body.includes('"SHARE#')), `article ${n + 1}`).toEqual([]);
      expect(await store.getSpeaker(speakerId)).toMatchObject({ statementCount: n + 1, articleCount: n + 1 });
      expect(await store.getEntity(slugId('Tbilisi'))).toMatchObject({ articleCount: n + 1, mentionCount: n + 1 });
    }

    // At rest the summary keeps the last article's entry: its counts have the other two, what it shows all three.
    const { Item } = await table.documentClient.send(new GetCommand({ TableName: table.tableName, Key: { pk: `SPEAKER#${speakerId}`, sk: 'SPEAKER' } }));
    expect(Object.keys(Item?.pending ?? {})).toEqual([article(spec('c.txt', '')).id]);
    expect(Item).toMatchObject({ total: 2, articleCount: 2, shown: { total: 3, articleCount: 3 } });
  });

  it('takes out an entry whose share a newer one replaced, rather than leaving the summary showing it', async () => {
    const table = { ...dynamo, tableName: `stale-${randomUUID().slice(0, 8)}` };
    await createTable(dynamo.client, table.tableName);
    const share = (count: number, version: string): Share => ({ count, date: `2023-01-0${count}`, version, info: { name: 'Tamar Beruchashvili', type: 'person', titles: [], aliases: [] } });
    const [v1, v2, v3] = [share(1, '1'), share(2, '2'), share(3, '3')];
    // Announced over a stale read of the share: the summary has v3 folded in, and an entry from v1 to v2.
    const state = { ...Summary.fold(Summary.emptySummary('tb'), null, v3), revision: 5, pending: { a: { old: v1, new: v2, token: 5 } } };
    const put = (item: Record<string, unknown>) => table.documentClient.send(new PutCommand({ TableName: table.tableName, Item: item }));
    await put(Summary.toItem('speaker', keys.speaker('tb'), state));
    await put(shareToItem('speaker', keys.speakerShare('tb', 'a'), 'tb', 'a', v3, 3));
    const summary = async () =>
      (await table.documentClient.send(new GetCommand({ TableName: table.tableName, Key: keys.speaker('tb'), ConsistentRead: true }))).Item as Record<string, unknown>;
    expect(Summary.summaryFromItem(await summary())).toMatchObject({ total: 4 });

    const updater = new AggregateUpdater({ client: table.documentClient, tableName: table.tableName });
    // The stale writer's retry: its change is older than the share in place, so the entry is dropped.
    await updater.apply([{ kind: 'speaker', id: 'tb', articleId: 'a', share: v2 }]);
    expect((await summary()).pending).toEqual({});
    expect(Summary.summaryFromItem(await summary())).toMatchObject({ total: 3, articleCount: 1 });
    await updater.apply([{ kind: 'speaker', id: 'tb', articleId: 'b', share: share(4, '1') }]);
    expect(Summary.summaryFromItem(await summary())).toMatchObject({ total: 7, articleCount: 2 });
  });
});
