import type { Tracer } from '@aws-lambda-powertools/tracer';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { TRACE_ANNOTATIONS } from '../ingest/tracing.ts';

/** The article or upload a request is about, from its path: `/articles/{id}…`, `/view/articles/{id}`, `/ingestions/{key+}`. */
const ARTICLE_PATH = /^(?:\/view)?\/articles\/([^/]+)/;
const INGESTION_PATH = /^\/ingestions\/(.+)$/;

/**
 * Annotates the invocation's trace with the article id or S3 key the request names (the same annotation
 * names as the ingest function's), so one search finds an article's upload and its reads.
 */
export function traceAnnotations(tracer: Tracer): MiddlewareObj<APIGatewayProxyEventV2> {
  return {
    before: ({ event }) => {
      const path = event.requestContext.http.path;
      const articleId = ARTICLE_PATH.exec(path)?.[1];
      if (articleId) tracer.putAnnotation(TRACE_ANNOTATIONS.articleId, articleId);
      const key = INGESTION_PATH.exec(path)?.[1];
      if (key) tracer.putAnnotation(TRACE_ANNOTATIONS.s3Key, key);
    },
  };
}

type ApiMiddleware = MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>;

/**
 * The tracer's handler middleware, outermost in the chain, with an answered client error taken as the
 * response it is: middy still calls every onError after problemResponses has answered a 404, and the tracer
 * would record it as the function's fault. A 5xx (our fault) stays an error in the trace.
 */
export function clientErrorsAsResponses(tracing: ApiMiddleware): ApiMiddleware {
  return {
    ...tracing,
    onError: async (request) => {
      const answered = request.response?.statusCode;
      const handler = answered !== undefined && answered < 500 ? tracing.after : tracing.onError;
      await handler?.(request);
    },
  };
}
