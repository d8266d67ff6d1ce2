import type { Logger } from '@aws-lambda-powertools/logger';
import type middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { HttpProblem, problemResponse } from '../problem.ts';

/**
 * Turns every error into a problem+json response. An HttpProblem is the client's to know about; anything
 * else is our fault: it is logged in full and answered as a bare 500 that discloses nothing.
 */
export function problemResponses(logger: Logger): middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  return {
    onError: (request) => {
      const { error, event } = request;
      let problem: HttpProblem;
      if (error instanceof HttpProblem) {
        problem = error;
      } else {
        logger.error('request failed', { method: event.requestContext?.http?.method, path: event.rawPath, error: error as Error });
        problem = new HttpProblem(500, 'the server could not answer this request; it has been logged');
      }
      request.response = problemResponse(problem, event.rawPath);
    },
  };
}
