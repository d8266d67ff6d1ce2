import { readFile } from 'node:fs/promises';
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { S3EventRecord, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIngest, type IngestHandler } from '../../../functions/ingest/ingest.ts';
import { parseDocument } from '../../../shared/parse/index.ts';
import { readerAndWriter, type TestStore } from '../../support/store.ts';
import { startDynalite, type DynamoInstance } from '../../support/dynamo.ts';
import { startTestS3, type TestS3 } from '../../support/s3.ts';

/**
 * S3 delivers notifications at least once and in any order. Through the real ingest handler, real S3
 * (s3rver) and DynamoDB (dynalite) stand-ins, every delivery order of a key's events, with duplicates,
 * must end in the state of that key's last event.
 */
let s3: TestS3;
let dynamo: DynamoInstance;
let store: TestStore;
let ingest: IngestHandler;

const fixture = await readFile(new URL('../../fixtures/karabakh-offensive-2023-09-20.txt', import.meta.url), 'utf8');
const edited = `${fixture}\n\nArmenian Prime Minister Nikol Pashinyan said, "We will not be drawn into new hostilities."`;

beforeAll(async () => {
  [s3, dynamo] = await Promise.all([startTestS3(), startDynalite()]);
  // The ingest handler's S3 client is made on first use from this configuration.
  Object.assign(process.env, { S3_ENDPOINT: s3.endpoint, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' });
  const { s3Objects } = await import('../../../shared/objects/index.ts');
  store = readerAndWriter({ client: dynamo.documentClient, tableName: dynamo.tableName, cursorSecret: 'test' });
  ingest = createIngest({ objects: s3Objects, store, ingestions: store, parse: parseDocument, logger: new Logger({ logLevel: 'SILENT' }), metrics: new Metrics({ namespace: 'test' }) });
});

afterAll(async () => {
  await Promise.all([s3?.stop(), dynamo?.stop()]);
});

function sqsEvent(records: S3EventRecord[]): SQSEvent {
  return {
    Records: records.map((record, index) => ({
      messageId: `m${index}`,
      receiptHandle: `r${index}`,
      body: JSON.stringify({ Records: [record] }),
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: '0', SenderId: 's3', ApproximateFirstReceiveTimestamp: '0' },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:ingest',
      awsRegion: 'us-east-1',
    })),
  };
}

/** Performs the S3 operations and returns the notifications they produced, in the order S3 made them. */
async function operate(operations: (() => Promise<unknown>)[]): Promise<S3EventRecord[]> {
  const first = s3.notifications.length;
  for (const operation of operations) await operation();
  return s3.notifications.slice(first);
}

const put = (key: string, body: string) => () => s3.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: key, Body: body }));
const remove = (key: string) => () => s3.client.send(new DeleteObjectCommand({ Bucket: s3.bucket, Key: key }));

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]));
}

/** One at a time: each delivery its own invocation, as separate SQS messages may be. */
async function deliver(records: S3EventRecord[]): Promise<void> {
  for (const record of records) expect(await ingest(sqsEvent([record]))).toEqual({ batchItemFailures: [] });
}

async function statementTexts(key: string): Promise<string[]> {
  const ingestion = await store.getIngestion(key);
  const page = await store.listArticleStatements(ingestion!.articleIds[0]!, { limit: 100 });
  return page.items.map((statement) => statement.text);
}

describe('out-of-order and duplicate S3 events through the ingest handler', () => {
  it.each(permutations([0, 1, 2]).map((order) => [order.join(',')]))('put, put again, delete — delivered in order %s, the first twice — ends deleted', async (orderText) => {
    const key = `ordering/delete-${orderText}.txt`;
    const records = await operate([put(key, fixture), put(key, edited), remove(key)]);
    const order = orderText.split(',').map(Number);

    await deliver([...order, order[0]!].map((index) => records[index]!));

    const ingestion = await store.getIngestion(key);
    expect(ingestion?.status).toBe('deleted');
    expect(ingestion?.articleIds).toEqual([]);
  });

  it.each([['0,1'], ['1,0'], ['1,0,1,0']])('put, then put an edit — delivered in order %s — ends with the edit', async (orderText) => {
    const key = `ordering/edit-${orderText}.txt`;
    const records = await operate([put(key, fixture), put(key, edited)]);

    await deliver(orderText.split(',').map((index) => records[Number(index)]!));

    expect((await store.getIngestion(key))?.sequencer).toBe(records[1]!.s3.object.sequencer);
    expect((await statementTexts(key)).some((text) => text.includes('drawn into new hostilities'))).toBe(true);
  });

  it('counts a duplicated event once: statements and speaker counts are unchanged by redelivery', async () => {
    const key = 'ordering/duplicate.txt';
    const [created] = await operate([put(key, fixture)]);
    await deliver([created!]);
    const statements = await statementTexts(key);
    const speaker = await store.getSpeaker('recep-tayyip-erdogan');

    await deliver([created!, created!]);
    await ingest(sqsEvent([created!, created!]));

    expect(await statementTexts(key)).toEqual(statements);
    expect(await store.getSpeaker('recep-tayyip-erdogan')).toEqual(speaker);
  });
});
