import { Logger } from '@aws-lambda-powertools/logger';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import { cursorSecret, originSecrets, storeConfig } from '../../shared/config.ts';
import { createDocumentClient } from '../../shared/store/dynamodb/client.ts';
import { DynamoArticleReader } from '../../shared/store/dynamodb/reader.ts';
import { createApi } from './app.ts';
import { clientErrorsAsResponses, traceAnnotations } from './tracing.ts';
import { webRoutes } from './web/routes.ts';

/**
 * The API Lambda (API Gateway HTTP API, payload 2.0): the JSON API and, on the same chain, the web pages.
 * The store and its clients are made once per instance from configuration (TABLE_NAME, CURSOR_SECRET;
 * DYNAMODB_ENDPOINT locally), the client captured by the tracer (active on AWS only);
 * routing, validation and errors are in app.ts, where tests give it another store.
 */
const tracer = new Tracer({ serviceName: 'onrecord-api' });
const logger = new Logger({ serviceName: 'onrecord-api' });
const { tableName, dynamoEndpoint } = storeConfig();
const store = new DynamoArticleReader({
  client: tracer.captureAWSv3Client(createDocumentClient(dynamoEndpoint)),
  tableName,
  cursorSecret: cursorSecret(),
});

export const handler = createApi(store, {
  logger,
  originSecrets: originSecrets(),
  extraRoutes: webRoutes({ store, logger }),
  outermost: [clientErrorsAsResponses(captureLambdaHandler(tracer, { captureResponse: false })), traceAnnotations(tracer)],
});
