import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalDynamo, type LocalDynamo } from './dynamo.ts';
import { configureHandlerEnvironment } from './environment.ts';
import { startLocalHttpApi, type HttpApiHandler, type LocalHttpApi } from './http.ts';
import { LocalQueue, type LocalQueueOptions, type SqsHandler } from './queue.ts';
import { startLocalS3, type LocalS3 } from './s3.ts';
import { startLocalSqsEndpoint, type LocalSqsEndpoint } from './sqs-endpoint.ts';

export interface LocalPipelineOptions {
  /** Ports; 0 picks a free one. */
  s3Port: number;
  apiPort: number;
  dynamoPort: number;
  sqsPort: number;
  /** Keeps S3 objects under `<dir>/s3` and the table under `<dir>/dynamo`; without it, a temp dir and memory. */
  dataDirectory?: string;
  bucket?: string;
  tableName?: string;
  /** Powertools log level for the handlers (POWERTOOLS_LOG_LEVEL wins when set). */
  logLevel?: string;
  queue?: Pick<LocalQueueOptions, 'batchSize' | 'batchWindowMs' | 'maxConcurrency' | 'maxReceiveCount' | 'retryDelayMs'>;
}

export interface LocalPipeline {
  bucket: string;
  tableName: string;
  s3Endpoint: string;
  apiUrl: string;
  dynamoEndpoint: string;
  queueUrl: string;
  queue: LocalQueue;
  /** When the queue began taking notifications: the event of any object modified later is queued or done. */
  startedAt: Date;
  /** Resolves when every object change so far has been ingested (or dead-lettered). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const QUEUE_NAME = 'onrecord-ingest';

/**
 * The whole pipeline in this process: s3rver → (S3 notifications) → local queue → the ingest handler →
 * dynalite ← the API handler ← a local HTTP API. The handlers are the deployed ones, loaded after their
 * environment points at the emulators.
 */
export async function startLocalPipeline(options: LocalPipelineOptions): Promise<LocalPipeline> {
  const bucket = options.bucket ?? 'articles';
  const tableName = options.tableName ?? 'onrecord';
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  try {
    const s3Directory = options.dataDirectory ? join(options.dataDirectory, 's3') : await mkdtemp(join(tmpdir(), 'onrecord-s3-'));
    if (!options.dataDirectory) stops.push(() => rm(s3Directory, { recursive: true, force: true }));

    const dynamo: LocalDynamo = await startLocalDynamo({
      port: options.dynamoPort,
      tableName,
      ...(options.dataDirectory ? { directory: join(options.dataDirectory, 'dynamo') } : {}),
    });
    stops.push(() => dynamo.close());

    // S3 may report a change before the handler is loaded; the queue holds it until then.
    let loadIngest: (handler: SqsHandler) => void = () => undefined;
    const ingestLoaded = new Promise<SqsHandler>((resolve) => (loadIngest = resolve));
    const startedAt = new Date();
    const queue = new LocalQueue({
      name: QUEUE_NAME,
      handler: async (event, context) => (await ingestLoaded)(event, context),
      onDeadLetter: (message, error) =>
        console.error(`ingest: message ${message.messageId} moved to the dead-letter list after ${message.attributes.ApproximateReceiveCount} attempts (${error}): ${message.body}`),
      ...options.queue,
    });
    stops.push(() => queue.close());

    const s3: LocalS3 = await startLocalS3({
      port: options.s3Port,
      directory: s3Directory,
      bucket,
      onNotification: (records) => queue.send(JSON.stringify({ Records: records })),
    });
    stops.push(() => s3.close());

    configureHandlerEnvironment({ tableName, dynamoEndpoint: dynamo.endpoint, s3Endpoint: s3.endpoint }, options.logLevel ?? 'INFO');
    const [ingestModule, apiModule] = await Promise.all([import('../functions/ingest/handler.ts'), import('../functions/api/handler.ts')]);
    loadIngest(ingestModule.handler as unknown as SqsHandler);

    const api: LocalHttpApi = await startLocalHttpApi(apiModule.handler as unknown as HttpApiHandler, options.apiPort);
    stops.push(() => api.close());
    const sqs: LocalSqsEndpoint = await startLocalSqsEndpoint(queue, QUEUE_NAME, options.sqsPort);
    stops.push(() => sqs.close());

    return {
      bucket,
      tableName,
      s3Endpoint: s3.endpoint,
      apiUrl: api.url,
      dynamoEndpoint: dynamo.endpoint,
      queueUrl: sqs.queueUrl,
      queue,
      startedAt,
      idle: () => queue.idle(),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
