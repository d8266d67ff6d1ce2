import { timingSafeEqual } from 'node:crypto';
import type middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { HttpProblem } from '../problem.ts';

/** The header CloudFront adds to every request it forwards (infra/constructs/edge.ts). */
export const ORIGIN_HEADER = 'x-onrecord-origin';

/**
 * Behind CloudFront, the per-client rate limit lives in CloudFront's WAF: a request that reaches API Gateway
 * without CloudFront's secret header went around it, and is refused. Without a secret (local, or a deployment
 * without the edge) every request passes. During a rotation two secrets are accepted, the new one and the one
 * CloudFront's edge locations may still send until the distribution's update has spread.
 */
export function originVerified(secrets: readonly string[]): middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  const accepted = secrets.filter((secret) => secret !== '').map((secret) => Buffer.from(secret));
  return {
    before: ({ event }) => {
      if (accepted.length === 0) return;
      const given = Buffer.from(event.headers?.[ORIGIN_HEADER] ?? '');
      // compared in constant time, so the secret cannot be learned a byte at a time from response times
      if (!accepted.some((expected) => given.length === expected.length && timingSafeEqual(given, expected))) {
        throw new HttpProblem(403, 'this API is served through its CloudFront address; requests straight to API Gateway are refused');
      }
    },
  };
}
