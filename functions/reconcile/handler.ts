import { randomBytes } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import { SQSClient } from '@aws-sdk/client-sqs';
import middy from '@middy/core';
import { storeConfig } from '../../shared/config.ts';
import { s3Client } from '../../shared/objects/index.ts';
import { bucketLister, queueSender } from '../../shared/reconcile/aws.ts';
import { reconcile } from '../../shared/reconcile/reconcile.ts';
import { createDocumentClient } from '../../shared/store/dynamodb/client.ts';
import { DynamoArticleReader } from '../../shared/store/dynamodb/reader.ts';
import { METRICS_NAMESPACE } from '../ingest/metric-names.ts';
import { RECONCILE_IN_FLIGHT_METRIC, RECONCILE_SERVICE, ReconcileMetric } from './metric-names.ts';

/**
 * Scheduled (EventBridge) reconciliation of the bucket with the ingestion records: what it finds goes to
 * the ingest queue (shared/reconcile/reconcile.ts), is logged key by key and counted per kind; objects in
 * flight are counted apart.
 */
const logger = new Logger({ serviceName: RECONCILE_SERVICE });
const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: RECONCILE_SERVICE });
const bucket = process.env.BUCKET_NAME;
const queueUrl = process.env.QUEUE_URL;
if (!bucket || !queueUrl) throw new Error('missing required environment variable BUCKET_NAME or QUEUE_URL');
// Active tracing on AWS, as for ingest and the API: every listing page, batched read and send is a subsegment.
const tracer = new Tracer({ serviceName: RECONCILE_SERVICE });
const s3 = tracer.captureAWSv3Client(s3Client());
const { tableName, dynamoEndpoint } = storeConfig();
// Reconciliation only pages through ingestion records itself, so a per-instance cursor secret will do.
const store = new DynamoArticleReader({
  client: tracer.captureAWSv3Client(createDocumentClient(dynamoEndpoint)),
  tableName,
  cursorSecret: randomBytes(32).toString('base64url'),
});
const sqs = tracer.captureAWSv3Client(new SQSClient({}));

export const handler = middy(async () => {
  const report = await reconcile({
    bucket,
    region: process.env.AWS_REGION ?? 'us-east-1',
    listObjects: bucketLister(s3, bucket),
    store,
    enqueue: queueSender(sqs, queueUrl),
  });
  for (const kind of ['missing', 'stale', 'gone'] as const) {
    metrics.addMetric(ReconcileMetric[kind], MetricUnit.Count, report.findings[kind].length);
  }
  metrics.addMetric(RECONCILE_IN_FLIGHT_METRIC, MetricUnit.Count, report.inFlight);
  logger.info('reconciled', { objectsChecked: report.objectsChecked, recordsChecked: report.recordsChecked, inFlight: report.inFlight, findings: report.findings });
})
  .use(captureLambdaHandler(tracer, { captureResponse: false }))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
