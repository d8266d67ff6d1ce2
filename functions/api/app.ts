import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import httpCors from '@middy/http-cors';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ArticleReader } from '../../shared/store/port.ts';
import { jsonRoutes } from './json-routes.ts';
import { originVerified } from './middleware/origin-verified.ts';
import { problemResponses } from './middleware/problem-responses.ts';
import { requestLimits } from './middleware/request-limits.ts';
import { createRouter, type RouteSpec } from './router.ts';

export interface ApiOptions {
  logger?: Logger;
  /** More routes (e.g. HTML pages) served by the same chain, with the same CORS, limits and errors. */
  extraRoutes?: readonly RouteSpec[];
  /** CloudFront's origin secrets when the API sits behind it (two during a rotation): other requests are refused (403). */
  originSecrets?: readonly string[];
  /**
   * Middlewares wrapped around everything else (the tracer): their onError runs after problemResponses has
   * answered, so they can tell the response a client gets (tracing.ts: clientErrorsAsResponses).
   */
  outermost?: readonly middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>[];
}

/** A read-only API any origin may call: no cookies are involved, only per-request credentials (auth=jwt, auth=iam). */
const CORS = {
  origin: '*',
  methods: 'GET, HEAD, OPTIONS',
  // Authorization carries a JWT (auth=jwt); a SigV4-signed browser request (auth=iam) adds the X-Amz-* headers.
  headers: 'Authorization, Content-Type, X-Amz-Date, X-Amz-Security-Token, X-Amz-Content-Sha256',
  maxAge: 86_400,
  cacheControl: 'public, max-age=86400',
  // Answer preflights here, so the local server behaves as API Gateway does with CORS configured.
  disableBeforePreflightResponse: false,
};

/** The API's Lambda handler over any store: the DynamoDB one in handler.ts, a fake in tests. */
export function createApi(store: ArticleReader, options: ApiOptions = {}) {
  const logger = options.logger ?? new Logger({ serviceName: 'onrecord-api' });
  const routes = [...jsonRoutes(store), ...(options.extraRoutes ?? [])];

  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
    .use([...(options.outermost ?? [])])
    .use(injectLambdaContext(logger))
    .use(httpCors(CORS))
    .use(problemResponses(logger))
    .use(originVerified(options.originSecrets ?? []))
    .use(requestLimits())
    .handler(createRouter(routes));
}
