import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';

/** Builds API Gateway HTTP API (payload 2.0) events the way API Gateway does, and reads the results. */

export interface RequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  isBase64Encoded?: boolean;
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** `target` is what a client puts on the request line: an encoded path, optionally `?` and a query. */
export function httpEvent(target: string, init: RequestInit = {}): APIGatewayProxyEventV2 {
  const queryAt = target.indexOf('?');
  const rawPath = queryAt < 0 ? target : target.slice(0, queryAt);
  const rawQueryString = queryAt < 0 ? '' : target.slice(queryAt + 1);
  const method = init.method ?? 'GET';
  // HTTP APIs hand Lambda the path percent-decoded, in rawPath and requestContext.http.path alike.
  const path = decodePath(rawPath);
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString,
    headers: { host: 'api.example.com', ...init.headers },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example.com',
      domainPrefix: 'api',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'vitest' },
      requestId: 'request-1',
      routeKey: '$default',
      stage: '$default',
      time: '01/Jan/2024:00:00:00 +0000',
      timeEpoch: 1704067200000,
    },
    isBase64Encoded: init.isBase64Encoded ?? false,
    ...(init.body === undefined ? {} : { body: init.body }),
  };
}

export const lambdaContext: Context = {
  callbackWaitsForEmptyEventLoop: false,
  functionName: 'onrecord-api',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:onrecord-api',
  memoryLimitInMB: '256',
  awsRequestId: 'request-1',
  logGroupName: '/aws/lambda/onrecord-api',
  logStreamName: 'stream',
  getRemainingTimeInMillis: () => 30_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
};

/** A logger that prints nothing; spy on its methods to see what would be logged. */
export const silentLogger = () => new Logger({ serviceName: 'onrecord-api-test', logLevel: 'SILENT' });

export interface HttpResult {
  status: number;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  contentType: string;
  text: string;
  /** The parsed body for JSON media types (when there is a body), else undefined. */
  json: unknown;
}

export type ApiHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

export async function request(api: ApiHandler, target: string, init: RequestInit = {}): Promise<HttpResult> {
  const result = await api(httpEvent(target, init), lambdaContext);
  const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]));
  const contentType = headers['content-type'] ?? '';
  const text = result.body ?? '';
  const json = text !== '' && /^application\/(.+\+)?json\b/.test(contentType) ? (JSON.parse(text) as unknown) : undefined;
  return { status: result.statusCode ?? 200, headers, contentType, text, json };
}
