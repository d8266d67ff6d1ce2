/**
 * Every read access pattern of the DynamoDB store, on dynalite and DynamoDB Local: round trips, paging
 * (each item exactly once), date ranges, accent-insensitive prefix search, entities, ingestions, and
 * cursors that refuse tampering. Reads use GetItem, BatchGetItem and Query only, never Scan.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slugId } from '../../../shared/model/ids.ts';
import type { ParsedArticle } from '../../../shared/model/parsed.ts';
import { clusterKeys } from '../../../shared/echo/cluster-keys.ts';
import { parseDocument } from '../../../shared/parse/index.ts';
import { meter, WRITE_OPERATIONS } from '../../../shared/store/dynamodb/metering.ts';
import { sortDate } from '../../../shared/store/dynamodb/sort-date.ts';
import { readerAndWriter, type TestStore } from '../../support/store.ts';
import { InvalidCursorError, type Page } from '../../../shared/store/port.ts';
import { documentClient, dynamoBackends, localClient, type DynamoInstance } from '../../support/dynamo.ts';
import { all, article, source, storeFor, type ArticleSpec, type StatementSpec } from './helpers.ts';
import { interceptingClient } from './intercept.ts';

const EXAMPLE_KEY = 'karabakh-offensive-2023-09-20.txt';
const ERDOGAN = 'Recep Tayyip Erdoğan';
const EMINE = 'Emine Erdogan';
const TATE = 'Tom Tate';

/** 24 articles over September 2023: plain dates, date-times in other zones, and one undated. */
function corpus(): ArticleSpec[] {
  return Array.from({ length: 24 }, (_, i) => {
    const day = String(1 + i).padStart(2, '0');
    const publishedAt = i === 23 ? null : i % 3 === 0 ? `2023-09-${day}T10:00:00+03:00` : `2023-09-${day}`;
    const statements: StatementSpec[] = [];
    if (i % 2 === 0) statements.push({ speaker: ERDOGAN, text: `erdogan ${i} a`, title: 'Turkish President', aliases: ['Erdogan'] });
    if (i % 4 === 0) statements.push({ speaker: ERDOGAN, text: `erdogan ${i} b`, kind: 'indirect' });
    if (i % 5 === 0) statements.push({ speaker: EMINE, text: `emine ${i}` });
    if (i % 3 === 1) statements.push({ speaker: TATE, text: `tate ${i}`, type: 'person' });
    statements.push({ speaker: 'Ilham Aliyev', text: `aliyev ${i}` });
    const entities: ArticleSpec['entities'] = [{ name: 'Yerevan', type: 'location' }];
    if (i % 6 === 0) entities.push({ name: 'Lachin Corridor', type: 'location', count: 2 });
    if (i === 7) entities.push({ name: 'Lachin Group', type: 'organization' });
    return { key: `read/${day}.txt`, title: `Day ${day}`, publishedAt, statements, entities };
  });
}

const dateOf = (spec: ArticleSpec) => sortDate(spec.publishedAt ?? '2023-09-21T08:00:00.000Z') as string;

describe.each(dynamoBackends.filter((backend) => !backend.skipReason))('store reads on $name', (backend) => {
  let dynamo: DynamoInstance;
  let store: TestStore;
  const specs = corpus();
  const parsed = new Map<string, ParsedArticle>();
  let example: ParsedArticle;
  const writes = { requests: 0, bytes: 0, items: 0 };

  beforeAll(async () => {
    dynamo = await backend.start();
    store = storeFor(dynamo);
    for (const [i, spec] of specs.entries()) {
      const one = article(spec);
      parsed.set(spec.key, one);
      await store.saveArticles(source(spec.key, (i + 1).toString(16).padStart(16, '0')), [one], 1);
    }
    // The example article through the real parser, metered: what one upload costs in write requests.
    const bytes = readFileSync(join(import.meta.dirname, '../../fixtures', EXAMPLE_KEY));
    [example] = parseDocument(bytes, { key: EXAMPLE_KEY }) as [ParsedArticle];
    const metered = documentClient(localClient(dynamo.endpoint));
    const counter = meter(metered);
    await storeFor(dynamo, metered).saveArticles(source(EXAMPLE_KEY, 'A0'), [example], 1);
    Object.assign(writes, counter.total(WRITE_OPERATIONS));
    // Head and listing, statements, one mention per entity.
    writes.items = 2 + example.statements.length + new Set(example.metadata.entities.map((entity) => entity.id)).size;
    console.log(
      `[store/${backend.name}] example article: ${example.statements.length} statements, ${example.metadata.entities.length} entities → ` +
        `${writes.requests} write requests (${JSON.stringify(counter.requests)}), ${writes.bytes} request bytes`,
    );
    await store.recordRejection(source('read/rejected.bin', '01'), { code: 'binary', message: 'not text' }, 1);
    await store.saveArticles(source('read/deleted.txt', '01'), [article({ key: 'read/deleted.txt' })], 1);
    await store.deleteSource(source('read/deleted.txt', '02'));
  });
  afterAll(async () => dynamo?.stop());

  it('batches the writes of an upload instead of sending one request per item', () => {
    expect(writes.items).toBeGreaterThan(10);
    const batchesNeeded = Math.ceil(writes.items / 25);
    expect(writes.requests).toBeGreaterThanOrEqual(batchesNeeded);
    // Per-item requests would need at least one per item; the rest is three per speaker and entity aggregate
    // and for the article's publication day (announce the share, put it, fold it in: aggregates.ts), and the
    // echo clusters' references and keys, each in batches of their own (references first: echo-clusters.ts).
    const aggregates = new Set(example.statements.map((s) => s.speaker.id)).size + new Set(example.metadata.entities.map((e) => e.id)).size + 1;
    const echoKeys = new Set(example.statements.flatMap((s) => clusterKeys(s.text).map((key) => `${s.speaker.id} ${key}`))).size;
    const echoBatches = Math.ceil(example.statements.length / 25) + Math.ceil(echoKeys / 25);
    expect(writes.requests).toBeLessThanOrEqual(batchesNeeded + echoBatches + 3 * aggregates + 4);
  });

  it('returns an article as stored: metadata, source, parser version, no body', async () => {
    const spec = specs[4] as ArticleSpec;
    const stored = await store.getArticle(parsed.get(spec.key)?.id as string);
    expect(stored).toEqual({
      id: parsed.get(spec.key)?.id,
      source: { bucket: 'articles', key: spec.key, versionId: null, eTag: 'etag-0000000000000005' },
      metadata: parsed.get(spec.key)?.metadata,
      statementCount: parsed.get(spec.key)?.statements.length,
      parserVersion: 1,
      ingestedAt: expect.any(String),
    });
    expect(JSON.stringify(stored)).not.toContain('"body"');
    expect(await store.getArticle('no-such-article')).toBeNull();
  });

  it('lists an article’s statements in reading order, page by page', async () => {
    const statements = await all((cursor) => store.listArticleStatements(example.id, { limit: 1, cursor }));
    expect(statements.map((s) => s.text)).toEqual(example.statements.map((s) => s.text));
    expect(statements[0]).toMatchObject({ articleId: example.id, publishedAt: '2023-09-20', speaker: example.statements[0]?.speaker });
    expect(await store.listArticleStatements('no-such-article', { limit: 5 })).toEqual({ items: [], nextCursor: null });
  });

  it('answers an article with its first statements in one Query and one read of the pointer, and each later page the same way', async () => {
    const metered = documentClient(localClient(dynamo.endpoint));
    const counter = meter(metered);
    const reader = storeFor(dynamo, metered);
    const texts = (page: { items: { text: string }[] } | undefined) => page?.items.map((s) => s.text);

    const read = await reader.getArticleWithStatements(example.id, { limit: 4 });
    expect(read?.article).toEqual(await store.getArticle(example.id));
    expect(texts(read?.statements)).toEqual(example.statements.slice(0, 4).map((s) => s.text));
    expect(counter.requests).toEqual({ Query: 1, BatchGetItem: 1 });

    const next = await reader.listArticleStatements(example.id, { limit: 4, cursor: read?.statements.nextCursor as string });
    expect(texts(next)).toEqual(example.statements.slice(4, 8).map((s) => s.text));
    expect(counter.requests).toEqual({ Query: 2, BatchGetItem: 2 });
    expect(await reader.getArticleWithStatements('no-such-article', { limit: 4 })).toBeNull();
  });

  it('gives the article page its body text in the same Query, the very text the offsets point into', async () => {
    const metered = documentClient(localClient(dynamo.endpoint));
    const counter = meter(metered);
    const reader = storeFor(dynamo, metered);
    const read = await reader.getArticleWithStatements(example.id, { limit: 100, withBody: true });
    expect(read?.body).toBe(example.body);
    expect(read?.statements.items.map((s) => example.body.slice(s.start, s.end))).toEqual(example.statements.map((s) => example.body.slice(s.start, s.end)));
    expect(counter.requests).toEqual({ Query: 1, BatchGetItem: 1 });
    expect((await reader.getArticleWithStatements(example.id, { limit: 1 }))?.body).toBeUndefined();
  });

  it('pages through all articles newest first, each exactly once', async () => {
    const listed = await all((cursor) => store.listArticles({ limit: 5, cursor }));
    const expected = [...specs.map((spec) => parsed.get(spec.key)?.id), example.id];
    expect(listed.map((a) => a.id).sort()).toEqual(expected.sort());
    const dates = listed.map((a) => sortDate(a.metadata.publishedAt ?? '2023-09-21T08:00:00.000Z') as string);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('lists articles as lists show them: everything but entities, mentioned dates and headings', async () => {
    const listed = (await all((cursor) => store.listArticles({ limit: 10, cursor }))).find((a) => a.id === example.id);
    const stored = await store.getArticle(example.id);
    expect(stored?.metadata.entities.length).toBeGreaterThan(0);
    expect(listed).toEqual({ ...stored, metadata: { ...stored?.metadata, entities: [], mentionedDates: [], headings: [] } });
  });

  it('limits articles to an inclusive date range, plain dates and date-times in any zone', async () => {
    const ids = async (range: { from?: string; to?: string }) =>
      (await all((cursor) => store.listArticles({ ...range, limit: 7, cursor }))).map((a) => a.id).sort();
    const expect_ = (keep: (date: string) => boolean) =>
      specs.filter((spec) => keep(dateOf(spec))).map((spec) => parsed.get(spec.key)?.id as string)
        .concat(keep('2023-09-20') ? [example.id] : []).sort();
    expect(await ids({ from: '2023-09-10', to: '2023-09-12' })).toEqual(expect_((d) => d >= '2023-09-10' && d < '2023-09-13'));
    expect(await ids({ from: '2023-09-20' })).toEqual(expect_((d) => d >= '2023-09-20'));
    // Day 10 was published at 10:00 in UTC+3, that is 07:00Z.
    const day10 = parsed.get('read/10.txt')?.id;
    expect(await ids({ from: '2023-09-10T07:00:00Z', to: '2023-09-10T07:00:00Z' })).toEqual([day10]);
    expect(await ids({ from: '2023-09-10T09:59:59+03:00', to: '2023-09-10T10:00:00+03:00' })).toEqual([day10]);
    expect(await ids({ from: '2023-09-10T07:00:01Z', to: '2023-09-10T23:00:00Z' })).toEqual([]);
    await expect(store.listArticles({ from: 'last tuesday', limit: 5 })).rejects.toThrow(RangeError);
  });

  it('answers a speaker’s timeline newest first, by kind and date, each statement once', async () => {
    const timeline = await all((cursor) => store.listStatements({ speaker: slugId(ERDOGAN), limit: 2, cursor }));
    const mine = specs.flatMap((spec) => (spec.statements ?? []).filter((s) => s.speaker === ERDOGAN).map((s) => ({ date: dateOf(spec), text: s.text })));
    expect(timeline).toHaveLength(mine.length + example.statements.filter((s) => s.speaker.id === slugId(ERDOGAN)).length);
    const dates = timeline.map((s) => sortDate(s.publishedAt) as string);
    expect(dates).toEqual([...dates].sort().reverse());
    // Within one article, reading order.
    expect(timeline.filter((s) => s.text.startsWith('erdogan 0 ')).map((s) => s.text)).toEqual(['erdogan 0 a', 'erdogan 0 b']);

    const indirect = await all((cursor) => store.listStatements({ speaker: slugId(ERDOGAN), kind: 'indirect', limit: 3, cursor }));
    expect(indirect.map((s) => s.text).sort()).toEqual(
      timeline.filter((s) => s.kind === 'indirect').map((s) => s.text).sort(),
    );
    const ranged = await all((cursor) => store.listStatements({ speaker: slugId(ERDOGAN), from: '2023-09-03', to: '2023-09-09', limit: 2, cursor }));
    expect(ranged.map((s) => s.text).sort()).toEqual(mine.filter((s) => s.date >= '2023-09-03' && s.date < '2023-09-10').map((s) => s.text).sort());
    expect(await store.listStatements({ speaker: 'no-such-speaker', limit: 5 })).toEqual({ items: [], nextCursor: null });
  });

  it('answers one kind of a speaker’s statements from the timeline in a few Queries a page, though most are of the other kind', async () => {
    const metered = documentClient(localClient(dynamo.endpoint));
    const counter = meter(metered);
    const reader = storeFor(dynamo, metered);
    const timeline = await all((cursor) => store.listStatements({ speaker: slugId(ERDOGAN), limit: 50, cursor }));
    const indirect = timeline.filter((s) => s.kind === 'indirect');
    expect(indirect.length).toBeGreaterThan(2);
    expect(indirect.length).toBeLessThan(timeline.length / 2);

    const page = await reader.listStatements({ speaker: slugId(ERDOGAN), kind: 'indirect', limit: 2 });
    expect(page.items).toEqual(indirect.slice(0, 2));
    expect(page.nextCursor).not.toBeNull();
    // Reads grow fourfold after a short round: 3 entries, then 12, hold two of one kind in four.
    expect(counter.requests.Query).toBeLessThanOrEqual(2);
  });

  it('reads no more index entries than a page needs when every one of them is of the kind asked for', async () => {
    const { client, intercept } = interceptingClient(dynamo);
    const limits: number[] = [];
    intercept({ at: 'before', hook: () => {}, when: (request) => {
      if (request.operation === 'Query') limits.push((JSON.parse(request.body) as { Limit: number }).Limit);
      return false;
    } });
    const [newest] = (await store.listStatements({ speaker: slugId(ERDOGAN), limit: 1 })).items;
    if (!newest) throw new Error('the fixture has no statement by Erdogan');
    const page = await storeFor(dynamo, client).listStatements({ speaker: slugId(ERDOGAN), kind: newest.kind, limit: 1 });
    expect(page.items).toEqual([newest]);
    expect(limits).toEqual([2]);
  });

  it('finds speakers by a prefix of any name word, ignoring case and accents', async () => {
    const names = async (prefix: string, limit = 10) => (await all((cursor) => store.searchSpeakers({ prefix, limit, cursor }))).map((s) => s.id).sort();
    expect(await names('erdo')).toEqual([slugId(EMINE), slugId(ERDOGAN)]);
    expect(await names('ERDOĞ')).toEqual([slugId(EMINE), slugId(ERDOGAN)]);
    expect(await names('erdoğan')).toEqual([slugId(EMINE), slugId(ERDOGAN)]);
    expect(await names('  Tayyip ')).toEqual([slugId(ERDOGAN)]);
    expect(await names('recep tayyip erd')).toEqual([slugId(ERDOGAN)]);
    // "Tom Tate" matches "t" at two words but is listed once, however small the pages.
    const t = await names('t', 1);
    expect(t.filter((id) => id === slugId(TATE))).toHaveLength(1);
    expect(t).toContain(slugId(ERDOGAN));
    expect(await names('zzz')).toEqual([]);
    expect(await names('…')).toEqual([]);
  });

  it('returns a speaker with counts, first and last seen, titles and aliases', async () => {
    const emine = specs.filter((spec) => spec.statements?.some((s) => s.speaker === EMINE));
    expect(await store.getSpeaker(slugId(EMINE))).toEqual({
      id: slugId(EMINE),
      name: EMINE,
      type: 'person',
      titles: [],
      aliases: [],
      statementCount: emine.length,
      articleCount: emine.length,
      firstSeen: emine.map(dateOf).sort()[0],
      lastSeen: emine.map(dateOf).sort().at(-1),
    });
    const erdogan = await store.getSpeaker(slugId(ERDOGAN));
    expect(erdogan?.titles).toContain('Turkish President');
    expect(erdogan?.aliases).toContain('Erdogan');
    expect(erdogan?.statementCount).toBe((await all((cursor) => store.listStatements({ speaker: slugId(ERDOGAN), limit: 100, cursor }))).length);
    expect(await store.getSpeaker('no-such-speaker')).toBeNull();
  });

  it('finds entities by prefix and type, and lists the articles that mention one, newest first', async () => {
    const ids = async (prefix: string, type?: 'location' | 'organization') =>
      (await all((cursor) => store.searchEntities({ prefix, type, limit: 1, cursor }))).map((e) => e.id).sort();
    expect(await ids('lach')).toEqual(['lachin-corridor', 'lachin-group']);
    expect(await ids('LACH', 'organization')).toEqual(['lachin-group']);
    expect(await ids('corr', 'location')).toEqual(['lachin-corridor']);
    const corridorSpecs = specs.filter((spec) => spec.entities?.some((e) => e.name === 'Lachin Corridor'));
    const exampleCount = example.metadata.entities.find((e) => e.id === 'lachin-corridor')?.count ?? 0;
    expect(await store.getEntity('lachin-corridor')).toMatchObject({
      name: 'Lachin Corridor',
      type: 'location',
      articleCount: corridorSpecs.length + (exampleCount ? 1 : 0),
      mentionCount: 2 * corridorSpecs.length + exampleCount,
    });
    const articles = await all((cursor) => store.listEntityArticles('lachin-corridor', { limit: 2, cursor }));
    expect(articles.map((a) => a.articleId).sort()).toEqual(
      [...corridorSpecs.map((spec) => parsed.get(spec.key)?.id), ...(exampleCount ? [example.id] : [])].sort(),
    );
    const dates = articles.map((a) => sortDate(a.publishedAt) as string);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(await store.getEntity('no-such-entity')).toBeNull();
  });

  it('answers ingestion records by key, newest first, and those an older parser made', async () => {
    expect(await store.getIngestion('read/01.txt')).toMatchObject({ status: 'accepted', articleIds: [parsed.get('read/01.txt')?.id], parserVersion: 1 });
    expect(await store.getIngestion('read/rejected.bin')).toMatchObject({ status: 'rejected', reason: { code: 'binary', message: 'not text' } });
    expect(await store.getIngestion('read/deleted.txt')).toMatchObject({ status: 'deleted', articleIds: [] });
    expect(await store.getIngestion('no/such/key')).toBeNull();

    const listed = await all((cursor) => store.listIngestions({ limit: 4, cursor }));
    expect(listed).toHaveLength(specs.length + 3);
    expect(new Set(listed.map((r) => r.key)).size).toBe(listed.length);
    expect(listed.map((r) => r.updatedAt)).toEqual(listed.map((r) => r.updatedAt).sort().reverse());

    const stale = await all((cursor) => store.listIngestionsMadeBefore(2, { limit: 10, cursor }));
    expect(stale.map((r) => r.key).sort()).toEqual(listed.filter((r) => r.status !== 'deleted').map((r) => r.key).sort());
    expect((await store.listIngestionsMadeBefore(1, { limit: 10 })).items).toEqual([]);
  });

  it('answers the ingestion records of many keys in BatchGetItem requests of at most 100 keys', async () => {
    const present = [...specs.map((spec) => spec.key), 'read/rejected.bin', 'read/deleted.txt'];
    const absent = Array.from({ length: 120 }, (_, i) => `no/such/key-${i}`);
    const metered = documentClient(localClient(dynamo.endpoint));
    const counter = meter(metered);
    // Present keys twice over, 120 absent ones and one too long to be stored: 147 distinct keys to read.
    const found = await storeFor(dynamo, metered).getIngestions([...present, ...absent, ...present, 'x'.repeat(5_000)]);

    expect([...found.keys()].sort()).toEqual([...present].sort());
    for (const key of present) expect(found.get(key), key).toEqual(await store.getIngestion(key));
    expect(found.get('read/deleted.txt')).toMatchObject({ status: 'deleted' });
    expect(counter.requests).toEqual({ BatchGetItem: 2 });
    expect(await store.getIngestions([])).toEqual(new Map());
  });

  it('refuses a cursor that was edited, forged, or made for another query', async () => {
    const first = await store.listStatements({ speaker: slugId(ERDOGAN), limit: 1 });
    const cursor = first.nextCursor as string;
    const [payload, signature] = cursor.split('.') as [string, string];
    const edited = Buffer.from(payload, 'base64url').toString().replace('TIMELINE#', 'TIMELINE#x');
    const otherSecret = readerAndWriter({ client: dynamo.documentClient, tableName: dynamo.tableName, cursorSecret: 'another secret' });
    const attempts: [string, () => Promise<Page<unknown>>][] = [
      ['edited position', () => store.listStatements({ speaker: slugId(ERDOGAN), limit: 1, cursor: `${Buffer.from(edited).toString('base64url')}.${signature}` })],
      ['edited signature', () => store.listStatements({ speaker: slugId(ERDOGAN), limit: 1, cursor: `${payload}.${signature.slice(1)}A` })],
      ['garbage', () => store.listStatements({ speaker: slugId(ERDOGAN), limit: 1, cursor: 'not-a-cursor' })],
      ['other speaker', () => store.listStatements({ speaker: slugId(EMINE), limit: 1, cursor })],
      ['other kind', () => store.listStatements({ speaker: slugId(ERDOGAN), kind: 'direct', limit: 1, cursor })],
      ['other range', () => store.listStatements({ speaker: slugId(ERDOGAN), from: '2023-09-01', limit: 1, cursor })],
      ['other method', () => store.listArticles({ limit: 1, cursor })],
      ['other secret', () => otherSecret.listStatements({ speaker: slugId(ERDOGAN), limit: 1, cursor })],
    ];
    for (const [name, attempt] of attempts) {
      await expect(attempt(), name).rejects.toBeInstanceOf(InvalidCursorError);
    }
    // The genuine cursor still works with another page size.
    expect((await store.listStatements({ speaker: slugId(ERDOGAN), limit: 3, cursor })).items).toHaveLength(3);
  });

  it('answers nothing, rather than failing, for an empty range or ids too long to exist', async () => {
    expect(await store.listArticles({ from: '2023-09-20', to: '2023-09-10', limit: 5 })).toEqual({ items: [], nextCursor: null });
    expect(await store.listStatements({ speaker: slugId(ERDOGAN), from: '2023-09-20', to: '2023-09-10', limit: 5 })).toEqual({ items: [], nextCursor: null });
    const huge = 'x'.repeat(5_000);
    expect(await store.getArticle(huge)).toBeNull();
    expect(await store.getSpeaker(huge)).toBeNull();
    expect(await store.getEntity(huge)).toBeNull();
    expect(await store.getIngestion(huge)).toBeNull();
    expect((await store.listStatements({ speaker: huge, limit: 5 })).items).toEqual([]);
    expect((await store.listEntityArticles(huge, { limit: 5 })).items).toEqual([]);
    expect((await store.listArticleStatements(huge, { limit: 5 })).items).toEqual([]);
    expect((await store.searchSpeakers({ prefix: huge, limit: 5 })).items).toEqual([]);
    expect((await store.searchEntities({ prefix: `ü${huge}`, type: 'person', limit: 5 })).items).toEqual([]);
  });

  it('stores a speaker whose name is absurdly long under a bounded, findable id', async () => {
    const name = `Absurdly ${'Long '.repeat(2_000)}Name`;
    const key = 'read/absurd.txt';
    await store.saveArticles(source(key, '01'), [article({ key, statements: [{ speaker: name, text: 'absurd' }], entities: [{ name, type: 'person' }] })], 1);
    const [statement] = (await store.listArticleStatements(article({ key }).id, { limit: 5 })).items;
    expect(Buffer.byteLength(statement?.speaker.id ?? '')).toBeLessThanOrEqual(200);
    expect(await store.getSpeaker(statement?.speaker.id as string)).toMatchObject({ statementCount: 1 });
    expect((await store.listStatements({ speaker: statement?.speaker.id as string, limit: 5 })).items).toHaveLength(1);
    expect((await store.searchSpeakers({ prefix: 'absurdly long long', limit: 5 })).items.map((s) => s.id)).toEqual([statement?.speaker.id]);
    await store.deleteSource(source(key, '02'));
  });

  it('answers the records of many entities in one BatchGetItem, as getEntity answers each', async () => {
    const ids = ['lachin-corridor', 'lachin-group', 'yerevan', 'no-such-entity', 'x'.repeat(5_000)];
    const metered = documentClient(localClient(dynamo.endpoint));
    const counter = meter(metered);
    const found = await storeFor(dynamo, metered).getEntities(ids);

    expect([...found.keys()].sort()).toEqual(['lachin-corridor', 'lachin-group', 'yerevan']);
    for (const id of found.keys()) expect(found.get(id), id).toEqual(await store.getEntity(id));
    expect(counter.requests).toEqual({ BatchGetItem: 1 });
  });

  it('serves every query with GetItem, BatchGetItem and Query only', async () => {
    const metered = documentClient(localClient(dynamo.endpoint));
    const counter = meter(metered);
    const reader = storeFor(dynamo, metered);
    await all((cursor) => reader.listArticles({ limit: 5, cursor, from: '2023-09-02' }));
    await reader.getArticle(example.id);
    await all((cursor) => reader.listArticleStatements(example.id, { limit: 5, cursor }));
    await all((cursor) => reader.listStatements({ speaker: slugId(ERDOGAN), kind: 'direct', limit: 5, cursor }));
    await all((cursor) => reader.searchSpeakers({ prefix: 'erdo', limit: 5, cursor }));
    await reader.getSpeaker(slugId(ERDOGAN));
    await all((cursor) => reader.searchEntities({ prefix: 'lach', type: 'location', limit: 5, cursor }));
    await reader.getEntity('lachin-corridor');
    await reader.getEntities(['lachin-corridor', 'yerevan']);
    await all((cursor) => reader.listEntityArticles('yerevan', { limit: 5, cursor }));
    await reader.getIngestion('read/01.txt');
    await all((cursor) => reader.listIngestions({ limit: 5, cursor }));
    await all((cursor) => reader.listIngestionsMadeBefore(2, { limit: 5, cursor }));
    expect(Object.keys(counter.requests).sort()).toEqual(['BatchGetItem', 'GetItem', 'Query']);
  });
});
