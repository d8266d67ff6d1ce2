import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { EventType, type IBucket } from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { DeploymentConfig } from '../deployment-config.ts';
import { ServiceFunction } from './service-function.ts';

export interface IngestionProps {
  bucket: IBucket;
  table: ITable;
  config: DeploymentConfig;
}

export const INGEST_TIMEOUT = Duration.seconds(30);
export const INGEST_BATCH_SIZE = 10;
/** The ingest function's memory, and so its CPU share (1,769 MB is one vCPU): the bench's cost model reads it. */
export const INGEST_MEMORY_MB = 1024;
export const INGEST_MAX_BATCHING_WINDOW = Duration.seconds(5);
/** A record that failed this many deliveries (transient faults retried by SQS) moves to the DLQ. */
export const MAX_RECEIVE_COUNT = 5;

/**
 * Object events travel bucket → queue → ingest function. The queue buffers bursts, lets a batch fail
 * record by record (reportBatchItemFailures) and parks what keeps failing in a DLQ that can be redriven.
 */
export class Ingestion extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly ingestFunction: ServiceFunction;

  constructor(scope: Construct, id: string, { bucket, table, config }: IngestionProps) {
    super(scope, id);

    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // The longest SQS allows: time to find the cause and redrive.
      retentionPeriod: Duration.days(14),
      // Its messages are the only trace of uploads that failed: production keeps it when the stack goes.
      removalPolicy: config.removalPolicy,
    });

    this.ingestFunction = new ServiceFunction(this, 'IngestFunction', {
      entry: 'functions/ingest/handler.ts',
      description: 'Parses uploaded articles into statements and stores them',
      serviceName: 'onrecord-ingest',
      timeout: INGEST_TIMEOUT,
      memorySize: INGEST_MEMORY_MB,
      config,
    });
    this.ingestFunction.bindTable({ table, accessMode: 'RW' });
    this.ingestFunction.bindBucketForReading(bucket);

    this.queue = new Queue(this, 'Queue', {
      // S3 can publish to SSE-SQS queues (not to ones encrypted with the AWS managed KMS key).
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // AWS guidance for Lambda consumers: at least six times the function timeout plus the batching window,
      // so a message is never visible again while a (retried) invocation still works on it.
      visibilityTimeout: Duration.seconds(
        6 * INGEST_TIMEOUT.toSeconds() + INGEST_MAX_BATCHING_WINDOW.toSeconds(),
      ),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
    });

    this.ingestFunction.function.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: INGEST_BATCH_SIZE,
        maxBatchingWindow: INGEST_MAX_BATCHING_WINDOW,
        reportBatchItemFailures: true,
        // Bounds the table's write rate; the queue absorbs the rest of a burst.
        maxConcurrency: config.ingestConcurrency,
      }),
    );

    const toQueue = new SqsDestination(this.queue);
    bucket.addEventNotification(EventType.OBJECT_CREATED, toQueue);
    bucket.addEventNotification(EventType.OBJECT_REMOVED, toQueue);
    acknowledgeNotificationsHandler(Stack.of(this));
  }
}

/**
 * aws-cdk-lib configures bucket notifications through a singleton custom-resource function it owns
 * (`BucketNotificationsHandler…` at the stack root; its s3:PutBucketNotification is scoped to our bucket).
 * Its role's managed policy is not ours to change, so that one finding is acknowledged on that construct
 * alone, not on the stack.
 */
function acknowledgeNotificationsHandler(stack: Stack): void {
  const handler = stack.node.children.find((child) => child.node.id.startsWith('BucketNotificationsHandler'));
  if (!handler) throw new Error('bucket notifications handler not found; did aws-cdk-lib rename it?');
  Validations.of(handler).acknowledge({
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason:
      'CDK-internal handler that runs only during deployment to set the bucket notification configuration; ' +
      'the managed policy lets it write its own logs and nothing else.',
  });
}
