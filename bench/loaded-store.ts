/**
 * The corpus (or every Nth article of it) stored through the DynamoDB store on an in-memory dynalite,
 * one object after another, with the client metered: what each article cost to write. The dynalite is the
 * local pipeline's (local/dynamo.ts, in a worker thread), so the API is measured on what `npm start` runs.
 * The dynamo-cost and api measures share one load per bench process (loading is the slow part).
 */
import { paginateScan, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PARSER_VERSION } from '../shared/parse/version.ts';
import { RejectedInput, parseDocument } from '../shared/parse/index.ts';
import type { ParsedArticle } from '../shared/model/parsed.ts';
import type { SourceObject } from '../shared/store/port.ts';
import { readerAndWriter, type TestStore } from '../tests/support/store.ts';
import { startLocalDynamo } from '../local/dynamo.ts';
import { documentClient, localClient } from '../tests/support/dynamo.ts';
import { atBenchEnd } from './cleanup.ts';
import { loadCorpus } from './corpus.ts';
import { itemSize, meterClient, snapshot, usageDelta, type Usage } from './dynamo-meter.ts';

export interface LoadedStore {
  store: TestStore;
  /** Everything the client has sent so far: snapshot it around a call to see what the call cost. */
  usage: Usage;
  /** What saving each object cost, in corpus order. */
  perObject: Usage[];
  loadMs: number;
  /** The speaker with the most statements: a realistic heavy timeline to query. */
  busiestSpeaker: { id: string; name: string; statements: number };
  /**
   * The first article of the sample with statements, and its object's key: the same one every run, for the
   * reads of one article (the list's newest is not: articles stored within the same second sort by id).
   */
  sampleArticle: { id: string; key: string };
  /** The largest item of each type in the table once every object is stored: what grows with the archive shows here. */
  largestItems: Map<string, number>;
  stop(): Promise<void>;
}

const BUCKET = 'articles';
const TABLE = 'onrecord-bench';
/**
 * The BBC corpus gives no publication dates, so its articles count on no publication day (the home page's
 * busiest lists). BENCH_PUBLISHED_DAYS=N dates each undated article, in corpus order, on one of N days
 * ending 2023-09-30 (round robin), as a daily news archive would be: the day aggregates' cost then shows.
 */
const PUBLISHED_DAYS = Number(process.env.BENCH_PUBLISHED_DAYS ?? 0);

function dated(parsed: ParsedArticle[], index: number): ParsedArticle[] {
  if (!(PUBLISHED_DAYS > 0)) return parsed;
  const day = new Date(Date.UTC(2023, 8, 30) - (index % PUBLISHED_DAYS) * 86_400_000).toISOString().slice(0, 10);
  return parsed.map((article) => (article.metadata.publishedAt ? article : { ...article, metadata: { ...article.metadata, publishedAt: day } }));
}

function sourceOf(key: string, size: number, index: number): SourceObject {
  return {
    bucket: BUCKET,
    key,
    versionId: null,
    eTag: null,
    size,
    sequencer: (index + 1).toString(16).toUpperCase().padStart(16, '0'),
    eventTime: new Date().toISOString(),
  };
}

async function load(every: number): Promise<LoadedStore> {
  const articles = (await loadCorpus()).filter((_, index) => index % every === 0);
  const dynamo = await startLocalDynamo({ port: 0, tableName: TABLE });
  const client = localClient(dynamo.endpoint);
  const stop = async () => {
    client.destroy();
    await dynamo.close();
  };
  try {
    const usage = meterClient(client);
    const store = readerAndWriter({ client: documentClient(client), tableName: TABLE, cursorSecret: 'bench-cursor-secret' });
    const perObject: Usage[] = [];
    const speakers = new Map<string, { id: string; name: string; statements: number }>();
    let sampleArticle: LoadedStore['sampleArticle'] | undefined;
    const start = performance.now();
    for (const [index, { key, bytes }] of articles.entries()) {
      const source = sourceOf(key, bytes.byteLength, index);
      const before = snapshot(usage);
      try {
        const parsed = dated(parseDocument(bytes, { key }), index);
        const quoting = parsed.find((article) => article.statements.length > 0);
        if (!sampleArticle && quoting) sampleArticle = { id: quoting.id, key };
        for (const { speaker } of parsed.flatMap((article) => article.statements)) {
          const entry = speakers.get(speaker.id) ?? { id: speaker.id, name: speaker.name, statements: 0 };
          entry.statements++;
          speakers.set(speaker.id, entry);
        }
        await store.saveArticles(source, parsed, PARSER_VERSION);
      } catch (error) {
        if (!(error instanceof RejectedInput)) throw error;
        await store.recordRejection(source, { code: error.code, message: error.message }, PARSER_VERSION);
      }
      perObject.push(usageDelta(usage, before));
    }
    const loadMs = performance.now() - start;
    const busiestSpeaker = [...speakers.values()].sort((a, b) => b.statements - a.statements)[0];
    if (!busiestSpeaker || !sampleArticle) throw new Error('the parser found no statements: nothing to query by speaker');
    const scanner = localClient(dynamo.endpoint);
    try {
      return { store, usage, perObject, loadMs, busiestSpeaker, sampleArticle, largestItems: await largestItems(scanner), stop };
    } finally {
      scanner.destroy();
    }
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Read with a client of its own, so the Scan is not counted as the store's cost. */
async function largestItems(client: DynamoDBClient): Promise<Map<string, number>> {
  const largest = new Map<string, number>();
  for await (const page of paginateScan({ client }, { TableName: TABLE })) {
    for (const item of page.Items ?? []) {
      const itemType = item.itemType?.S ?? 'unknown';
      largest.set(itemType, Math.max(largest.get(itemType) ?? 0, itemSize(item as unknown as Parameters<typeof itemSize>[0])));
    }
  }
  return largest;
}

let shared: Promise<LoadedStore> | undefined;

/** The loaded store of this process, loading it on first use (every bench measure gets the same sample). */
export function loadedStore(every: number): Promise<LoadedStore> {
  if (!shared) {
    const loading = load(every);
    shared = loading;
    atBenchEnd(() => loading.then((loaded) => loaded.stop(), () => undefined));
  }
  return shared;
}
