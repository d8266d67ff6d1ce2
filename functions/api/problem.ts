import { STATUS_CODES } from 'node:http';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/**
 * Errors answered as RFC 9457 problem details. Anything thrown that is not an HttpProblem is a fault of
 * ours and becomes a bare 500 (see middleware/problem-responses.ts), so no internals reach the client.
 */

export interface ParameterError {
  parameter: string;
  message: string;
}

/** Problem types beyond "about:blank" (whose meaning is just the status code). */
export const PROBLEM_TYPES = {
  invalidParameters: 'tag:onrecord,2026:problems/invalid-parameters',
} as const;

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly options: { type?: string; errors?: ParameterError[]; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }
}

export function invalidParameters(errors: ParameterError[]): HttpProblem {
  const named = [...new Set(errors.map((error) => error.parameter))].join(', ');
  return new HttpProblem(400, `invalid request parameters: ${named}`, { type: PROBLEM_TYPES.invalidParameters, errors });
}

export function notFound(detail: string): HttpProblem {
  return new HttpProblem(404, detail);
}

export function problemResponse(problem: HttpProblem, instance: string | undefined): APIGatewayProxyStructuredResultV2 {
  const body = {
    type: problem.options.type ?? 'about:blank',
    title: STATUS_CODES[problem.status] ?? 'Error',
    status: problem.status,
    detail: problem.detail,
    ...(instance === undefined ? {} : { instance }),
    ...(problem.options.errors ? { errors: problem.options.errors } : {}),
  };
  return {
    statusCode: problem.status,
    headers: {
      'Content-Type': 'application/problem+json',
      // An error now says nothing about the resource a moment later (an article may be uploaded any time).
      'Cache-Control': 'no-store',
      ...problem.options.headers,
    },
    body: JSON.stringify(body),
  };
}
