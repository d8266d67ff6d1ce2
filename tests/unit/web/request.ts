import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import httpRouterHandler from '@middy/http-router';
import { DOMParser } from 'linkedom';
import type { WebRoute } from '../../../functions/api/web/routes.ts';

/** Sends a GET through the real @middy/http-router, as the API Lambda would, and parses the page. */
export async function get(routes: WebRoute[], url: string) {
  const { pathname, searchParams } = new URL(url, 'http://localhost');
  const queryStringParameters = searchParams.size ? Object.fromEntries(searchParams) : undefined;
  const event = {
    version: '2.0',
    routeKey: '$default',
    rawPath: pathname,
    rawQueryString: searchParams.toString(),
    headers: { accept: 'text/html' },
    ...(queryStringParameters ? { queryStringParameters } : {}),
    requestContext: { http: { method: 'GET', path: pathname, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' } },
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
  const router = httpRouterHandler<APIGatewayProxyEventV2, APIGatewayProxyResultV2>(routes);
  const result = (await router(event, {} as Context)) as APIGatewayProxyStructuredResultV2;
  const body = result.body ?? '';
  const document = new DOMParser().parseFromString(body, 'text/html');
  return { status: result.statusCode, headers: result.headers ?? {}, body, document };
}
