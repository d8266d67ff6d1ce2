import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import httpRouterHandler from '@middy/http-router';
import { DOMParser } from 'linkedom';
import type { WebRoute } from '../../../functions/api/web/routes.ts';

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<unknown>;

const context = {
  functionName: 'onrecord-api',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:onrecord-api',
  memoryLimitInMB: '256',
  awsRequestId: 'request-1',
  getRemainingTimeInMillis: () => 10_000,
} as Context;

/** The pages alone, behind the real @middy/http-router. */
export const routerOf = (routes: WebRoute[]): Handler => httpRouterHandler<APIGatewayProxyEventV2, APIGatewayProxyResultV2>(routes);

/** Sends a GET as API Gateway's HTTP API would (path percent-decoded, query as sent) and parses the page. */
export async function get(handler: Handler | WebRoute[], url: string) {
  const invoke = Array.isArray(handler) ? routerOf(handler) : handler;
  const [encodedPath = '/', rawQueryString = ''] = url.split(/\?(.*)/s);
  const path = decodeURIComponent(encodedPath);
  const queryStringParameters = rawQueryString ? Object.fromEntries(new URLSearchParams(rawQueryString)) : undefined;
  const event = {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString,
    headers: { accept: 'text/html', host: 'localhost' },
    ...(queryStringParameters ? { queryStringParameters } : {}),
    requestContext: { http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' } },
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
  const result = (await invoke(event, context)) as APIGatewayProxyStructuredResultV2;
  const body = result.body ?? '';
  const document = new DOMParser().parseFromString(body, 'text/html');
  const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]));
  return { status: result.statusCode, headers, body, document };
}
