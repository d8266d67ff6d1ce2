/**
 * The busiest speakers and entities of a window of publication days (reader.busiest), kept in per-day
 * aggregates by the writer (items/day-tally.ts): counts of the articles published in the window; a
 * withdrawal takes an article's counts away, a re-upload with another date moves them to the new day,
 * replays and out-of-order events change nothing, and a write that crashes between the journal's steps
 * ends, once retried, with each article counted once. The read is two BatchGetItems whatever the archive.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slugId } from '../../../shared/model/ids.ts';
import { createTable } from '../../../shared/store/create-table.ts';
import { meter } from '../../../shared/store/dynamodb/metering.ts';
import type { Busiest } from '../../../shared/store/port.ts';
import { documentClient, dynamoBackends, localClient, type DynamoInstance } from '../../support/dynamo.ts';
import type { TestStore } from '../../support/store.ts';
import { article, source, storeFor, tableSnapshot, type ArticleSpec } from './helpers.ts';
import { interceptingClient } from './intercept.ts';

const KLOPP = 'Jürgen Klopp';
const PEP = 'Pep Guardiola';
const TEN_HAG = 'Erik ten Hag';
const says = (speaker: string, times: number) => Array.from({ length: times }, (_, n) => ({ speaker, text: `${speaker} ${n}` }));

const a: ArticleSpec = {
  key: 'busy/a.txt',
  publishedAt: '2023-09-20',
  statements: says(KLOPP, 2),
  entities: [{ name: 'Anfield', type: 'location', count: 2 }],
};
const b: ArticleSpec = {
  key: 'busy/b.txt',
  publishedAt: '2023-09-22T10:00:00+02:00',
  statements: [...says(PEP, 4), ...says(KLOPP, 1)],
  entities: [
    { name: 'Anfield', type: 'location', count: 1 },
    { name: 'Etihad', type: 'location', count: 3 },
  ],
};
/** Outside the window (more than 30 days before 22 Sep). */
const old: ArticleSpec = { key: 'busy/old.txt', publishedAt: '2023-08-01', statements: says(TEN_HAG, 9), entities: [{ name: 'Old Trafford', type: 'location', count: 9 }] };
/** Undated: filed at its upload time, never counted. */
const undated: ArticleSpec = { key: 'busy/undated.txt', publishedAt: null, statements: says(TEN_HAG, 5), entities: [{ name: 'Old Trafford', type: 'location', count: 5 }] };

const WINDOW = { to: '2023-09-22', days: 30, limit: 10 };
const counts = (busiest: Busiest) => ({
  speakers: busiest.speakers.map(({ record, count }) => [record.name, count]),
  entities: busiest.entities.map(({ record, count }) => [record.name, count]),
});
const dayItems = async (table: DynamoInstance) => (await tableSnapshot(table, ['revision'])).filter((item) => String(item.pk).startsWith('DAY#'));
/**
 * What the day items count: summaries of days with articles, and live shares. A withdrawal leaves a zero
 * share (and an emptied summary) behind, so that a late older event cannot bring the article back: which
 * of those exist depends on what was seen, never what is counted.
 */
const countedDayItems = async (table: DynamoInstance) =>
  (await dayItems(table)).filter((item) => (item.sk === 'DAY' ? (item.articleCount as number) > 0 : (item.count as number) > 0));

describe.each(dynamoBackends.filter((backend) => !backend.skipReason))('busiest speakers and entities on $name', (backend) => {
  let dynamo: DynamoInstance;
  beforeAll(async () => {
    dynamo = await backend.start();
  });
  afterAll(async () => dynamo?.stop());

  async function freshStore(client?: DynamoInstance['documentClient']): Promise<{ store: TestStore; table: DynamoInstance }> {
    const table = { ...dynamo, tableName: `busy-${randomUUID().slice(0, 8)}` };
    await createTable(dynamo.client, table.tableName);
    return { store: storeFor(table, client), table };
  }
  const save = (store: TestStore, spec: ArticleSpec, sequencer = '0100') => store.saveArticles(source(spec.key, sequencer), [article(spec)], 1);

  it('ranks statements per speaker and mentions per entity of the articles published in the window, in two BatchGetItems', async () => {
    const { store, table } = await freshStore();
    for (const spec of [a, b, old, undated]) await save(store, spec);
    expect(counts(await store.busiest(WINDOW))).toEqual({
      speakers: [
        [PEP, 4],
        [KLOPP, 3],
      ],
      entities: [
        ['Anfield', 3],
        ['Etihad', 3],
      ],
    });
    const busiest = await store.busiest(WINDOW);
    expect([busiest.from, busiest.to]).toEqual(['2023-08-24', '2023-09-22']);
    expect(busiest.speakers[0]?.record).toMatchObject({ id: slugId(PEP), statementCount: 4, articleCount: 1 });
    expect(counts(await store.busiest({ ...WINDOW, limit: 1 }))).toEqual({ speakers: [[PEP, 4]], entities: [['Anfield', 3]] });
    // The August article has its own window.
    expect(counts(await store.busiest({ to: '2023-08-01', days: 1, limit: 10 }))).toEqual({ speakers: [[TEN_HAG, 9]], entities: [['Old Trafford', 9]] });

    // Two BatchGetItems (90 day summaries, then the top ids' summaries), whatever the number of articles.
    const own = documentClient(localClient(dynamo.endpoint));
    const metered = meter(own);
    const reader = storeFor(table, own);
    await reader.busiest(WINDOW);
    expect(metered.requests).toEqual({ BatchGetItem: 2 });
    // Each day item is small: the summaries at rest and the shares (a tally of ids and counts, no names).
    const items = await dayItems(table);
    expect(items.filter((item) => item.sk === 'DAY').map((item) => [item.id, item.articleCount])).toEqual(
      expect.arrayContaining([
        [expect.stringMatching(/^2023-09-20#/), 1],
        [expect.stringMatching(/^2023-09-22#/), 1],
        [expect.stringMatching(/^2023-08-01#/), 1],
      ]),
    );
    expect(items).toHaveLength(6);
    for (const item of items) expect(Buffer.byteLength(JSON.stringify(item))).toBeLessThan(1024);
  });

  it('takes a deleted or rejected article’s counts away, and moves a re-uploaded one to its new date', async () => {
    const { store } = await freshStore();
    for (const spec of [a, b]) await save(store, spec);
    expect(await store.deleteSource(source(b.key, '0200'))).toBe('applied');
    expect(counts(await store.busiest(WINDOW))).toEqual({ speakers: [[KLOPP, 2]], entities: [['Anfield', 2]] });

    // Re-uploaded with a date a month earlier: gone from September, counted on 1 August.
    expect(await save(store, { ...a, publishedAt: '2023-08-01' }, '0200')).toBe('applied');
    expect(counts(await store.busiest(WINDOW))).toEqual({ speakers: [], entities: [] });
    expect(counts(await store.busiest({ to: '2023-08-01', days: 1, limit: 10 }))).toEqual({ speakers: [[KLOPP, 2]], entities: [['Anfield', 2]] });

    // Re-uploaded without a date: counted nowhere. Rejected: likewise.
    expect(await save(store, { ...a, publishedAt: null }, '0300')).toBe('applied');
    expect(counts(await store.busiest({ to: '2023-08-01', days: 1, limit: 10 }))).toEqual({ speakers: [], entities: [] });
    expect(await save(store, a, '0400')).toBe('applied');
    expect(counts(await store.busiest(WINDOW))).toEqual({ speakers: [[KLOPP, 2]], entities: [['Anfield', 2]] });
    expect(await store.recordRejection(source(a.key, '0500'), { code: 'no-body', message: 'no text' }, 1)).toBe('applied');
    expect(counts(await store.busiest(WINDOW))).toEqual({ speakers: [], entities: [] });
  });

  it('changes nothing on replays, duplicates and late older events: the same day items in any order', async () => {
    const events = [
      (s: TestStore) => save(s, a, '0100'),
      (s: TestStore) => save(s, { ...a, publishedAt: '2023-09-21', statements: says(KLOPP, 5) }, '0200'),
      (s: TestStore) => save(s, b, '0100'),
      (s: TestStore) => s.deleteSource(source(b.key, '0300')),
    ];
    const inOrder = await freshStore();
    for (const event of events) await event(inOrder.store);
    const reference = await dayItems(inOrder.table);
    expect(counts(await inOrder.store.busiest(WINDOW))).toEqual({ speakers: [[KLOPP, 5]], entities: [['Anfield', 2]] });

    // Every event again (replays of the current ones re-run settle; the older ones are stale).
    for (const event of events) await event(inOrder.store);
    expect(await dayItems(inOrder.table)).toEqual(reference);

    const reordered = await freshStore();
    for (const index of [3, 1, 2, 0, 1, 3]) await events[index]?.(reordered.store);
    const counted = await countedDayItems(inOrder.table);
    expect(counted.map((item) => item.sk)).toEqual(['DAY', `SHARE#${article(a).id}`]);
    expect(await countedDayItems(reordered.table)).toEqual(counted);
    expect(counts(await reordered.store.busiest(WINDOW))).toEqual({ speakers: [[KLOPP, 5]], entities: [['Anfield', 2]] });
  });

  it('counts each article once when a write crashes between the journal’s steps and is retried', async () => {
    for (const step of ['announce', 'share', 'fold'] as const) {
      const { client, intercept } = interceptingClient(dynamo);
      const { store, table } = await freshStore();
      const crashing = storeFor(table, client);
      let summaryWrites = 0;
      intercept({
        // The day summary's first write announces the share, the share put follows, the second write folds it in.
        when: (request) => {
          if (request.operation !== 'PutItem' || !request.body.includes('"DAY#')) return false;
          if (step === 'share') return request.body.includes('"SHARE#');
          if (!request.body.includes('"sk":{"S":"DAY"}')) return false;
          summaryWrites++;
          return step === 'announce' ? summaryWrites === 1 : summaryWrites === 2;
        },
        at: 'after',
        hook: () => {
          throw new Error('injected fault');
        },
      });
      await expect(save(crashing, b)).rejects.toThrow('injected fault');
      // The redelivery finishes the job: counted once.
      expect(await save(store, b)).toBe('applied');
      expect(counts(await store.busiest(WINDOW)), step).toEqual({
        speakers: [
          [PEP, 4],
          [KLOPP, 1],
        ],
        entities: [
          ['Etihad', 3],
          ['Anfield', 1],
        ],
      });
      const summaries = (await dayItems(table)).filter((item) => item.sk === 'DAY');
      expect(summaries.map((item) => [item.articleCount, item.pending]), step).toEqual([[1, {}]]);
    }
  });
});
