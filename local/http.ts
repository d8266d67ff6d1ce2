import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { REQUEST_LIMITS } from '../functions/api/limits.ts';
import { HttpProblem, problemResponse } from '../functions/api/problem.ts';
import { answerClientError } from './http-client-errors.ts';
import { lambdaContext } from './lambda-context.ts';

export type HttpApiHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;

export interface LocalHttpApi {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves a Lambda handler the way API Gateway HTTP API (payload 2.0) does: each request becomes an event,
 * each result a response. Requests over the API's size limits are refused here, before an event is built,
 * as API Gateway refuses what exceeds its quotas.
 */
export async function startLocalHttpApi(handler: HttpApiHandler, port: number): Promise<LocalHttpApi> {
  const server = createServer((request, response) => {
    void serve(handler, request, response).catch((error: unknown) => {
      console.error('local HTTP API: the handler failed', error);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message: 'Internal Server Error' }));
    });
  });
  server.on('clientError', answerClientError);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, 'localhost', resolve);
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${actualPort}`,
    port: actualPort,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function serve(handler: HttpApiHandler, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = request.url ?? '/';
  const path = url.split('?', 1)[0]!;
  if (Buffer.byteLength(url) > REQUEST_LIMITS.maxUrlBytes) {
    return send(response, problemResponse(new HttpProblem(414, `the URL is over ${REQUEST_LIMITS.maxUrlBytes} bytes`), path));
  }
  const body = await readBody(request, REQUEST_LIMITS.maxBodyBytes);
  if (body === 'too-large') {
    response.setHeader('connection', 'close');
    return send(response, problemResponse(new HttpProblem(413, `the request body is over ${REQUEST_LIMITS.maxBodyBytes} bytes`), path));
  }
  let event: APIGatewayProxyEventV2;
  try {
    event = toEvent(request, url, body);
  } catch {
    return send(response, problemResponse(new HttpProblem(400, 'the request path is not validly percent-encoded'), path));
  }
  send(response, await handler(event, lambdaContext('api')));
}

function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > maxBytes) {
      request.resume();
      return resolve('too-large');
    }
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        request.removeAllListeners('data');
        request.resume();
        resolve('too-large');
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

const TEXT_TYPES = /^(text\/|application\/(json|xml|x-www-form-urlencoded|[\w.+-]+\+(json|xml)))/i;

/** The payload 2.0 event API Gateway would send for this request. */
export function toEvent(request: IncomingMessage, url: string, body: Buffer): APIGatewayProxyEventV2 {
  const [rawPathEncoded = '/', rawQueryString = ''] = splitOnce(url, '?');
  // HTTP APIs hand the function a percent-decoded path (rawPath and http.path alike); the query string
  // stays as sent, and queryStringParameters are decoded, repeated names joined with commas.
  const rawPath = decodeURIComponent(rawPathEncoded);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || name === 'cookie') continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const cookies = request.headers.cookie?.split(/;\s*/).filter(Boolean);
  const query = new URLSearchParams(rawQueryString);
  const queryStringParameters: Record<string, string> = {};
  for (const name of new Set(query.keys())) queryStringParameters[name] = query.getAll(name).join(',');
  const method = request.method ?? 'GET';
  const isText = TEXT_TYPES.test(headers['content-type'] ?? '');
  const now = new Date();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    ...(cookies?.length ? { cookies } : {}),
    headers,
    ...(rawQueryString ? { queryStringParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0]!,
      http: {
        method,
        path: rawPath,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length ? { body: isText ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: body.length > 0 && !isText,
  };
}

/** Writes a handler's result as API Gateway would, including its inference for a bare object or string. */
function send(response: ServerResponse, result: APIGatewayProxyResultV2): void {
  if (typeof result === 'string' || result === null || typeof result !== 'object' || !('statusCode' in result)) {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(typeof result === 'string' ? result : JSON.stringify(result));
    return;
  }
  const headers: Record<string, string | string[]> = { ...(result.headers as Record<string, string>) };
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  response.writeHead(result.statusCode ?? 200, headers);
  const body = result.body ?? '';
  response.end(result.isBase64Encoded ? Buffer.from(body, 'base64') : body);
}

function splitOnce(text: string, separator: string): [string, string] {
  const index = text.indexOf(separator);
  return index === -1 ? [text, ''] : [text.slice(0, index), text.slice(index + 1)];
}
