import { randomBytes } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import { storeConfig } from '../../shared/config.ts';
import { s3Client, s3Objects } from '../../shared/objects/index.ts';
import { parseDocumentOnDemand } from '../../shared/parse/on-demand.ts';
import { createDocumentClient } from '../../shared/store/dynamodb/client.ts';
import { DynamoArticleReader } from '../../shared/store/dynamodb/reader.ts';
import { DynamoArticleWriter } from '../../shared/store/dynamodb/writer.ts';
import { createIngest } from './ingest.ts';
import { INGEST_SERVICE, METRICS_NAMESPACE } from './metric-names.ts';

/** SQS (S3 notifications) → ingest. Clients and configuration are set up once per Lambda instance. */
const logger = new Logger({ serviceName: INGEST_SERVICE });
const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: INGEST_SERVICE });
// Active tracing on AWS (off elsewhere, where there is no X-Ray daemon): every S3 and DynamoDB call is a subsegment.
const tracer = new Tracer({ serviceName: INGEST_SERVICE });
tracer.captureAWSv3Client(s3Client());
const { tableName, dynamoEndpoint } = storeConfig();
const client = tracer.captureAWSv3Client(createDocumentClient(dynamoEndpoint));
const store = new DynamoArticleWriter({ client, tableName });
// Ingest never hands out or reads page cursors, so it needs no shared secret: a per-instance one will do.
const ingestions = new DynamoArticleReader({ client, tableName, cursorSecret: randomBytes(32).toString('base64url') });

export const handler = middy(createIngest({ objects: s3Objects, store, ingestions, parse: parseDocumentOnDemand, logger, metrics, tracer }))
  .use(captureLambdaHandler(tracer, { captureResponse: false }))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
