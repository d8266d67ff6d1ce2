/**
 * Statements and clusters at size (#18): one speaker quoted with the same words (copied, re-punctuated, a
 * word dropped) in 1,000 articles, each naming one entity, and one statement of 1,000 words. The cluster of
 * 1,000 members, the speaker's 1,001 statements about the entity and what was said about the entity all page
 * completely, each statement once, in order; the long statement reads back whole; and no item in the table
 * reaches 4 KB, whatever the cluster's size or the statement's length.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedArticle } from '../../../shared/model/parsed.ts';
import { forEachLimited } from '../../../shared/store/dynamodb/batch.ts';
import { byteSize } from '../../../shared/store/dynamodb/fit.ts';
import { startDynalite, type DynamoInstance } from '../../support/dynamo.ts';
import type { TestStore } from '../../support/store.ts';
import { all, article, named, source, storeFor } from './helpers.ts';

const ARTICLES = 1_000;
const SPEAKER = 'recep-tayyip-erdogan';
const QUOTE = 'Armenia must withdraw its forces from Karabakh without delay, and the corridor must open.';
/** The same words as outlets print them: as said, in curly quote marks, or with a word dropped. */
const VARIANTS = [QUOTE, `“${QUOTE.replace(', and', '” and “')}”`, QUOTE.replace('without delay', 'without any delay')];
const LONG_WORDS = 1_000;
const LONG = Array.from({ length: LONG_WORDS / 10 }, (_, i) => `Armenia and Turkey spoke in round ${i} about the border.`).join(' ');
const DAY_MS = 86_400_000;
const dateOf = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * DAY_MS).toISOString().slice(0, 10);

function report(i: number): ParsedArticle {
  const statements = [{ speaker: 'Recep Tayyip Erdogan', text: VARIANTS[i % VARIANTS.length]! }];
  if (i === 0) statements.push({ speaker: 'Recep Tayyip Erdogan', text: LONG });
  const parsed = article({ key: `scale/${i}.txt`, publishedAt: dateOf(i), statements, entities: [{ name: 'Armenia', type: 'location' }] });
  parsed.statements = parsed.statements.map((statement) => ({ ...statement, entities: named(statement.text, ['armenia']) }));
  return parsed;
}

describe('echo clusters and statements about an entity at size', () => {
  let dynamo: DynamoInstance;
  let store: TestStore;
  const reports = Array.from({ length: ARTICLES }, (_, i) => report(i));
  const echoIds = reports.map((parsed) => `${parsed.id}-0`);
  const longId = `${reports[0]!.id}-1`;

  beforeAll(async () => {
    dynamo = await startDynalite();
    store = storeFor(dynamo);
    // The latest article founds the cluster; the others join it, several at once, as a busy ingest would.
    await store.saveArticles(source(`scale/${ARTICLES - 1}.txt`, '01'), [reports[ARTICLES - 1]!], 1);
    await forEachLimited(reports.slice(0, -1), 8, async (parsed) => {
      await store.saveArticles(source(`scale/${reports.indexOf(parsed)}.txt`, '01'), [parsed], 1);
    });
  }, 600_000);
  afterAll(async () => dynamo?.stop());

  it('keeps all 1,000 in one cluster, paged completely either way, the earliest published first', async () => {
    const cluster = (await store.getStatement(echoIds[0]!))!.statement.cluster!;
    const page = (order: 'oldest' | 'newest') => all(async (cursor) => (await store.getCluster(cluster.id, { order, limit: 100, cursor }))!.members);
    const oldest = await page('oldest');
    expect(oldest.map((statement) => statement.id)).toEqual(echoIds);
    expect((await page('newest')).map((statement) => statement.id)).toEqual([...echoIds].reverse());
    expect((await store.getCluster(cluster.id, { order: 'newest', limit: 1 }))!.first.id).toBe(echoIds[0]);
    expect(new Set(oldest.map((statement) => statement.cluster!.relation))).toEqual(new Set(['reference', 'copy', 'near-copy']));
  }, 120_000);

  it("pages the speaker's 1,001 statements about the entity, and everything said about it, each once", async () => {
    const everyStatement = [longId, ...echoIds].sort();
    const bySpeaker = await all((cursor) => store.listStatements({ speaker: SPEAKER, about: 'armenia', limit: 100, cursor }));
    expect(bySpeaker.map((statement) => statement.id).sort()).toEqual(everyStatement);
    const aboutIt = await all((cursor) => store.listEntityStatements({ id: 'armenia', limit: 100, cursor }));
    expect(aboutIt.map((statement) => statement.id).sort()).toEqual(everyStatement);
    expect(aboutIt.map((statement) => statement.publishedAt)).toEqual([...aboutIt.map((statement) => statement.publishedAt)].sort().reverse());
  }, 120_000);

  it('lists the statement of 1,000 words by its first words, and reads it back whole', async () => {
    const listed = (await store.listArticleStatements(reports[0]!.id, { limit: 10 })).items[1]!;
    expect(listed).toMatchObject({ id: longId, clipped: true });
    expect(LONG.startsWith(listed.text.slice(0, -1))).toBe(true);
    expect(listed.entities.every((entity) => entity.end < listed.text.length)).toBe(true);
    const read = await store.getStatement(longId);
    expect(read!.statement.clipped).toBe(false);
    expect(read!.statement.text).toBe(LONG);
    expect(read!.statement.text.split(' ')).toHaveLength(LONG_WORDS);
    expect(read!.statement.entities).toHaveLength(LONG_WORDS / 10);
  });

  it('keeps every item under 4 KB', async () => {
    let largest = { size: 0, key: '' };
    let items = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const scanned = await dynamo.documentClient.send(new ScanCommand({ TableName: dynamo.tableName, ExclusiveStartKey: start }));
      for (const item of scanned.Items ?? []) {
        items++;
        const size = byteSize(item);
        if (size > largest.size) largest = { size, key: `${String(item.pk)} | ${String(item.sk)}` };
      }
      start = scanned.LastEvaluatedKey;
    } while (start);
    console.log(`${items} items; the largest ${largest.size} B: ${largest.key}`);
    expect(largest.size).toBeLessThan(4_096);
  }, 120_000);
});
