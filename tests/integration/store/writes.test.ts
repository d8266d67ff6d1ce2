/**
 * Write semantics of the DynamoDB store, on dynalite and DynamoDB Local: replace without a mixed or
 * leftover state, delete with counts withdrawn, out-of-order and duplicate events, crashes part-way,
 * rejections, reprocessing, and item size.
 */
import { randomUUID } from 'node:crypto';
import { QueryCommand as RawQueryCommand } from '@aws-sdk/client-dynamodb';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { itemSize } from '../../../bench/dynamo-meter.ts';
import { slugId } from '../../../shared/model/ids.ts';
import { createTable } from '../../../shared/store/create-table.ts';
import type { TestStore } from '../../support/store.ts';
import { TRIM_WARNING } from '../../../shared/store/dynamodb/fit.ts';
import { compareSequencers } from '../../../shared/store/sequencer.ts';
import { dynamoBackends, type DynamoInstance } from '../../support/dynamo.ts';
import { all, article, source, storeFor, tableSnapshot, type ArticleSpec } from './helpers.ts';
import {
  interceptingClient,
  isAggregateWrite,
  isFlipOf,
  isOldVersionDelete,
  isSpeakerShareWrite,
  isSpeakerSummaryWrite,
  isVersionItemsWrite,
  nth,
  type Interception,
} from './intercept.ts';

for (const backend of dynamoBackends) {
  if (backend.skipReason) console.log(`storage suite: skipping ${backend.name}: ${backend.skipReason}`);
}

const ERDOGAN = 'Recep Tayyip Erdoğan';
/** Times that differ between two runs of the same events; everything else must be identical. */
/** A statement item without its echo cluster and the cluster's index entry. */
function withoutCluster(item: Record<string, unknown>): Record<string, unknown> {
  if (item.itemType !== 'statement') return item;
  const { gsi2pk: _pk, gsi2sk: _sk, statement, ...fields } = item;
  const { cluster: _cluster, ...record } = statement as Record<string, unknown>;
  return { ...fields, statement: record };
}

const RUN_TIMES = ['ingestedAt', 'updatedAt'];

const first = (key: string): ArticleSpec => ({
  key,
  title: 'Old title',
  publishedAt: '2023-09-20',
  statements: [
    { speaker: ERDOGAN, text: 'old one', title: 'Turkish President' },
    { speaker: ERDOGAN, text: 'old two' },
    { speaker: ERDOGAN, text: 'old three', kind: 'indirect' },
    { speaker: 'Ilham Aliyev', text: 'old aliyev' },
  ],
  entities: [{ name: 'Lachin Corridor', type: 'location', count: 2 }],
});

/** Head, listing, body (one part) and three statements; its one entity mention is in the entity's partition. */
const PARTITION_ITEMS_OF_SECOND = 1 + 1 + 1 + 3;

const second = (key: string): ArticleSpec => ({
  key,
  title: 'New title',
  publishedAt: '2023-09-21',
  statements: [
    { speaker: ERDOGAN, text: 'new one' },
    { speaker: 'Nikol Pashinyan', text: 'new pashinyan one' },
    { speaker: 'Nikol Pashinyan', text: 'new pashinyan two' },
  ],
  entities: [{ name: 'Yerevan', type: 'location' }],
});

describe.each(dynamoBackends.filter((backend) => !backend.skipReason))('store writes on $name', (backend) => {
  let dynamo: DynamoInstance;
  let store: TestStore;
  let key: string;

  beforeAll(async () => {
    dynamo = await backend.start();
    store = storeFor(dynamo);
  });
  afterAll(async () => dynamo?.stop());
  beforeEach(() => {
    // Every test works on its own object key (and so its own article ids), in one shared table.
    key = `news/${randomUUID()}.txt`;
  });

  const statementTexts = async (articleKey: string) =>
    (await all((cursor) => store.listArticleStatements(article({ key: articleKey }).id, { limit: 2, cursor }))).map((s) => s.text);
  const timeline = async (speaker: string) =>
    (await all((cursor) => store.listStatements({ speaker: slugId(speaker), limit: 50, cursor })))
      .filter((statement) => statement.articleId === article({ key }).id)
      .map((statement) => statement.text);
  const partitionSortKeys = async (articleKey: string, index = 0) => {
    const { Items = [] } = await dynamo.documentClient.send(
      new QueryCommand({
        TableName: dynamo.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `ARTICLE#${article({ key: articleKey, index }).id}` },
      }),
    );
    return Items.map((item) => item.sk as string);
  };
  /** The versions of an article's mentions and about items, which live in the entities' partitions, not the article's. */
  const entityListVersions = async (articleKey: string, index = 0) => {
    const found = await tableSnapshot(dynamo);
    const id = article({ key: articleKey, index }).id;
    const isListed = (item: Record<string, unknown>) => item.itemType === 'mention' || item.itemType === 'statement-about';
    return [...new Set(found.filter((item) => isListed(item) && item.articleId === id).map((item) => item.version as string))];
  };

  it('replaces a re-uploaded key: readers see old or new, never a mix, and nothing old is left', async () => {
    await store.saveArticles(source(key, '0100'), [article(first(key))], 1);
    const { client, intercept } = interceptingClient(dynamo);
    const writer = storeFor(dynamo, client);
    const seen: Record<string, unknown> = {};
    const look = async () => ({
      title: (await store.getArticle(article({ key }).id))?.metadata.title,
      statements: await statementTexts(key),
      erdogan: await timeline(ERDOGAN),
      articles: (await all((cursor) => store.listArticles({ limit: 100, cursor }))).filter((a) => a.source.key === key).length,
      body: (await store.getArticleWithStatements(article({ key }).id, { limit: 1, withBody: true }))?.body,
    });
    intercept({ when: isFlipOf(key), at: 'before', hook: async () => void (seen.beforeFlip = await look()) });
    intercept({ when: isOldVersionDelete, at: 'before', hook: async () => void (seen.beforeCleanup = await look()) });

    expect(await writer.saveArticles(source(key, '0200'), [article(second(key))], 1)).toBe('applied');

    expect(seen.beforeFlip).toEqual({
      title: 'Old title',
      statements: ['old one', 'old two', 'old three', 'old aliyev'],
      erdogan: ['old one', 'old two', 'old three'],
      articles: 1,
      body: article(first(key)).body,
    });
    expect(seen.beforeCleanup).toEqual({
      title: 'New title',
      statements: ['new one', 'new pashinyan one', 'new pashinyan two'],
      erdogan: ['new one'],
      articles: 1,
      body: article(second(key)).body,
    });
    expect(await look()).toEqual(seen.beforeCleanup);
    const versions = new Set((await partitionSortKeys(key)).map((sk) => sk.split('#')[1]));
    expect(versions.size).toBe(1);
    expect(await entityListVersions(key)).toEqual([...versions]);
    expect((await store.getEntity(slugId('Lachin Corridor')))?.articleCount ?? 0).toBe(0);
    expect((await store.getSpeaker(slugId('Nikol Pashinyan')))?.statementCount).toBeGreaterThanOrEqual(2);
  });

  it('stores a long article’s body in parts, each under 4 KB, and gives it back whole', async () => {
    // Words drawn at random compress to about half: a body of several parts.
    let seed = 7;
    const word = () => ((seed = (seed * 48_271) % 2_147_483_647), `w${(seed % 50_000).toString(36)}`);
    const body = Array.from({ length: 8_000 }, word).join(' ');
    await store.saveArticles(source(key, '0100'), [article({ ...first(key), body })], 1);
    const parts = (await partitionSortKeys(key)).filter((sk) => sk.startsWith('BODY#'));
    expect(parts.length).toBeGreaterThan(3);
    expect((await store.getArticleWithStatements(article({ key }).id, { limit: 1, withBody: true }))?.body).toBe(body);
    // Read raw, so each item's size is counted by DynamoDB's rules as the bench bills it.
    const { Items = [] } = await dynamo.client.send(
      new RawQueryCommand({
        TableName: dynamo.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :body)',
        ExpressionAttributeValues: { ':pk': { S: `ARTICLE#${article({ key }).id}` }, ':body': { S: 'BODY#' } },
      }),
    );
    expect(Items).toHaveLength(parts.length);
    for (const item of Items) expect(itemSize(item)).toBeLessThan(4_096);
  });

  it('a walk through an article’s statements that a replace interrupts goes on at the same place in the new version', async () => {
    await store.saveArticles(source(key, '0100'), [article(first(key))], 1);
    const id = article({ key }).id;
    const firstPage = (await store.getArticleWithStatements(id, { limit: 2 }))?.statements;
    expect(firstPage?.items.map((s) => s.text)).toEqual(['old one', 'old two']);
    const { client, intercept } = interceptingClient(dynamo);
    let beforeCleanup: string[] = [];
    // Flipped, the old version's items not yet deleted: they are still there, and must not be shown.
    intercept({
      when: isOldVersionDelete,
      at: 'before',
      hook: async () => void (beforeCleanup = (await store.listArticleStatements(id, { limit: 2, cursor: firstPage?.nextCursor as string })).items.map((s) => s.text)),
    });
    await storeFor(dynamo, client).saveArticles(source(key, '0200'), [article(second(key))], 1);
    const afterCleanup = await store.listArticleStatements(id, { limit: 2, cursor: firstPage?.nextCursor as string });

    expect(beforeCleanup).toEqual(['new pashinyan two']);
    expect(afterCleanup).toEqual({ items: [expect.objectContaining({ text: 'new pashinyan two' })], nextCursor: null });
  });

  it('deleting the object removes its article and statements and withdraws its counts', async () => {
    const speaker = `Delete Speaker ${randomUUID().slice(0, 6)}`;
    const other = `news/${randomUUID()}.txt`;
    const spec = (articleKey: string, texts: string[]): ArticleSpec => ({ key: articleKey, statements: texts.map((text) => ({ speaker, text })), entities: [{ name: speaker, type: 'person', count: 3 }] });
    await store.saveArticles(source(key, '0A'), [article(spec(key, ['a', 'b', 'c']))], 1);
    await store.saveArticles(source(other, '0A', '2023-09-22T00:00:00Z'), [article({ ...spec(other, ['d']), publishedAt: '2023-09-22' })], 1);
    expect(await store.getSpeaker(slugId(speaker))).toMatchObject({ statementCount: 4, articleCount: 2, firstSeen: '2023-09-20', lastSeen: '2023-09-22' });

    expect(await store.deleteSource(source(key, '0B'))).toBe('applied');
    expect(await store.getArticle(article({ key }).id)).toBeNull();
    expect(await partitionSortKeys(key)).toEqual([]);
    expect(await entityListVersions(key)).toEqual([]);
    expect(await store.getSpeaker(slugId(speaker))).toMatchObject({ statementCount: 1, articleCount: 1, firstSeen: '2023-09-22', lastSeen: '2023-09-22' });
    expect(await store.getEntity(slugId(speaker))).toMatchObject({ articleCount: 1, mentionCount: 3 });
    expect(await store.getIngestion(key)).toMatchObject({ status: 'deleted', articleIds: [], sequencer: '0B' });

    await store.deleteSource(source(other, '0B'));
    expect(await store.getSpeaker(slugId(speaker))).toBeNull();
    expect((await store.searchSpeakers({ prefix: speaker, limit: 10 })).items).toEqual([]);
    expect(await store.getEntity(slugId(speaker))).toBeNull();
  });

  it('ignores events older than the stored one, comparing sequencers right-padded with zeros', async () => {
    expect(compareSequencers('0055AED6DCD90281E5', '0055AED6DCD90281E50A')).toBeLessThan(0);
    expect(compareSequencers('0055AED6DCD90281E6', '0055AED6DCD90281E50A')).toBeGreaterThan(0);
    expect(compareSequencers('00ab', '00AB000')).toBe(0);

    await store.saveArticles(source(key, '0055AED6DCD90281E50A'), [article(second(key))], 1);
    expect(await store.saveArticles(source(key, '0055AED6DCD90281E5'), [article(first(key))], 1)).toBe('stale');
    expect((await store.getArticle(article({ key }).id))?.metadata.title).toBe('New title');
    expect(await statementTexts(key)).toEqual(['new one', 'new pashinyan one', 'new pashinyan two']);
    expect(await partitionSortKeys(key)).toHaveLength(PARTITION_ITEMS_OF_SECOND);
    expect(await entityListVersions(key)).toHaveLength(1);

    // A delete that overtook the upload it follows: the late upload must not resurrect the article.
    const late = `news/${randomUUID()}.txt`;
    expect(await store.deleteSource(source(late, '0300'))).toBe('applied');
    expect(await store.saveArticles(source(late, '0200'), [article(first(late))], 1)).toBe('stale');
    expect(await store.getArticle(article({ key: late }).id)).toBeNull();
    expect(await partitionSortKeys(late)).toEqual([]);
    expect(await store.getIngestion(late)).toMatchObject({ status: 'deleted', sequencer: '0300' });
  });

  it('processing the same event twice changes nothing, counts included', async () => {
    await store.saveArticles(source(key, '0100'), [article(first(key))], 1);
    const once = await tableSnapshot(dynamo);
    expect(await store.saveArticles(source(key, '0100'), [article(first(key))], 1)).toBe('applied');
    expect(await tableSnapshot(dynamo)).toEqual(once);

    await store.deleteSource(source(key, '0200'));
    const deleted = await tableSnapshot(dynamo);
    await store.deleteSource(source(key, '0200'));
    await store.saveArticles(source(key, '0100'), [article(first(key))], 1);
    expect(await tableSnapshot(dynamo)).toEqual(deleted);
  });

  it.each<[string, Interception['when'], Interception['at']]>([
    ['before the pointer flip', isFlipOf('KEY'), 'before'],
    ['when the flip succeeded but its response was lost', isFlipOf('KEY'), 'after'],
    ['while updating speaker counts', isAggregateWrite, 'before'],
    ['when a speaker summary announced a share change but its response was lost', nth(1, isSpeakerSummaryWrite), 'after'],
    ['while putting a speaker share', isSpeakerShareWrite, 'before'],
    ['when a speaker share was put but its response was lost', isSpeakerShareWrite, 'after'],
    ['before a second speaker summary announces its change', nth(2, isSpeakerSummaryWrite), 'before'],
    ['while deleting the old version', isOldVersionDelete, 'before'],
  ])('a write that crashes %s ends, once retried, exactly like a clean run', async (_, when, at) => {
    const reference = { ...dynamo, tableName: `reference-${randomUUID().slice(0, 8)}` };
    await createTable(dynamo.client, reference.tableName);
    const clean = storeFor(reference);
    const { client, intercept } = interceptingClient(dynamo);
    const crashing = storeFor(dynamo, client);
    const crashKey = `crash/${randomUUID()}.txt`;
    const events = [
      (s: TestStore) => s.saveArticles(source(crashKey, '0100'), [article(first(crashKey))], 1),
      (s: TestStore) => s.saveArticles(source(crashKey, '0200'), [article(second(crashKey))], 1),
    ];
    const before = await tableSnapshot(dynamo, RUN_TIMES);
    for (const event of events) await event(clean);
    await events[0]?.(store);
    intercept({
      when: (request) => when({ ...request, body: request.body.replaceAll(crashKey, 'KEY') }),
      at,
      hook: () => {
        throw new Error('injected fault');
      },
    });
    await expect(events[1]?.(crashing)).rejects.toThrow('injected fault');
    await events[1]?.(store);

    const after = await tableSnapshot(dynamo, RUN_TIMES);
    const added = after.filter((item) => !before.some((old) => JSON.stringify(old) === JSON.stringify(item)));
    const referenceItems = await tableSnapshot(reference, RUN_TIMES);
    // The shared table holds other tests' items too: compare this key's own items, and aggregates by value.
    // Which echo cluster a statement joins depends on the statements stored before it (other tests' here,
    // none in the reference table): clusters are left out (echo-clusters.test.ts checks them).
    const own = (items: Record<string, unknown>[]) =>
      items
        .filter((item) => String(item.pk).startsWith('ARTICLE#') || String(item.pk).startsWith('SOURCE#'))
        .map((item) => JSON.stringify(withoutCluster(item)));
    expect(own(added).sort()).toEqual(own(referenceItems).sort());
    for (const id of [slugId(ERDOGAN), slugId('Ilham Aliyev'), slugId('Nikol Pashinyan')]) {
      const shares = async (s: TestStore) => (await s.getSpeaker(id))?.statementCount ?? 0;
      expect(await shares(crashing)).toBeGreaterThanOrEqual(await shares(clean));
    }
    // The article's share of the speaker, but for `revision` (which write announced it).
    const share = (items: Record<string, unknown>[]) => {
      const found = items.find((item) => item.pk === `SPEAKER#${slugId(ERDOGAN)}` && item.sk === `SHARE#${article({ key: crashKey }).id}`);
      const { revision: _revision, ...rest } = found ?? {};
      return rest;
    };
    expect(share(after)).toEqual(share(referenceItems));
    expect(share(after)).toMatchObject({ count: expect.any(Number) });
  });

  it('shuffled and duplicated events end in the state of the last event per key', async () => {
    const keysUsed = [0, 1, 2].map((n) => `shuffle/${n}-${randomUUID()}.txt`);
    type Event = { key: string; sequencer: string; kind: 'save' | 'delete'; variant: 0 | 1 };
    const events: Event[] = [];
    keysUsed.forEach((eventKey, k) => {
      for (let n = 1; n <= 6; n++) {
        const kind = (n + k) % 3 === 0 ? 'delete' : 'save';
        events.push({ key: eventKey, sequencer: n.toString(16).padStart(4, '0'), kind, variant: (n % 2) as 0 | 1 });
      }
    });
    const apply = (s: TestStore, event: Event) =>
      event.kind === 'delete'
        ? s.deleteSource(source(event.key, event.sequencer))
        : s.saveArticles(source(event.key, event.sequencer), [article((event.variant ? first : second)(event.key))], 1);
    // A fixed shuffle with every event twice: deterministic, yet far from delivery order.
    const delivered = [...events, ...events].map((event, i) => ({ event, rank: (i * 7919) % 37 })).sort((a, b) => a.rank - b.rank);
    for (const { event } of delivered) await apply(store, event);

    const reference = { ...dynamo, tableName: `reference-${randomUUID().slice(0, 8)}` };
    await createTable(dynamo.client, reference.tableName);
    const clean = storeFor(reference);
    for (const eventKey of keysUsed) {
      const last = events.filter((event) => event.key === eventKey).at(-1) as Event;
      await apply(clean, last);
    }
    for (const eventKey of keysUsed) {
      const stored = await store.getIngestion(eventKey);
      const expected = await clean.getIngestion(eventKey);
      expect({ ...stored, updatedAt: null }).toEqual({ ...expected, updatedAt: null });
      expect(await statementTexts(eventKey)).toEqual(
        await all((cursor) => clean.listArticleStatements(article({ key: eventKey }).id, { limit: 2, cursor })).then((s) => s.map((x) => x.text)),
      );
      expect(new Set((await partitionSortKeys(eventKey)).map((sk) => sk.split('#')[1])).size).toBeLessThanOrEqual(1);
      expect((await entityListVersions(eventKey)).length).toBeLessThanOrEqual(1);
    }
  });

  it('concurrent deliveries of different uploads of one key settle on the newest, with nothing left over', async () => {
    const uploads = ['0100', '0200', '0300', '0200', '0300'];
    const outcomes = await Promise.all(
      uploads.map((sequencer, i) => store.saveArticles(source(key, sequencer), [article({ ...(i % 2 ? first(key) : second(key)), title: `upload ${sequencer}` })], 1)),
    );
    expect(outcomes).toContain('applied');
    expect((await store.getArticle(article({ key }).id))?.metadata.title).toBe('upload 0300');
    expect(await store.getIngestion(key)).toMatchObject({ sequencer: '0300', status: 'accepted' });
    const versions = new Set((await partitionSortKeys(key)).map((sk) => sk.split('#')[1]));
    expect(versions.size).toBe(1);
    expect(await entityListVersions(key)).toEqual([...versions]);
  });

  it('a rejection replaces earlier articles and is recorded with its reason', async () => {
    await store.saveArticles(source(key, '0100'), [article(first(key))], 1);
    const reason = { code: 'binary' as const, message: 'looks like a PNG image' };
    expect(await store.recordRejection(source(key, '0200'), reason, 1)).toBe('applied');
    expect(await store.getArticle(article({ key }).id)).toBeNull();
    expect(await partitionSortKeys(key)).toEqual([]);
    expect(await store.getIngestion(key)).toMatchObject({ status: 'rejected', reason, articleIds: [], parserVersion: 1 });
    expect(await store.recordRejection(source(key, '0200'), reason, 1)).toBe('applied');
  });

  it('reprocessing the same upload with a newer parser replaces the older parse, never a newer upload', async () => {
    await store.saveArticles(source(key, '0100'), [article(first(key))], 1);
    const before = await all((cursor) => store.listIngestionsMadeBefore(2, { limit: 100, cursor }));
    expect(before.map((record) => record.key)).toContain(key);

    expect(await store.saveArticles(source(key, '0100'), [article(second(key))], 2)).toBe('applied');
    expect(await store.getArticle(article({ key }).id)).toMatchObject({ parserVersion: 2, metadata: { title: 'New title' } });
    expect(await store.saveArticles(source(key, '0100'), [article(first(key))], 1)).toBe('stale');
    const after = await all((cursor) => store.listIngestionsMadeBefore(2, { limit: 100, cursor }));
    expect(after.map((record) => record.key)).not.toContain(key);
    expect(await partitionSortKeys(key)).toHaveLength(PARTITION_ITEMS_OF_SECOND);
    expect(await entityListVersions(key)).toHaveLength(1);
  });

  it('an object holding several articles is replaced as a whole', async () => {
    const three = [0, 1, 2].map((index) => article({ ...first(key), index, title: `part ${index}` }));
    await store.saveArticles(source(key, '0100'), three, 1);
    expect(await store.getIngestion(key)).toMatchObject({ articleIds: three.map((a) => a.id) });
    await store.saveArticles(source(key, '0200'), [article({ ...second(key), index: 0 })], 1);
    expect(await store.getArticle(three[0]?.id ?? '')).toMatchObject({ metadata: { title: 'New title' } });
    expect(await store.getArticle(three[1]?.id ?? '')).toBeNull();
    expect(await partitionSortKeys(key, 1)).toEqual([]);
    expect(await partitionSortKeys(key, 2)).toEqual([]);
    expect([...(await entityListVersions(key, 1)), ...(await entityListVersions(key, 2))]).toEqual([]);
  });

  it('a late redelivery of an upload that crashed before its flip clears what it had written', async () => {
    const three = [0, 1, 2].map((index) => article({ ...first(key), index }));
    const { client, intercept } = interceptingClient(dynamo);
    intercept({ when: isFlipOf(key), at: 'before', hook: () => Promise.reject(new Error('injected fault')) });
    await expect(storeFor(dynamo, client).saveArticles(source(key, '0100'), three, 1)).rejects.toThrow('injected fault');
    await store.saveArticles(source(key, '0200'), [article({ ...second(key), index: 0 })], 1);
    expect(await partitionSortKeys(key, 1)).not.toEqual([]);
    expect(await entityListVersions(key, 1)).not.toEqual([]);

    expect(await store.saveArticles(source(key, '0100'), three, 1)).toBe('stale');
    expect(await partitionSortKeys(key, 1)).toEqual([]);
    expect(await partitionSortKeys(key, 2)).toEqual([]);
    expect([...(await entityListVersions(key, 1)), ...(await entityListVersions(key, 2))]).toEqual([]);
    expect(await statementTexts(key)).toEqual(['new one', 'new pashinyan one', 'new pashinyan two']);
  });

  it('a version whose writer crashed between its heads and the rest is cleared by the next, mentions too', async () => {
    const { client, intercept } = interceptingClient(dynamo);
    // The heads go first: whatever else of a version exists, its head does, and it names the mentions.
    intercept({ when: isVersionItemsWrite, at: 'before', hook: () => Promise.reject(new Error('injected fault')) });
    await expect(storeFor(dynamo, client).saveArticles(source(key, '0100'), [article(first(key))], 1)).rejects.toThrow('injected fault');
    expect(await partitionSortKeys(key)).toEqual([expect.stringMatching(/^HEAD#/)]);

    await store.saveArticles(source(key, '0200'), [article(second(key))], 1);
    const versions = new Set((await partitionSortKeys(key)).map((sk) => sk.split('#')[1]));
    expect(versions.size).toBe(1);
    expect(await entityListVersions(key)).toEqual([...versions]);
  });

  it('a writer overtaken while writing, its head already settled away by the newer one, clears what it then wrote', async () => {
    const { client, intercept } = interceptingClient(dynamo);
    // Between the old writer's heads and the rest, a newer upload is stored and settled whole: its settle
    // deletes the old head (and finds no mention of it yet), then the old writer puts its mentions.
    intercept({ when: isVersionItemsWrite, at: 'before', hook: async () => void (await store.saveArticles(source(key, '0200'), [article(second(key))], 1)) });
    expect(await storeFor(dynamo, client).saveArticles(source(key, '0100'), [article(first(key))], 1)).toBe('stale');

    const versions = new Set((await partitionSortKeys(key)).map((sk) => sk.split('#')[1]));
    expect(versions.size).toBe(1);
    expect(await entityListVersions(key)).toEqual([...versions]);
  });

  it('the same articles in any order make the same speaker and entity records', async () => {
    const id = randomUUID().slice(0, 6);
    const specs: ArticleSpec[] = [
      { key: `order/${id}/a`, statements: [{ speaker: `Zoë Érdal ${id}`, text: 'a', type: 'unknown', title: 'Minister', aliases: ['Érdal'] }], entities: [{ name: `Érdal Group ${id}`, type: 'organization' }] },
      { key: `order/${id}/b`, statements: [{ speaker: `Zoe Erdal ${id}`, text: 'b', type: 'person', title: 'Former minister', aliases: ['Zoe'] }], entities: [{ name: `Erdal Group ${id}`, type: 'location' }] },
      { key: `order/${id}/c`, statements: [{ speaker: `zoe erdal ${id}`, text: 'c', aliases: ['She'] }] },
    ];
    const records = async (order: number[]) => {
      const table = { ...dynamo, tableName: `order-${randomUUID().slice(0, 8)}` };
      await createTable(dynamo.client, table.tableName);
      const s = storeFor(table);
      for (const i of order) await s.saveArticles(source(specs[i]?.key as string, '01'), [article(specs[i] as ArticleSpec)], 1);
      return { speaker: await s.getSpeaker(slugId(`zoe erdal ${id}`)), entity: await s.getEntity(slugId(`erdal group ${id}`)) };
    };
    const forward = await records([0, 1, 2]);
    expect(forward.speaker).toMatchObject({ name: `Zoë Érdal ${id}`, type: 'person', statementCount: 3, titles: ['Former minister', 'Minister'] });
    expect(await records([2, 1, 0])).toEqual(forward);
    expect(await records([1, 2, 0])).toEqual(forward);
  });

  it('keeps every item under 400 KB for a huge article', async () => {
    const huge = article({
      key,
      statements: Array.from({ length: 120 }, (_, i) => ({ speaker: `Speaker ${i % 40}`, text: `${'word '.repeat(i === 0 ? 200_000 : 100)}` })),
    });
    huge.metadata.entities = Array.from({ length: 150 }, (_, i) => ({
      id: `entity-${i}`,
      name: `Entity ${i}`,
      type: 'organization' as const,
      aliases: [`E${i}`],
      count: 3_000,
      mentions: Array.from({ length: 3_000 }, (_, m) => ({ start: m, end: m + 8, text: `Entity ${i}` })),
    }));
    huge.metadata.headings = Array.from({ length: 5_000 }, (_, i) => `Heading ${i} ${'x'.repeat(100)}`);
    // dynalite and DynamoDB Local both refuse items over 400 KB, so a successful save proves the bound.
    expect(await store.saveArticles(source(key, '0100'), [huge], 1)).toBe('applied');
    const stored = await store.getArticle(huge.id);
    expect(stored?.metadata.warnings).toContain(TRIM_WARNING);
    expect(stored?.statementCount).toBe(120);
    const statements = await all((cursor) => store.listArticleStatements(huge.id, { limit: 100, cursor }));
    expect(statements).toHaveLength(120);
    expect(statements[0]?.text.length).toBeLessThanOrEqual(10_000);
    expect((await store.getEntity('entity-0'))?.mentionCount).toBe(3_000);
  });
});
