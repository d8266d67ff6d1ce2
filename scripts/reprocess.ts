import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { SQSClient } from '@aws-sdk/client-sqs';
import { enqueueReprocessing, staleIngestions } from '../functions/ingest/reprocess.ts';
import { DEFAULT_PORTS } from '../local/settings.ts';
import { PARSER_VERSION } from '../shared/parse/version.ts';
import { createDocumentClient } from '../shared/store/dynamodb/client.ts';
import { DynamoArticleReader } from '../shared/store/dynamodb/reader.ts';
import { stackOutputs } from './stack-outputs.ts';

/**
 * `npm run reprocess [-- --stack NAME] [--dry-run] [--no-wait]`
 *
 * Re-enqueues every stored object whose records an older parser (PARSER_VERSION < current) made, then
 * waits until all of them have been parsed again, showing progress. Without --stack it works on the local
 * pipeline (`npm start`); with --stack it reads the deployed stack's TableName and QueueUrl outputs and uses
 * your usual AWS credentials. How re-enqueueing works, and why it equals a fresh upload:
 * functions/ingest/reprocess.ts.
 */
const { values } = parseArgs({
  options: {
    stack: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    'no-wait': { type: 'boolean', default: false },
    'timeout-seconds': { type: 'string', default: '600' },
  },
});

interface Target {
  name: string;
  tableName: string;
  queueUrl: string;
  /** Set only locally (dynalite and the local SQS endpoint); on AWS the SDK finds the regional ones. */
  dynamoEndpoint: string | undefined;
  sqsEndpoint: string | undefined;
}

async function stackTarget(stackName: string): Promise<Target> {
  const { TableName: tableName, QueueUrl: queueUrl } = await stackOutputs(stackName, ['TableName', 'QueueUrl']);
  return { name: `stack ${stackName}`, tableName, queueUrl, dynamoEndpoint: undefined, sqsEndpoint: undefined };
}

function localTarget(): Target {
  const dynamoEndpoint = process.env.DYNAMODB_ENDPOINT || `http://localhost:${process.env.DYNAMODB_PORT || DEFAULT_PORTS.dynamo}`;
  const queueUrl = process.env.QUEUE_URL || `http://localhost:${process.env.SQS_PORT || DEFAULT_PORTS.sqs}/000000000000/onrecord-ingest`;
  // The emulators accept any credentials; fixed ones spare a local run from needing an AWS profile.
  process.env.AWS_REGION ??= 'us-east-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  return { name: 'the local pipeline', tableName: process.env.TABLE_NAME || 'onrecord', queueUrl, dynamoEndpoint, sqsEndpoint: new URL(queueUrl).origin };
}

let lastProgress = '';
/** A bar redrawn in place on a terminal; elsewhere (CI, a pipe) one line per change. */
function progress(label: string, done: number, total: number): void {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
  if (line === lastProgress) return;
  lastProgress = line;
  process.stdout.write(process.stdout.isTTY ? `\r${line}` : `${line}\n`);
}

function endProgress(): void {
  if (process.stdout.isTTY) process.stdout.write('\n');
  lastProgress = '';
}

async function main(): Promise<number> {
  const target = values.stack ? await stackTarget(values.stack) : localTarget();
  const store = new DynamoArticleReader({
    client: createDocumentClient(target.dynamoEndpoint),
    tableName: target.tableName,
    // Cursors are only passed back to this same process while paging.
    cursorSecret: randomUUID(),
  });

  const stale = await staleIngestions(store, PARSER_VERSION);
  console.log(`${target.name}: ${stale.length} object(s) made by a parser older than version ${PARSER_VERSION}`);
  if (stale.length === 0 || values['dry-run']) {
    for (const ingestion of values['dry-run'] ? stale : []) console.log(`  ${ingestion.key} (parser ${ingestion.parserVersion}, ${ingestion.status})`);
    return 0;
  }

  const sqs = new SQSClient(target.sqsEndpoint ? { endpoint: target.sqsEndpoint } : {});
  await enqueueReprocessing(sqs, target.queueUrl, stale, (sent, total) => progress('enqueued   ', sent, total));
  endProgress();
  if (values['no-wait']) return 0;

  // Progress of the work itself: objects drop out of the stale listing as the ingest function redoes them.
  const deadline = Date.now() + Number(values['timeout-seconds']) * 1000;
  let remaining = stale.length;
  while (remaining > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    remaining = (await staleIngestions(store, PARSER_VERSION)).length;
    progress('reprocessed', stale.length - remaining, stale.length);
  }
  endProgress();
  if (remaining > 0) {
    console.error(`${remaining} object(s) not reprocessed yet; failed messages end in the ingest DLQ (see its alarm) and can be redriven`);
    return 1;
  }
  console.log('done: every stored object was parsed by the current parser');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const refused = (error as NodeJS.ErrnoException).code === 'ECONNREFUSED';
    console.error(refused ? `nothing answers at ${(error as { address?: string; port?: number }).address}:${(error as { port?: number }).port}; is \`npm start\` running?` : error);
    process.exit(1);
  },
);
