/**
 * One ingest run of the fault suite, in a child process of its own (started by ingest-runs.ts), so the
 * fault-free and the faulty run work at the same time on the two cores: each has its own SDK clients and
 * handler instances on its main thread and its own dynalite in a worker thread.
 *
 * Every S3 notification goes through the real ingest handler via the SQS stand-in (CONSUMERS queues, each
 * feeding its own handler instance), then whatever was dead-lettered is redriven; the table is scanned
 * and written to `<out>.items` (v8 serialization: exactly the values the document client returned) and
 * the figures to `<out>.json`.
 *
 * argv[2]: the RunConfig as JSON. The S3 endpoint and credentials come in the environment, as in the Lambda.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { serialize } from 'node:v8';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { S3EventRecord, SQSBatchResponse } from 'aws-lambda';
import { createIngest } from '../../functions/ingest/ingest.ts';
import { startLocalDynamo } from '../../local/dynamo.ts';
import { LocalQueue, type SqsHandler } from '../../local/queue.ts';
import { s3Client, s3Objects } from '../../shared/objects/index.ts';
import { parseDocument } from '../../shared/parse/index.ts';
import { createDocumentClient } from '../../shared/store/dynamodb/client.ts';
import { readerAndWriter } from '../support/store.ts';
import { FaultInjector } from '../support/faults.ts';
import type { RunConfig, RunFigures } from './ingest-runs.ts';
import { scanTable } from './table-diff.ts';

/** Both runs stamp the same times, so their items can be compared whole. */
const CLOCK = new Date('2026-01-01T00:00:00.000Z');

type Counts = Pick<RunFigures, 'aggregateWrites' | 'conflicts'>;

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

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '') as RunConfig;
  const notifications = JSON.parse(await readFile(config.notificationsFile, 'utf8')) as S3EventRecord[];
  const faults = config.faultRate > 0 ? new FaultInjector(config.seed, config.faultRate) : null;
  // The ingest function's S3 client is made from the environment on first use, as in the Lambda.
  faults?.attach(s3Client(), 's3');
  const tableName = `onrecord-${config.name}`;
  const dynamo = await startLocalDynamo({ port: 0, tableName });
  const figures: Omit<RunFigures, 'faults' | 'seconds' | 'cpuSeconds' | 'items'> = { deliveries: 0, failuresReported: 0, deadLettered: 0, aggregateWrites: 0, conflicts: 0 };

  /** A Lambda instance: the ingest handler over its own store and DynamoDB client, configured as in production. */
  const instances = Array.from({ length: config.consumers }, () => {
    // The client exactly as the ingest function makes it (the SDK's default retries).
    const client = createDocumentClient(dynamo.endpoint);
    faults?.attach(client, 'dynamodb');
    countAggregateWrites(client, figures);
    const store = readerAndWriter({ client, tableName, cursorSecret: 'fault-test', now: () => CLOCK });
    const ingest = createIngest({
      objects: s3Objects,
      store,
      ingestions: store,
      parse: parseDocument,
      logger: new Logger({ logLevel: 'SILENT' }),
      metrics: new Metrics({ namespace: 'onrecord-test' }),
    });
    return { ingest, client };
  });
  const queues = instances.map(({ ingest }, index) => {
    const handler: SqsHandler = async (event, context) => {
      figures.deliveries += event.Records.length;
      const response: SQSBatchResponse = await ingest(event, context);
      figures.failuresReported += response.batchItemFailures.length;
      return response;
    };
    return new LocalQueue({
      name: `ingest-${index}`,
      handler,
      batchSize: 10,
      batchWindowMs: 0,
      maxConcurrency: config.batchesPerConsumer,
      maxReceiveCount: config.maxReceiveCount,
      retryDelayMs: () => 20,
    });
  });

  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  // S3 puts one record in each message.
  notifications.forEach((record, index) => queues[index % queues.length]?.send(JSON.stringify({ Records: [record] })));
  await Promise.all(queues.map((queue) => queue.idle()));
  for (const queue of queues) {
    const deadLetters = queue.deadLetters.splice(0);
    figures.deadLettered += deadLetters.length;
    for (const message of deadLetters) queue.send(message.body);
  }
  await Promise.all(queues.map((queue) => queue.idle()));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const stillDead = queues.reduce((sum, queue) => sum + queue.deadLetters.length, 0);
  await Promise.all(queues.map((queue) => queue.close()));
  instances.forEach(({ client }) => client.destroy());
  if (stillDead > 0) throw new Error(`${stillDead} messages were dead-lettered again after the redrive`);

  const scanner = createDocumentClient(dynamo.endpoint);
  const table = await scanTable(scanner, tableName);
  scanner.destroy();
  s3Client().destroy();
  await dynamo.close();
  await writeFile(`${config.out}.items`, serialize([...table.values()]));
  const result: RunFigures = {
    ...figures,
    faults: faults?.stats ?? null,
    seconds,
    // The main thread and the dynalite worker: process.cpuUsage counts every thread of the process.
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    items: table.size,
  };
  await writeFile(`${config.out}.json`, JSON.stringify(result));
}

// The parent is gone (its test failed or was killed): a run must never outlive the test.
process.on('disconnect', () => process.exit(2));
if (process.connected === false) process.exit(2);
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
