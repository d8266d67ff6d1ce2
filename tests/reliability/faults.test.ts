/**
 * Nothing is lost or doubled under faults. A whole set of news (the BBC corpus's 2,225 articles when it is
 * present, otherwise 500 generated articles in every format with bad inputs among them: see
 * ../support/news-set.ts) goes through the real ingest handler, reading from embedded S3 (s3rver) and writing to the real DynamoDB store on dynalite,
 * twice: once without faults (the reference), and once while a seeded share of all S3 and DynamoDB attempts
 * fail (throttling, 5xx, timeouts, dropped connections; before the request is sent or after it was
 * applied). The SDK retries as configured in production; what still fails is reported as a batch item
 * failure and redelivered by the local SQS stand-in up to maxReceiveCount, then dead-lettered, and the dead
 * letters are redriven as an operator would. The two tables must then hold the same items.
 *
 * s3rver runs here; the two runs run at the same time, each in a child process (ingest-run.ts) with its
 * own handler instances and its own dynalite in a worker thread, so both cores work. With one item per
 * speaker and entity (store format 2) the whole corpus took 4 min 22 s to 5 min 2 s wall on the 2-core
 * machine under a load of 0 to 3; with share items and a journaled summary (format 3: three requests per
 * share change) 5 min 56 s in CI on the otherwise idle machine, and 10 to 14 minutes under a load of 3 to 8. The faulty run takes longer (SDK backoffs and
 * redeliveries): for its last minute the other core is free for the rest of `npm test`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settledAggregate } from '../support/settled-aggregates.ts';
import { startTestS3, type TestS3 } from '../support/s3.ts';
import { newsSet, type NewsSet } from '../support/news-set.ts';
import { uploadNews } from './upload-news.ts';
import { ingestRuns, type IngestRuns, type Run, type RunSettings } from './ingest-runs.ts';
import { diffTables, type Item } from './table-diff.ts';

/** The issue asks for at least 10%; with the seed, 12.5% fails 12.5% of attempts (0.12 gave 11.8 to 11.9%). */
const FAULT_RATE = 0.125;
/**
 * `npm test` ingests the whole set. FAULT_CORPUS=sample takes every 10th article (223 of the BBC corpus, all
 * categories) for a quick local run (about 1.5 minutes); FAULT_STRIDE=N every Nth (CI takes every 3rd, 742
 * of the corpus, to stay within its 20 minutes: the whole corpus takes 9 minutes on an idle 2-core machine
 * since echo clusters, half of CI's time).
 */
const SAMPLE_STRIDE = process.env.FAULT_CORPUS === 'sample' ? 10 : Number(process.env.FAULT_STRIDE ?? 1);
if (!Number.isInteger(SAMPLE_STRIDE) || SAMPLE_STRIDE < 1) throw new Error(`FAULT_STRIDE takes a positive integer, not ${process.env.FAULT_STRIDE}`);
const SAMPLE = SAMPLE_STRIDE > 1;
const SEED = Number(process.env.FAULT_SEED ?? 20260927);
const MAX_RECEIVE_COUNT = 5;
const RUN: Omit<RunSettings, 'faultRate'> = {
  seed: SEED,
  /**
   * Queues, each feeding its own handler instance: 2 with one batch of 10 in flight each keep a run's
   * handler thread and its dynalite busy. More only make writers race on the same speaker/entity items:
   * 4 queues with 10 batches each (400 articles at once) had 20% of aggregate writes conflict and redone,
   * and took 25% more CPU on the sample; here 6% (fault-free) and 9% (faulty) conflict.
   */
  consumers: 2,
  batchesPerConsumer: 1,
  maxReceiveCount: MAX_RECEIVE_COUNT,
};

let s3: TestS3;
let runs: IngestRuns | undefined;
let keys: string[];
let news: NewsSet;

beforeAll(async () => {
  s3 = await startTestS3();
  news = await newsSet();
  keys = SAMPLE ? news.keys.filter((_, index) => index % SAMPLE_STRIDE === 0) : news.keys;
  const started = performance.now();
  await uploadNews(s3.client, s3.bucket, news, keys);
  console.log(`uploaded ${keys.length} articles of ${news.description} to s3rver in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}, 900_000);

afterAll(async () => {
  await runs?.close();
  await s3?.stop();
});

function countHeads(table: Map<string, Item>): Map<string, number> {
  const heads = new Map<string, number>();
  for (const item of table.values()) {
    if (item.itemType === 'article') heads.set(String(item.articleId), (heads.get(String(item.articleId)) ?? 0) + 1);
  }
  return heads;
}

const sources = (table: Map<string, Item>, status: 'accepted' | 'rejected') =>
  [...table.values()].filter((item) => item.itemType === 'source' && item.status === status).map((item) => String(item.key)).sort();
const accepted = (table: Map<string, Item>) => sources(table, 'accepted').length;


/**
 * Which statement founds an echo cluster, and so the cluster's id, its reference item and which cluster a
 * contested key points at, depends on arrival order, which the two consumers and the faults change
 * (echo-clusters.ts says why that is accepted). So clusters are checked apart (`danglingClusters`), and left
 * out of the item-by-item comparison: the echo items, and the cluster that statement and about items carry
 * (with the statement item's index entry in its cluster).
 */
const isEchoItem = (key: string) => /^(ECHO|CLUSTER)#/.test(key);

/**
 * Also without `revision`: it counts an aggregate summary's writes (and a share item names the write that
 * announced it), which retries and write conflicts legitimately change.
 */
function withoutOrderDependent(item: Item): Item {
  // Which completed entries a summary keeps for the next write to fold depends on which article came last.
  const { revision: _revision, ...rest } = settledAggregate(item);
  if (rest.itemType !== 'statement' && rest.itemType !== 'statement-about') return rest;
  // A statement item's gsi2 entry is its cluster's (an about item has none: its key is its list's).
  const { gsi2pk: _gsi2pk, gsi2sk: _gsi2sk, statement, ...fields } = rest;
  const { cluster: _cluster, ...record } = statement as Item;
  return { ...fields, statement: record };
}

const withoutEchoItems = (table: Map<string, Item>) => new Map([...table].filter(([key]) => !isEchoItem(key)));

/** Every statement's cluster and every key's cluster has its reference: no dangling id, whatever failed when. */
function danglingClusters(table: Map<string, Item>): string[] {
  const dangling: string[] = [];
  for (const item of table.values()) {
    const cluster =
      item.itemType === 'statement' ? (item.statement as { cluster: { id: string } | null }).cluster?.id : item.itemType === 'echo-key' ? String(item.clusterId) : undefined;
    if (cluster !== undefined && !table.has(`CLUSTER#${cluster} | CLUSTER`)) dangling.push(`${String(item.pk)} | ${String(item.sk)} → ${cluster}`);
  }
  return dangling;
}

let reference: Run;
let faulty: Run;
let wallSeconds: number;

describe('ingesting a set of news while S3 and DynamoDB fail at random', () => {
  beforeAll(async () => {
    expect(s3.notifications).toHaveLength(keys.length);
    // Each run in its own process with its own dynalite, both at once: s3rver serves them from here.
    runs = await ingestRuns(s3.notifications, {
      // The ingest function's S3 client is made from the environment on first use, as in the Lambda.
      S3_ENDPOINT: s3.endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      POWERTOOLS_METRICS_DISABLED: 'true',
    });
    const started = performance.now();
    ({ reference, faulty } = (await runs.run({ reference: { ...RUN, faultRate: 0 }, faulty: { ...RUN, faultRate: FAULT_RATE } })) as Record<
      'reference' | 'faulty',
      Run
    >);
    wallSeconds = (performance.now() - started) / 1000;
  }, 3_600_000);

  it('stores every article exactly once, with the same records as a fault-free run', () => {
    const badInputs = keys.filter((key) => news.rejected.has(key));
    expect(accepted(reference.table), 'the fault-free run stores every article').toBe(keys.length - badInputs.length);
    expect(sources(reference.table, 'rejected'), 'and records every bad input as rejected').toEqual(badInputs);
    expect([...countHeads(reference.table).values()].every((count) => count === 1)).toBe(true);
    expect(reference.deadLettered).toBe(0);

    const stats = faulty.faults;
    if (!stats) throw new Error('the faulty run reported no fault statistics');
    const diff = diffTables(withoutEchoItems(reference.table), withoutEchoItems(faulty.table), withoutOrderDependent);
    const doubledArticles = [...countHeads(faulty.table).values()].filter((count) => count > 1).length;
    console.log(
      [
        `fault injection (seed ${SEED}): ${stats.injected} of ${stats.attempts} S3/DynamoDB attempts failed ` +
          `(${((100 * stats.injected) / stats.attempts).toFixed(1)}%; S3 ${stats.byService.s3.injected}/${stats.byService.s3.attempts}, ` +
          `DynamoDB ${stats.byService.dynamodb.injected}/${stats.byService.dynamodb.attempts})`,
        `  by kind: ${Object.entries(stats.byKind).map(([kind, count]) => `${kind} ${count}`).join(', ')}`,
        `  SQS: ${faulty.deliveries} deliveries for ${keys.length} messages, ${faulty.failuresReported} batch item failures redelivered, ` +
          `${faulty.deadLettered} dead-lettered and redriven`,
        `  fault-free run ${reference.seconds.toFixed(1)} s (${reference.failuresReported} redeliveries, ${reference.cpuSeconds.toFixed(0)} CPU-s), ` +
          `faulty run ${faulty.seconds.toFixed(1)} s (${faulty.cpuSeconds.toFixed(0)} CPU-s), side by side in ${wallSeconds.toFixed(1)} s; ` +
          `${reference.table.size} items compared`,
        `  objects: ${accepted(faulty.table)} stored, ${sources(faulty.table, 'rejected').length} rejected as bad input ` +
          `(${badInputs.length} bad inputs among them) of ${keys.length} ` +
          `(${SAMPLE ? `every ${SAMPLE_STRIDE}th article of ` : ''}${news.description})`,
        `lost ${diff.lost.length}, duplicated ${diff.extra.length + doubledArticles}, differing ${diff.differing.length}`,
      ].join('\n'),
    );
    for (const key of [...diff.lost, ...diff.extra, ...diff.differing].slice(0, 3)) {
      console.log(`  ${key}:\n    fault-free ${JSON.stringify(reference.table.get(key))}\n    faulty     ${JSON.stringify(faulty.table.get(key))}`);
    }

    expect(stats.injected / stats.attempts).toBeGreaterThanOrEqual(0.1);
    expect(faulty.failuresReported, 'some faults must get past the SDK retries, to exercise redelivery').toBeGreaterThan(0);
    expect({ lost: diff.lost, duplicated: diff.extra, doubledArticles, differing: diff.differing }).toEqual({
      lost: [],
      duplicated: [],
      doubledArticles: 0,
      differing: [],
    });
  });

  it('leaves no statement or echo key pointing at a cluster without its reference', () => {
    const clustered = [...faulty.table.values()].filter((item) => item.itemType === 'statement' && (item.statement as Item).cluster).length;
    console.log(`statements in echo clusters: ${clustered}; clusters: ${[...faulty.table.keys()].filter((key) => key.startsWith('CLUSTER#')).length}`);
    expect(clustered).toBeGreaterThan(0);
    expect(danglingClusters(faulty.table)).toEqual([]);
  });

  it('gives speakers and entities the same records whatever order articles arrive in', () => {
    // Two consumers (20 articles at once) race, and faults reorder what they do: the aggregates (and the mentions and about
    // items in an entity's partition) must still be those of the fault-free run; name items are in the whole-table diff.
    const isAggregate = (key: string) => /^(SPEAKER|ENTITY)#/.test(key);
    const { lost, extra, differing } = diffTables(withoutEchoItems(reference.table), withoutEchoItems(faulty.table), withoutOrderDependent);
    const aggregates = [...reference.table.keys()].filter(isAggregate).length;
    console.log(
      `speaker/entity items compared: ${aggregates}; aggregate write conflicts (ConditionalCheckFailed, redone): ` +
        `fault-free run ${reference.conflicts} of ${reference.aggregateWrites} writes, faulty run ${faulty.conflicts} of ${faulty.aggregateWrites}`,
    );
    expect(aggregates).toBeGreaterThan(0);
    expect([...lost, ...extra, ...differing].filter(isAggregate)).toEqual([]);
  });
});
