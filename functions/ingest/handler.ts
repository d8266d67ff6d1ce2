import { randomBytes } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { storeConfig } from '../../shared/config.ts';
import { s3Objects } from '../../shared/objects/index.ts';
import { parseDocument } from '../../shared/parse/index.ts';
import { createDocumentClient } from '../../shared/store/dynamodb/client.ts';
import { DynamoArticleStore } from '../../shared/store/dynamodb/store.ts';
import { createIngest } from './ingest.ts';
import { INGEST_SERVICE, METRICS_NAMESPACE } from './metric-names.ts';

/** SQS (S3 notifications) → ingest. Clients and configuration are set up once per Lambda instance. */
const logger = new Logger({ serviceName: INGEST_SERVICE });
const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: INGEST_SERVICE });
const { tableName, dynamoEndpoint } = storeConfig();
const store = new DynamoArticleStore({
  client: createDocumentClient(dynamoEndpoint),
  tableName,
  // Ingest never hands out or reads page cursors, so it needs no shared secret: a per-instance one will do.
  cursorSecret: randomBytes(32).toString('base64url'),
});

export const handler = middy(createIngest({ objects: s3Objects, store, parse: parseDocument, logger, metrics }))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
