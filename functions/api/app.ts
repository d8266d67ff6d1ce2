import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import httpCors from '@middy/http-cors';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { endpointRoute, type ArticleReader } from './endpoint.ts';
import { DATA_ENDPOINTS } from './endpoints/index.ts';
import { originVerified } from './middleware/origin-verified.ts';
import { problemResponses } from './middleware/problem-responses.ts';
import { requestLimits } from './middleware/request-limits.ts';
import { openApiEndpoint } from './openapi.ts';
import { createRouter, type RouteSpec } from './router.ts';

export interface ApiOptions {
  logger?: Logger;
  /** More routes (e.g. HTML pages) served by the same chain, with the same CORS, limits and errors. */
  extraRoutes?: readonly RouteSpec[];
  /** CloudFront's origin secrets when the API sits behind it (two during a rotation): other requests are refused (403). */
  originSecrets?: readonly string[];
}

/** A public, read-only API: any origin may read it, and no credentials are involved. */
const CORS = {
  origin: '*',
  methods: 'GET, HEAD, OPTIONS',
  headers: 'Authorization, Content-Type',
  maxAge: 86_400,
  cacheControl: 'public, max-age=86400',
  // Answer preflights here, so the local server behaves as API Gateway does with CORS configured.
  disableBeforePreflightResponse: false,
};

/** The API's Lambda handler over any store: the DynamoDB one in handler.ts, a fake in tests. */
export function createApi(store: ArticleReader, options: ApiOptions = {}) {
  const logger = options.logger ?? new Logger({ serviceName: 'onrecord-api' });
  const endpoints = [...DATA_ENDPOINTS, openApiEndpoint(DATA_ENDPOINTS)];
  const routes = [...endpoints.map((endpoint) => endpointRoute(endpoint, store)), ...(options.extraRoutes ?? [])];

  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
    .use(injectLambdaContext(logger))
    .use(httpCors(CORS))
    .use(problemResponses(logger))
    .use(originVerified(options.originSecrets ?? []))
    .use(requestLimits())
    .handler(createRouter(routes));
}
