/**
 * Echo clusters (echo-clusters.ts, lists.clusterMembers): articles that quote one speaker's words with small
 * changes (a dropped word, other quote marks, a cut sentence, reported speech) land in one cluster, whatever
 * order they arrive in; the first appearance is the earliest published; deleting it moves the first appearance,
 * and a re-upload or reprocessing keeps the cluster's id.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../../shared/parse/index.ts';
import type { ParsedArticle } from '../../../shared/model/parsed.ts';
import type { StatementKind } from '../../../shared/model/statement.ts';
import { dynamoBackends, type DynamoInstance } from '../../support/dynamo.ts';
import type { TestStore } from '../../support/store.ts';
import { all, article, source, storeFor } from './helpers.ts';

const ERDOGAN = 'Recep Tayyip Erdogan';
const ORIGINAL = 'We will not allow anyone to drag the region into a new war. Our support for Azerbaijan is unconditional.';

interface Report {
  key: string;
  publishedAt: string;
  text: string;
  kind?: StatementKind;
  speaker?: string;
}

/** One article each; the same story's other statements around the echo, as a report has them. */
const REPORTS: Record<string, Report> = {
  original: { key: 'wire/original.txt', publishedAt: '2023-09-18', text: ORIGINAL },
  droppedWord: { key: 'daily/dropped-word.txt', publishedAt: '2023-09-19', text: ORIGINAL.replace('into a new war', 'into new war') },
  quoteMarks: { key: 'weekly/quote-marks.txt', publishedAt: '2023-09-20', text: '“We will not allow anyone to drag the region into a new war” — our support for Azerbaijan is “unconditional”!' },
  cutSentence: { key: 'web/cut-sentence.txt', publishedAt: '2023-09-21', text: 'We will not allow anyone to drag the region into a new war.' },
  reported: { key: 'radio/reported.txt', publishedAt: '2023-09-22', kind: 'indirect', text: 'Turkey would not allow anyone to drag the region into a new war, and its support for Azerbaijan was unconditional' },
  otherWords: { key: 'daily/other-words.txt', publishedAt: '2023-09-19', text: 'The economy will grow faster than anyone expected this year.' },
  otherSpeaker: { key: 'daily/other-speaker.txt', publishedAt: '2023-09-19', text: ORIGINAL, speaker: 'Ilham Aliyev' },
};
type Name = keyof typeof REPORTS;

function parsedOf(name: Name): ParsedArticle {
  const report = REPORTS[name]!;
  return article({
    key: report.key,
    publishedAt: report.publishedAt,
    statements: [
      { speaker: 'Hakob Vardanyan', text: `Unrelated words about ${name} from another speaker entirely.` },
      { speaker: report.speaker ?? ERDOGAN, text: report.text, kind: report.kind ?? 'direct' },
    ],
  });
}

describe.each(dynamoBackends.filter((backend) => !backend.skipReason))('echo clusters on $name', (backend) => {
  let dynamo: DynamoInstance;
  let store: TestStore;
  let sequence = 0;
  const save = (name: Name, parserVersion = 1) => store.saveArticles(source(REPORTS[name]!.key, (++sequence).toString(16).padStart(4, '0')), [parsedOf(name)], parserVersion);
  const echoOf = (name: Name) => `${parsedOf(name).id}-1`;
  const clusterOf = async (name: Name) => (await store.getStatement(echoOf(name)))?.statement.cluster ?? null;
  const members = async (id: string, order: 'oldest' | 'newest', limit = 2) =>
    (await all(async (cursor) => (await store.getCluster(id, { order, limit, cursor }))!.members)).map((statement) => statement.id);

  beforeAll(async () => {
    dynamo = await backend.start();
    store = storeFor(dynamo);
    // Not in publication order: the cluster is founded by the dropped-word copy, not by the original.
    for (const name of ['droppedWord', 'quoteMarks', 'otherWords', 'original', 'cutSentence', 'reported', 'otherSpeaker'] as const) await save(name);
  });
  afterAll(async () => dynamo?.stop());

  it('puts the copies, the cut copy and the reported speech in one cluster, marked by how they relate', async () => {
    const founded = await clusterOf('droppedWord');
    expect(founded).toMatchObject({ relation: 'reference' });
    expect(await clusterOf('quoteMarks')).toEqual({ id: founded!.id, relation: 'near-copy' });
    expect(await clusterOf('original')).toEqual({ id: founded!.id, relation: 'near-copy' });
    expect(await clusterOf('cutSentence')).toEqual({ id: founded!.id, relation: 'near-copy' });
    expect(await clusterOf('reported')).toEqual({ id: founded!.id, relation: 'paraphrase' });
  });

  it('keeps other words, and the same words of another speaker, out of it', async () => {
    const cluster = (await clusterOf('droppedWord'))!.id;
    for (const name of ['otherWords', 'otherSpeaker'] as const) {
      const other = await clusterOf(name);
      expect(other, name).toMatchObject({ relation: 'reference' });
      expect(other!.id, name).not.toBe(cluster);
    }
    const unrelated = await store.getStatement(`${parsedOf('original').id}-0`);
    expect(unrelated!.statement.cluster!.id).not.toBe(cluster);
  });

  it('answers the first appearance by publication date, and pages members either way, each once', async () => {
    const id = (await clusterOf('droppedWord'))!.id;
    const byDate = ['original', 'droppedWord', 'quoteMarks', 'cutSentence', 'reported'] as const;
    const cluster = await store.getCluster(id, { order: 'newest', limit: 2 });
    expect(cluster!.first.id).toBe(echoOf('original'));
    expect(await members(id, 'oldest')).toEqual(byDate.map(echoOf));
    expect(await members(id, 'newest', 3)).toEqual([...byDate].reverse().map(echoOf));
    const { nextCursor } = (await store.getCluster(id, { order: 'oldest', limit: 1 }))!.members;
    await expect(store.getCluster(id, { order: 'newest', limit: 1, cursor: nextCursor! })).rejects.toThrow(/cursor/);
  });

  it('moves the first appearance when its article is deleted, and back when it returns, under the same id', async () => {
    const id = (await clusterOf('droppedWord'))!.id;
    await store.deleteSource(source(REPORTS.original!.key, (++sequence).toString(16).padStart(4, '0')));
    expect((await store.getCluster(id, { order: 'newest', limit: 10 }))!.first.id).toBe(echoOf('droppedWord'));
    expect(await members(id, 'oldest')).not.toContain(echoOf('original'));
    await save('original');
    expect((await store.getCluster(id, { order: 'newest', limit: 10 }))!.first.id).toBe(echoOf('original'));
    expect(await clusterOf('original')).toEqual({ id, relation: 'near-copy' });
  });

  it('keeps the cluster when its founding statement is reprocessed, and when all its statements are gone answers null', async () => {
    const id = (await clusterOf('droppedWord'))!.id;
    await save('droppedWord', 2);
    expect(await clusterOf('droppedWord')).toEqual({ id, relation: 'reference' });
    for (const name of ['original', 'droppedWord', 'quoteMarks', 'cutSentence', 'reported'] as const) {
      await store.deleteSource(source(REPORTS[name]!.key, (++sequence).toString(16).padStart(4, '0')));
    }
    expect(await store.getCluster(id, { order: 'oldest', limit: 5 })).toBeNull();
    // The same words again find the same cluster: its keys and reference outlive its members.
    await save('quoteMarks');
    expect(await clusterOf('quoteMarks')).toEqual({ id, relation: 'near-copy' });
  });
});

/** The repository's own four reports of one quote (tests/fixtures/echo), as the parser reads them. */
const FIXTURES = new URL('../../fixtures/echo/', import.meta.url);

describe.each(dynamoBackends.filter((backend) => !backend.skipReason))('echo clusters of parsed reports on $name', (backend) => {
  let dynamo: DynamoInstance;
  let store: TestStore;

  beforeAll(async () => {
    dynamo = await backend.start();
    store = storeFor(dynamo);
    // Not in publication order; the wire, ingested first, founds the cluster, and the others relate to its words.
    const files = ['wire-2023-09-19.md', 'weekly-2023-09-22.md', 'radio-2023-09-23.md', 'daily-2023-09-20.md'];
    expect(readdirSync(FIXTURES).sort()).toEqual([...files].sort());
    for (const [n, file] of files.entries()) {
      const parsed = parseDocument(readFileSync(new URL(file, FIXTURES)), { key: `echo/${file}` });
      await store.saveArticles(source(`echo/${file}`, String(n + 1).padStart(2, '0')), parsed, 1);
    }
  });
  afterAll(async () => dynamo?.stop());

  it("finds every outlet that carried Erdogan's words, the wire first, and marks the reported one a paraphrase", async () => {
    const { items } = await store.listStatements({ speaker: 'recep-tayyip-erdogan', limit: 10 });
    expect(items).toHaveLength(4);
    const cluster = await store.getCluster(items[0]!.cluster!.id, { order: 'oldest', limit: 10 });
    expect(cluster!.first.articleSite).toBe('Anatolia Wire');
    expect(cluster!.members.items.map((statement) => [statement.articleSite, statement.kind, statement.cluster!.relation])).toEqual([
      ['Anatolia Wire', 'direct', 'reference'],
      ['The Daily Ledger', 'direct', 'near-copy'],
      ['Weekly Review', 'direct', 'near-copy'],
      ['Radio Caucasus', 'indirect', 'paraphrase'],
    ]);
  });
});
