import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DEFAULT_PORTS, LOCAL_BUCKET } from '../local/settings.ts';
import { bucketLister, queueSender } from '../shared/reconcile/aws.ts';
import { describeReport, reconcile } from '../shared/reconcile/reconcile.ts';
import { createDocumentClient } from '../shared/store/dynamodb/client.ts';
import { DynamoArticleReader } from '../shared/store/dynamodb/reader.ts';
import { stackOutputs } from './stack-outputs.ts';

/**
 * `npm run reconcile [-- --stack NAME]`
 *
 * Compares every object in the bucket with its ingestion record and sends the ingest queue what is
 * missing or stale, and a removal for records whose object is gone (shared/reconcile/reconcile.ts says
 * how, and why it is safe to run any time and twice). Without --stack: the local pipeline (`npm start`,
 * which also runs it at start-up); with --stack: the deployed stack's BucketName, TableName and QueueUrl
 * outputs, with your usual AWS credentials.
 */
const { values } = parseArgs({ options: { stack: { type: 'string' } } });

interface Target {
  name: string;
  bucket: string;
  tableName: string;
  queueUrl: string;
  s3: S3Client;
  sqs: SQSClient;
  dynamoEndpoint: string | undefined;
}

async function stackTarget(stackName: string): Promise<Target> {
  const { BucketName: bucket, TableName: tableName, QueueUrl: queueUrl } = await stackOutputs(stackName, ['BucketName', 'TableName', 'QueueUrl']);
  return { name: `stack ${stackName}`, bucket, tableName, queueUrl, s3: new S3Client({}), sqs: new SQSClient({}), dynamoEndpoint: undefined };
}

function localTarget(): Target {
  const s3Endpoint = `http://localhost:${process.env.S3_PORT || DEFAULT_PORTS.s3}`;
  const queueUrl = `http://localhost:${process.env.SQS_PORT || DEFAULT_PORTS.sqs}/000000000000/onrecord-ingest`;
  process.env.AWS_REGION ??= 'us-east-1';
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  return {
    name: 'the local pipeline',
    bucket: LOCAL_BUCKET,
    tableName: process.env.TABLE_NAME || 'onrecord',
    queueUrl,
    s3: new S3Client({ endpoint: s3Endpoint, forcePathStyle: true, credentials }),
    sqs: new SQSClient({ endpoint: new URL(queueUrl).origin, credentials }),
    dynamoEndpoint: `http://localhost:${process.env.DYNAMODB_PORT || DEFAULT_PORTS.dynamo}`,
  };
}

async function main(): Promise<number> {
  const target = values.stack ? await stackTarget(values.stack) : localTarget();
  const store = new DynamoArticleReader({ client: createDocumentClient(target.dynamoEndpoint), tableName: target.tableName, cursorSecret: randomUUID() });
  const report = await reconcile({
    bucket: target.bucket,
    region: process.env.AWS_REGION ?? 'us-east-1',
    listObjects: bucketLister(target.s3, target.bucket),
    store,
    enqueue: queueSender(target.sqs, target.queueUrl),
  });
  console.log(`${target.name}: ${describeReport(report)}`);
  for (const kind of ['missing', 'stale', 'gone'] as const) for (const key of report.findings[kind]) console.log(`  ${kind.padEnd(7)} ${key}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
