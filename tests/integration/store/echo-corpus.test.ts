/**
 * Echo clusters on real news (the BBC corpus, when present beside the clone): the articles that hold the first
 * ECHO_PAIRS echoes the domain finds (pairs of one speaker's statements in different articles, confirmed by
 * echoRelation), stored one after another on dynalite. Each confirmed pair should share a cluster; a cluster's
 * first appearance is its earliest article (BBC texts carry no date, so it is the upload time they are filed
 * at); deleting that article moves the first appearance to the next.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { echoFingerprint } from '../../../shared/echo/fingerprint.ts';
import { echoRelation } from '../../../shared/echo/relation.ts';
import { statementId } from '../../../shared/model/ids.ts';
import type { ParsedArticle } from '../../../shared/model/parsed.ts';
import { parseDocument } from '../../../shared/parse/index.ts';
import { corpusSet } from '../../support/corpus.ts';
import { startDynalite, type DynamoInstance } from '../../support/dynamo.ts';
import type { TestStore } from '../../support/store.ts';
import { source, storeFor } from './helpers.ts';

const ECHO_PAIRS = 150;
/** Of the confirmed pairs, the share that must end in one cluster (a cluster is compared with its first words, not chained). */
const MIN_PAIRS_CLUSTERED = 0.9;
const bbc = corpusSet('bbc-news');

/**
 * Confirmed echo pairs, as statement ids, in the corpus's file order: candidates by the full fingerprint's keys,
 * not the stored ones, so that the pairs do not change with the key layout the store is tested for.
 */
function echoPairs(articles: ParsedArticle[]): [string, string][] {
  const byKey = new Map<string, string[]>();
  const statements = new Map<string, ParsedArticle['statements'][number]>();
  for (const parsed of articles) {
    parsed.statements.forEach((statement, index) => {
      const id = statementId(parsed.id, index);
      statements.set(id, statement);
      for (const key of echoFingerprint(statement.text).keys) byKey.set(`${statement.speaker.id}\n${key}`, [...(byKey.get(`${statement.speaker.id}\n${key}`) ?? []), id]);
    });
  }
  const pairs = new Map<string, [string, string]>();
  const articleOf = (id: string) => id.slice(0, id.lastIndexOf('-'));
  for (const ids of byKey.values()) {
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const [a, b] = [ids[i]!, ids[j]!];
        if (articleOf(a) !== articleOf(b) && echoRelation(statements.get(a)!, statements.get(b)!)) pairs.set(`${a} ${b}`, [a, b]);
      }
    }
  }
  return [...pairs.values()];
}

describe.skipIf(!bbc)('echo clusters on the BBC corpus', () => {
  let dynamo: DynamoInstance;
  let store: TestStore;
  let pairs: [string, string][];
  let stored: ParsedArticle[];
  const keyOf = new Map<string, string>();

  beforeAll(async () => {
    const files = readdirSync(bbc!, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.txt')).sort();
    const articles = files.flatMap((file) => {
      const parsed = parseDocument(readFileSync(join(bbc!, file)), { key: file });
      for (const article of parsed) keyOf.set(article.id, file);
      return parsed;
    });
    pairs = echoPairs(articles).slice(0, ECHO_PAIRS);
    const wanted = new Set(pairs.flat().map((id) => id.slice(0, id.lastIndexOf('-'))));
    stored = articles.filter((parsed) => wanted.has(parsed.id));
    dynamo = await startDynalite();
    store = storeFor(dynamo);
    // One after another, an hour apart: the upload time is where an undated article is filed.
    for (const [n, parsed] of stored.entries()) {
      const eventTime = new Date(Date.UTC(2024, 0, 1) + n * 3_600_000).toISOString();
      await store.saveArticles(source(keyOf.get(parsed.id)!, '01', eventTime), [parsed], 1);
    }
  }, 600_000);
  afterAll(async () => dynamo?.stop());

  const clusterOf = async (id: string) => (await store.getStatement(id))?.statement.cluster?.id;

  it('puts nearly every confirmed echo pair in one cluster', async () => {
    let together = 0;
    for (const [a, b] of pairs) if ((await clusterOf(a)) === (await clusterOf(b))) together++;
    console.log(`BBC echo pairs in one cluster: ${together} of ${pairs.length} (${stored.length} articles stored)`);
    expect(pairs.length).toBe(ECHO_PAIRS);
    expect(together / pairs.length).toBeGreaterThanOrEqual(MIN_PAIRS_CLUSTERED);
  }, 120_000);

  it("answers the earliest article as the first appearance, and the next one once it is deleted", async () => {
    const id = (await clusterOf(pairs[0]![0]))!;
    const before = (await store.getCluster(id, { order: 'oldest', limit: 100 }))!;
    expect(before.members.items.length).toBeGreaterThanOrEqual(2);
    const published = before.members.items.map((statement) => statement.publishedAt);
    expect(published).toEqual([...published].sort());
    expect(before.first.id).toBe(before.members.items[0]!.id);
    await store.deleteSource(source(keyOf.get(before.first.articleId)!, '02'));
    const after = (await store.getCluster(id, { order: 'newest', limit: 100 }))!;
    const next = before.members.items.find((statement) => statement.articleId !== before.first.articleId)!;
    expect(after.first.id).toBe(next.id);
    expect(after.members.items.map((statement) => statement.articleId)).not.toContain(before.first.articleId);
  }, 120_000);
});
