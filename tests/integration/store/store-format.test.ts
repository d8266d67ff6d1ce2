/**
 * Moving a table of an older layout to the current one. Format 1 (unsharded lists): the format is
 * recognised, `migrate` moves every list entry to its shard without losing one, and afterwards every list
 * is whole. Format 2 (a speaker's or entity's shares in one item): readers show the same records from
 * it, a write converts the aggregates it touches, `migrate` converts the rest, and the result is the
 * table the same articles make in the current layout. Format 3 (name items, mentions and about items
 * listed through an index): recognised, and `migrate` puts back the very items a write makes now.
 */
import { createHash } from 'node:crypto';
import { DeleteCommand, PutCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { slugId } from '../../../shared/model/ids.ts';
import { createTable } from '../../../shared/store/create-table.ts';
import { compactVersion } from '../../../shared/store/sequencer.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, STORE_FORMAT, storedFormat } from '../../../shared/store/dynamodb/store-format.ts';
import { startDynalite, type DynamoInstance } from '../../support/dynamo.ts';
import { settledAggregate } from '../../support/settled-aggregates.ts';
import type { TestStore } from '../../support/store.ts';
import { all, article, named as entitiesNamed, source, storeFor, tableSnapshot, type ArticleSpec } from './helpers.ts';

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

/**
 * Rewrites every speaker and entity the way store format 2 kept it: one item holding every share as
 * "count|date|compact version|info hash", each way of naming it once under its hash, and `rev`.
 */
async function toFormat2(table: DynamoInstance): Promise<number> {
  const items = (await dynamo.documentClient.send(new ScanCommand({ TableName: table.tableName }))).Items ?? [];
  const summaries = items.filter((item) => item.sk === 'SPEAKER' || item.sk === 'ENTITY');
  for (const summary of summaries) {
    const shares = items.filter((item) => item.pk === summary.pk && String(item.sk).startsWith('SHARE#'));
    const infos: Record<string, string> = {};
    const encoded: Record<string, string> = {};
    for (const share of shares) {
      const info = JSON.stringify([share.name, share.type, share.titles, share.aliases]);
      const hash = createHash('sha256').update(info).digest('base64url').slice(0, 10);
      infos[hash] = info;
      encoded[share.articleId as string] = `${share.count}|${share.date}|${compactVersion(share.version as string)}|${hash}`;
      await dynamo.documentClient.send(new DeleteCommand({ TableName: table.tableName, Key: { pk: share.pk, sk: share.sk } }));
    }
    const { pk, sk, itemType, id, name, type, titles, aliases, shown, firstSeen, lastSeen, indexedNames, indexedTypes } = summary;
    // Format 2's totals are those of all its shares: the shown ones (a format-3 summary may keep entries pending).
    const { total, articleCount } = shown as { total: number; articleCount: number };
    const old = { pk, sk, itemType, id, name, type, titles, aliases, shares: encoded, infos, indexedNames, indexedTypes, rev: 7, total, articleCount, firstSeen, lastSeen };
    await dynamo.documentClient.send(new PutCommand({ TableName: table.tableName, Item: old }));
  }
  return summaries.length;
}

const isListed = (item: Record<string, unknown>) => ['speaker-name', 'entity-name', 'mention', 'statement-about'].includes(item.itemType as string);

/**
 * Puts every name item, mention and about item back where store format 3 kept them: a name item in the
 * speaker's or entity's partition under `NAME#[<type>#]<suffix>`, listed through its gsi2 entry; a mention
 * in the article's partition under `MENTION#<version>#<entityId>`, listed through its gsi1 entry; an about
 * item there under `ABOUT#<version>#<entityId>#<n:6>`, listed through its gsi2 entry.
 */
async function toFormat3(table: DynamoInstance): Promise<number> {
  const items = (await tableSnapshot(table)).filter(isListed);
  for (const { pk, sk, ...item } of items) {
    const [suffix] = String(sk).split('#');
    const { id, type, articleId, entityId, version } = item as Record<string, string>;
    // MENTION#<date>#<articleId>#<version>, ABOUT#<date>#<articleId>#<999999-n>#<version>
    const [, date, , reverseOrdinal] = String(sk).split('#');
    const ordinal = String(999_999 - Number(reverseOrdinal)).padStart(6, '0');
    const old =
      item.itemType === 'mention'
        ? { ...item, pk: `ARTICLE#${articleId}`, sk: `MENTION#${version}#${entityId}`, gsi1pk: `MENTIONS#${entityId}`, gsi1sk: `${date}#${articleId}` }
        : item.itemType === 'statement-about'
          ? { ...item, pk: `ARTICLE#${articleId}`, sk: `ABOUT#${version}#${entityId}#${ordinal}`, gsi2pk: `ABOUT#${entityId}`, gsi2sk: `${date}#${articleId}#${reverseOrdinal}` }
          : item.itemType === 'entity-name'
            ? { ...item, pk: `ENTITY#${id}`, sk: `NAME#${type}#${suffix}`, gsi2pk: pk, gsi2sk: `${suffix}#${id}` }
            : { ...item, pk: `SPEAKER#${id}`, sk: `NAME#${suffix}`, gsi2pk: pk, gsi2sk: `${suffix}#${id}` };
    await table.documentClient.send(new PutCommand({ TableName: table.tableName, Item: old }));
    await table.documentClient.send(new DeleteCommand({ TableName: table.tableName, Key: { pk, sk } }));
  }
  return items.length;
}

async function freshTable(prefix: string): Promise<DynamoInstance> {
  const table = { ...dynamo, tableName: `${prefix}-${Math.random().toString(36).slice(2, 10)}` };
  await createTable(dynamo.client, table.tableName);
  return table;
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
    expect((await migrate(table, ({ moved }) => progress.push(moved))).moved).toBe(ARTICLES + 2 * (ARTICLES + 1));
    expect(progress.at(-1)).toBe(ARTICLES + 2 * (ARTICLES + 1));
    expect(await storedFormat(table)).toBe(STORE_FORMAT);

    const listed = await all((cursor) => store.listArticles({ limit: 7, cursor }));
    expect(listed.map((record) => record.source.key).sort()).toEqual(KEYS);
    expect(listed.map((record) => record.metadata.publishedAt)).toEqual(listed.map((record) => record.metadata.publishedAt).sort().reverse());
    expect((await all((cursor) => store.listIngestions({ limit: 7, cursor }))).map((record) => record.key).sort()).toEqual([...KEYS, REJECTED].sort());
    expect(await all((cursor) => store.listIngestionsMadeBefore(2, { limit: 7, cursor }))).toHaveLength(ARTICLES + 1);

    // A second run finds nothing left to move.
    expect(await migrate(table)).toEqual({ moved: 0, converted: 0, names: 0, mentions: 0, about: 0 });
  });

  it('recognises speakers and entities of the one-item layout, converts them on the next write or by migrating, and shows the same records', async () => {
    const [legacy, reference] = [await freshTable('format2'), await freshTable('reference')];
    const table = { client: dynamo.documentClient, tableName: legacy.tableName };
    const stores = [storeFor(legacy), storeFor(reference)];
    const specs: ArticleSpec[] = Array.from({ length: 8 }, (_, i) => ({
      key: `legacy/${i}.txt`,
      publishedAt: `2023-10-${String(1 + i).padStart(2, '0')}`,
      statements: [
        { speaker: i % 2 ? 'Nikol Pashinyan' : 'Ilham Aliyev', text: `s${i}`, title: i % 3 === 0 ? 'President' : 'leader' },
        { speaker: 'Recep Tayyip Erdoğan', text: `e${i}`, aliases: i % 2 ? ['Erdogan'] : [] },
      ],
      entities: [
        { name: 'Karabakh', type: 'location', count: 1 + i },
        { name: i % 2 ? 'Armenia' : 'Azerbaijan', type: i === 3 ? 'organization' : 'location' },
      ],
    }));
    const late = specs.pop() as ArticleSpec;
    const save = (store: TestStore, spec: ArticleSpec) => store.saveArticles(source(spec.key, '01'), [article(spec)], 1);
    for (const store of stores) {
      for (const spec of specs) await save(store, spec);
      // A withdrawn article leaves a zero share, which the old layout kept too.
      await store.deleteSource(source('legacy/2.txt', '02'));
    }
    const speakers = ['Nikol Pashinyan', 'Ilham Aliyev', 'Recep Tayyip Erdoğan'].map(slugId);
    const entities = ['Karabakh', 'Armenia', 'Azerbaijan'].map(slugId);
    const records = async (store: TestStore) => ({
      speakers: await Promise.all(speakers.map((id) => store.getSpeaker(id))),
      entities: await Promise.all(entities.map((id) => store.getEntity(id))),
      search: (await all((cursor) => store.searchSpeakers({ prefix: 'erdo', limit: 5, cursor }))).map((speaker) => speaker.id),
    });
    const shown = await records(stores[0] as TestStore);
    expect(shown.speakers.every((speaker) => speaker && speaker.articleCount > 0)).toBe(true);

    expect(await toFormat2(legacy)).toBe(6);
    expect(await storedFormat(table)).toBe(2);
    expect(await records(stores[0] as TestStore)).toEqual(shown);

    // The late article names Erdoğan, Pashinyan, Karabakh and Armenia: those four are converted by the write.
    for (const store of stores) await save(store, late);
    expect(await records(stores[0] as TestStore)).toEqual(await records(stores[1] as TestStore));
    expect(await migrate(table)).toEqual({ moved: 0, converted: 2, names: 0, mentions: 0, about: 0 });
    expect(await storedFormat(table)).toBe(STORE_FORMAT);

    const aggregates = async (instance: DynamoInstance) =>
      (await tableSnapshot(instance, ['revision'])).filter((item) => /^(SPEAKER|ENTITY)#/.test(String(item.pk))).map(settledAggregate);
    expect(await aggregates(legacy)).toEqual(await aggregates(reference));
    expect((await aggregates(legacy)).filter((item) => String(item.sk).startsWith('SHARE#'))).toHaveLength(8 * (2 + 2)); // each article: two speakers, two entities
    expect(await records(stores[0] as TestStore)).toEqual(await records(stores[1] as TestStore));
    expect(await migrate(table)).toEqual({ moved: 0, converted: 0, names: 0, mentions: 0, about: 0 });
  });

  it('recognises name items, mentions and about items listed through an index and moves each to its list, as a write puts it', async () => {
    const named = await freshTable('format3');
    const table = { client: named.documentClient, tableName: named.tableName };
    const store = storeFor(named);
    for (const [i, speaker] of ['Recep Tayyip Erdoğan', 'Ilham Aliyev', 'Erdal Eren'].entries()) {
      const spec = { key: `names/${i}.txt`, statements: [{ speaker, text: `Karabakh ${i}` }, { speaker, text: 'no name' }], entities: [{ name: 'Nagorno-Karabakh', type: i === 1 ? 'organization' : 'location' } as const] };
      const parsed = article(spec);
      parsed.statements = parsed.statements.map((statement) => ({ ...statement, entities: entitiesNamed(statement.text, ['karabakh']).map((entity) => ({ ...entity, id: 'nagorno-karabakh' })) }));
      await store.saveArticles(source(spec.key, '01'), [parsed], 1);
    }
    const listedItems = async () => (await tableSnapshot(named)).filter(isListed);
    const searches = async () => ({
      speakers: (await all((cursor) => store.searchSpeakers({ prefix: 'er', limit: 2, cursor }))).map((speaker) => speaker.id),
      entities: (await all((cursor) => store.searchEntities({ prefix: 'kara', limit: 2, cursor }))).map((entity) => [entity.id, entity.type]),
      articles: (await all((cursor) => store.listEntityArticles('nagorno-karabakh', { limit: 2, cursor }))).map((mention) => mention.articleId).sort(),
      said: (await all((cursor) => store.listEntityStatements({ id: 'nagorno-karabakh', limit: 2, cursor }))).map((statement) => statement.text).sort(),
    });
    const written = await listedItems();
    const found = await searches();
    expect(found.speakers).toEqual(['erdal-eren', 'recep-tayyip-erdogan']);
    expect(found.entities).toEqual([['nagorno-karabakh', 'location']]);
    expect(found.articles).toHaveLength(3);
    expect(found.said).toEqual(['Karabakh 0', 'Karabakh 1', 'Karabakh 2']);
    // 3 words + 2 + 2 of the speakers; 2 words under each of the entity's 2 types; a mention and an about item per article.
    expect(written).toHaveLength(7 + 4 + 3 + 3);

    expect(await toFormat3(named)).toBe(written.length);
    // A mention of a version that is not current (its writer lost, or its cleanup is due): not listed.
    const [stale] = (await tableSnapshot(named)).filter((item) => item.itemType === 'mention');
    const staleKey = { pk: stale!.pk, sk: String(stale!.sk).replace(String(stale!.version), '0'.repeat(40)) };
    await named.documentClient.send(new PutCommand({ TableName: named.tableName, Item: { ...stale, ...staleKey, version: '0'.repeat(40) } }));
    expect(await storedFormat(table)).toBe(3);
    expect(await searches()).toEqual({ speakers: [], entities: [], articles: [], said: [] });

    expect(await migrate(table)).toEqual({ moved: 0, converted: 0, names: 11, mentions: 3, about: 3 });
    expect(await storedFormat(table)).toBe(STORE_FORMAT);
    const isStale = (item: Record<string, unknown>) => item.pk === staleKey.pk && item.sk === staleKey.sk;
    expect((await listedItems()).filter((item) => !isStale(item))).toEqual(written);
    expect(await searches()).toEqual(found);
    // The stale one is left where its version's cleanup looks.
    expect((await tableSnapshot(named)).filter(isStale)).toHaveLength(1);
    expect(await migrate(table)).toEqual({ moved: 0, converted: 0, names: 0, mentions: 0, about: 0 });
  });
});
