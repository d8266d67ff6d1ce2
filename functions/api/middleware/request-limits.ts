import type middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { REQUEST_LIMITS } from '../limits.ts';
import { HttpProblem } from '../problem.ts';

/** Refuses oversized requests before any parsing (413 for the body, 414 for the URL). */
export function requestLimits(): middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  return {
    before: ({ event }) => {
      const urlBytes = Buffer.byteLength(event.rawPath ?? '') + Buffer.byteLength(event.rawQueryString ?? '');
      if (urlBytes > REQUEST_LIMITS.maxUrlBytes) {
        throw new HttpProblem(414, `the path and query may be at most ${REQUEST_LIMITS.maxUrlBytes} bytes`);
      }
      const bodyBytes = event.body ? Buffer.byteLength(event.body, event.isBase64Encoded ? 'base64' : 'utf8') : 0;
      if (bodyBytes > REQUEST_LIMITS.maxBodyBytes) {
        throw new HttpProblem(413, `the request body may be at most ${REQUEST_LIMITS.maxBodyBytes} bytes`);
      }
    },
  };
}
