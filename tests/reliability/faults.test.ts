/**
 * Nothing is lost or doubled under faults. The whole BBC corpus (2,225 articles) goes through the real
 * ingest handler, reading from embedded S3 (s3rver) and writing to the real DynamoDB store on dynalite,
 * twice: once without faults (the reference), and once while a seeded share of all S3 and DynamoDB attempts
 * fail (throttling, 5xx, timeouts, dropped connections; before the request is sent or after it was
 * applied). The SDK retries as configured in production; what still fails is reported as a batch item
 * failure and redelivered by the local SQS stand-in up to maxReceiveCount, then dead-lettered, and the dead
 * letters are redriven as an operator would. The two tables must then hold the same items.
 */
import { randomUUID } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { SQSBatchResponse } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIngest } from '../../functions/ingest/ingest.ts';
import { LocalQueue, type SqsHandler } from '../../local/queue.ts';
import { s3Client, s3Objects } from '../../shared/objects/index.ts';
import { parseDocument } from '../../shared/parse/index.ts';
import { createTable } from '../../shared/store/create-table.ts';
import { createDocumentClient } from '../../shared/store/dynamodb/client.ts';
import { DynamoArticleStore } from '../../shared/store/dynamodb/store.ts';
import { startDynalite, type DynamoInstance } from '../support/dynamo.ts';
import { FaultInjector } from '../support/faults.ts';
import { startTestS3, type TestS3 } from '../support/s3.ts';
import { corpusKeys, uploadCorpus } from './corpus.ts';
import { diffTables, scanTable, type Item } from './table-diff.ts';

const FAULT_RATE = 0.12;
/**
 * `npm test` ingests every 10th article of the corpus (223, all categories), twice: the store makes ~30
 * DynamoDB calls per article here (27 when no writers race), and the whole corpus twice took 18 minutes
 * (11 CPU-minutes) on the 2-core machine.
 * FAULT_CORPUS=all runs all 2,225 articles, as the issue's full check.
 */
const FULL_CORPUS = process.env.FAULT_CORPUS === 'all';
const SAMPLE_STRIDE = 10;
const SEED = Number(process.env.FAULT_SEED ?? 20260927);
const MAX_RECEIVE_COUNT = 5;
/** Queues (each with one batch of up to 10 messages in flight) working at once. */
const CONSUMERS = 4;
/** Both runs stamp the same times, so their items can be compared whole. */
const CLOCK = new Date('2026-01-01T00:00:00.000Z');

let s3: TestS3;
let dynamo: DynamoInstance;
let keys: string[];
const faults = new FaultInjector(SEED, 0);

beforeAll(async () => {
  s3 = await startTestS3();
  // The ingest function's S3 client is made from the environment on first use, as in the Lambda.
  Object.assign(process.env, {
    S3_ENDPOINT: s3.endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
  faults.attach(s3Client(), 's3');
  dynamo = await startDynalite();
  const all = await corpusKeys();
  keys = FULL_CORPUS ? all : all.filter((_, index) => index % SAMPLE_STRIDE === 0);
  const started = performance.now();
  await uploadCorpus(s3.client, s3.bucket, keys);
  console.log(`uploaded ${keys.length} articles to s3rver in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}, 900_000);

afterAll(async () => {
  s3Client().destroy();
  await s3?.stop();
  await dynamo?.stop();
});

interface Run {
  table: Map<string, Item>;
  seconds: number;
  deliveries: number;
  failuresReported: number;
  deadLettered: number;
  /** Conditional puts of speaker/entity aggregates, and how many of them found the item changed since read. */
  aggregateWrites: number;
  conflicts: number;
}

type Counts = Pick<Run, 'aggregateWrites' | 'conflicts'>;

/** Counts aggregate writes and their conflicts as commands (however often the SDK retried one inside). */
function countAggregateWrites(client: ReturnType<typeof createDocumentClient>, counts: Counts): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { headers?: Record<string, string>; body?: unknown };
      const body = typeof request.body === 'string' ? request.body : request.body instanceof Uint8Array ? Buffer.from(request.body.buffer, request.body.byteOffset, request.body.byteLength).toString('utf8') : '';
      const isAggregate = request.headers?.['x-amz-target']?.endsWith('.PutItem') && /"pk":\{"S":"(SPEAKER|ENTITY)#/.test(body);
      if (isAggregate) counts.aggregateWrites += 1;
      try {
        return await next(args);
      } catch (error) {
        if (isAggregate && error instanceof Error && error.name === 'ConditionalCheckFailedException') counts.conflicts += 1;
        throw error;
      }
    },
    { step: 'build', name: 'aggregateConflictCounter' },
  );
}

/** A Lambda instance: the ingest handler over its own store and DynamoDB client, configured as in production. */
function ingestInstance(tableName: string, faulty: boolean, counts: Counts) {
  // The client exactly as the ingest function makes it (the SDK's default retries).
  const client = createDocumentClient(dynamo.endpoint);
  if (faulty) faults.attach(client, 'dynamodb');
  countAggregateWrites(client, counts);
  const store = new DynamoArticleStore({ client, tableName, cursorSecret: 'fault-test', now: () => CLOCK });
  const ingest = createIngest({
    objects: s3Objects,
    store,
    parse: parseDocument,
    logger: new Logger({ logLevel: 'SILENT' }),
    metrics: new Metrics({ namespace: 'onrecord-test' }),
  });
  return { ingest, close: () => client.destroy() };
}

/**
 * Every S3 notification through the ingest handler via the SQS stand-in (CONSUMERS queues, each feeding
 * its own handler instance, one batch of 10 at a time), then a redrive of whatever was dead-lettered.
 */
async function ingestCorpus(faulty: boolean): Promise<Run> {
  const tableName = `onrecord-${faulty ? 'faulty' : 'reference'}-${randomUUID().slice(0, 8)}`;
  await createTable(dynamo.client, tableName);
  const run = { deliveries: 0, failuresReported: 0, deadLettered: 0, aggregateWrites: 0, conflicts: 0 };
  const instances = Array.from({ length: CONSUMERS }, () => ingestInstance(tableName, faulty, run));
  const queues = instances.map(({ ingest }, index) => {
    const handler: SqsHandler = async (event, context) => {
      run.deliveries += event.Records.length;
      const response: SQSBatchResponse = await ingest(event, context);
      run.failuresReported += response.batchItemFailures.length;
      return response;
    };
    return new LocalQueue({ name: `ingest-${index}`, handler, batchSize: 10, batchWindowMs: 0, maxReceiveCount: MAX_RECEIVE_COUNT, retryDelayMs: () => 20 });
  });
  const started = performance.now();
  // S3 puts one record in each message.
  s3.notifications.forEach((record, index) => queues[index % CONSUMERS]?.send(JSON.stringify({ Records: [record] })));
  await Promise.all(queues.map((queue) => queue.idle()));
  for (const queue of queues) {
    const deadLetters = queue.deadLetters.splice(0);
    run.deadLettered += deadLetters.length;
    for (const message of deadLetters) queue.send(message.body);
  }
  await Promise.all(queues.map((queue) => queue.idle()));
  const seconds = (performance.now() - started) / 1000;
  const stillDead = queues.reduce((sum, queue) => sum + queue.deadLetters.length, 0);
  await Promise.all(queues.map((queue) => queue.close()));
  instances.forEach((instance) => instance.close());
  if (stillDead > 0) throw new Error(`${stillDead} messages were dead-lettered again after the redrive`);

  faults.rate = 0;
  const table = await scanTable(dynamo.documentClient, tableName);
  return { table, seconds, ...run };
}

function countHeads(table: Map<string, Item>): Map<string, number> {
  const heads = new Map<string, number>();
  for (const item of table.values()) {
    if (item.itemType === 'article') heads.set(String(item.articleId), (heads.get(String(item.articleId)) ?? 0) + 1);
  }
  return heads;
}

const accepted = (table: Map<string, Item>) => [...table.values()].filter((item) => item.itemType === 'source' && item.status === 'accepted').length;

/** `rev` counts an aggregate's writes, which retries and write conflicts legitimately change. */
function withoutRevision(item: Item): Item {
  const { rev: _rev, ...rest } = item;
  return rest;
}

let reference: Run;
let faulty: Run;

describe('ingesting the BBC corpus while S3 and DynamoDB fail at random', () => {
  beforeAll(async () => {
    expect(s3.notifications).toHaveLength(keys.length);
    reference = await ingestCorpus(false);
    faults.rate = FAULT_RATE;
    faults.resetStats();
    faulty = await ingestCorpus(true);
  }, FULL_CORPUS ? 7_200_000 : 900_000);

  it('stores every article exactly once, with the same records as a fault-free run', () => {
    expect(accepted(reference.table), 'the fault-free run stores every article').toBe(keys.length);
    expect([...countHeads(reference.table).values()].every((count) => count === 1)).toBe(true);
    expect(reference.deadLettered).toBe(0);

    const { stats } = faults;
    const diff = diffTables(reference.table, faulty.table, withoutRevision);
    const doubledArticles = [...countHeads(faulty.table).values()].filter((count) => count > 1).length;
    console.log(
      [
        `fault injection (seed ${SEED}): ${stats.injected} of ${stats.attempts} S3/DynamoDB attempts failed ` +
          `(${((100 * stats.injected) / stats.attempts).toFixed(1)}%; S3 ${stats.byService.s3.injected}/${stats.byService.s3.attempts}, ` +
          `DynamoDB ${stats.byService.dynamodb.injected}/${stats.byService.dynamodb.attempts})`,
        `  by kind: ${Object.entries(stats.byKind).map(([kind, count]) => `${kind} ${count}`).join(', ')}`,
        `  SQS: ${faulty.deliveries} deliveries for ${keys.length} messages, ${faulty.failuresReported} batch item failures redelivered, ` +
          `${faulty.deadLettered} dead-lettered and redriven`,
        `  fault-free run ${reference.seconds.toFixed(1)} s (${reference.failuresReported} redeliveries), faulty run ${faulty.seconds.toFixed(1)} s; ` +
          `${reference.table.size} items compared`,
        `  articles stored: ${accepted(faulty.table)} of ${keys.length} ` +
          `(${FULL_CORPUS ? 'the whole corpus' : `every ${SAMPLE_STRIDE}th article of the corpus; FAULT_CORPUS=all for all`})`,
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

  it('gives speakers and entities the same records whatever order articles arrive in', () => {
    // Four consumers race, and faults reorder what they do: the aggregates and their name-index items (the
    // typed ones included) must still be those of the fault-free run, as each is derived from the shares.
    const isAggregate = (key: string) => /^(SPEAKER|ENTITY)#/.test(key);
    const { lost, extra, differing } = diffTables(reference.table, faulty.table, withoutRevision);
    const aggregates = [...reference.table.keys()].filter(isAggregate).length;
    console.log(
      `speaker/entity items compared: ${aggregates}; aggregate write conflicts (ConditionalCheckFailed, redone): ` +
        `fault-free run ${reference.conflicts} of ${reference.aggregateWrites} writes, faulty run ${faulty.conflicts} of ${faulty.aggregateWrites}`,
    );
    expect(aggregates).toBeGreaterThan(0);
    expect([...lost, ...extra, ...differing].filter(isAggregate)).toEqual([]);
  });
});
