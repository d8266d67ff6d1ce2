import { connect } from 'node:net';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_LIMITS } from '../../../functions/api/limits.ts';
import { startLocalHttpApi, type LocalHttpApi } from '../../../local/http.ts';

/** The local HTTP API must hand the API handler what API Gateway (HTTP API, payload 2.0) would. */
let server: LocalHttpApi;
const events: APIGatewayProxyEventV2[] = [];

beforeAll(async () => {
  server = await startLocalHttpApi(async (event) => {
    events.push(event);
    return { statusCode: 201, headers: { 'Content-Type': 'application/json', 'X-Echo': event.requestContext.http.method }, cookies: ['a=1', 'b=2'], body: '{"ok":true}' };
  }, 0);
});

afterAll(async () => {
  await server?.close();
});

/** Sends a request line byte for byte, as curl does with a URL typed in UTF-8 (fetch would encode it). */
function rawRequest(target: string): Promise<{ head: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, 'localhost', () => socket.end(`GET ${target} HTTP/1.1\r\nHost: localhost\r\n\r\n`));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = Buffer.concat(chunks).toString('utf8').split('\r\n\r\n');
      resolve({ head, body });
    });
  });
}

describe('local HTTP API', () => {
  it('builds a payload 2.0 event: decoded path, raw and parsed query, lower-case headers, cookies apart', async () => {
    const response = await fetch(`${server.url}/ingestions/politics/Erdo%C4%9Fan%20speech.txt?limit=5&tag=a&tag=b%20c`, {
      headers: { 'X-Custom': 'Yes', Cookie: 'session=abc; theme=dark' },
    });

    const event = events.at(-1)!;
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: '$default',
      rawPath: '/ingestions/politics/Erdoğan speech.txt',
      rawQueryString: 'limit=5&tag=a&tag=b%20c',
      queryStringParameters: { limit: '5', tag: 'a,b c' },
      cookies: ['session=abc', 'theme=dark'],
      requestContext: { http: { method: 'GET', path: '/ingestions/politics/Erdoğan speech.txt' } },
      isBase64Encoded: false,
    });
    expect(event.headers['x-custom']).toBe('Yes');
    expect(event.headers.cookie).toBeUndefined();
    expect(event.pathParameters).toBeUndefined();
    expect(event.body).toBeUndefined();

    expect(response.status).toBe(201);
    expect(response.headers.get('x-echo')).toBe('GET');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('passes text bodies as text and binary bodies as base64', async () => {
    await fetch(`${server.url}/x`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"a":1}' });
    expect(events.at(-1)).toMatchObject({ body: '{"a":1}', isBase64Encoded: false });

    await fetch(`${server.url}/x`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: new Uint8Array([0, 255]) });
    expect(events.at(-1)).toMatchObject({ body: Buffer.from([0, 255]).toString('base64'), isBase64Encoded: true });
  });

  it('refuses requests over the API limits before the handler sees them', async () => {
    const seen = events.length;

    const tooLarge = await fetch(`${server.url}/x`, { method: 'POST', body: 'x'.repeat(REQUEST_LIMITS.maxBodyBytes + 1) });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get('content-type')).toBe('application/problem+json');

    const tooLong = await fetch(`${server.url}/articles?q=${'x'.repeat(REQUEST_LIMITS.maxUrlBytes)}`);
    expect(tooLong.status).toBe(414);

    expect(events.length).toBe(seen);
  });

  it('answers a raw UTF-8 query with a problem naming the parameter and its encoded form, not a bare 400', async () => {
    const seen = events.length;
    const { head, body } = await rawRequest('/speakers?limit=5&prefix=erdoğ');
    expect(head).toMatch(/^HTTP\/1.1 400 /);
    expect(head).toMatch(/content-type: application\/problem\+json/i);
    expect(JSON.parse(body)).toMatchObject({
      status: 400,
      instance: '/speakers',
      errors: [{ parameter: 'prefix', message: expect.stringContaining('prefix=erdo%C4%9F') }],
    });
    expect(events.length).toBe(seen);
  });

  it('answers a raw UTF-8 path with a problem showing the path encoded', async () => {
    const { head, body } = await rawRequest('/ingestions/ключ.txt');
    expect(head).toMatch(/^HTTP\/1.1 400 /);
    expect(JSON.parse(body)).toMatchObject({ status: 400, detail: expect.stringContaining('/ingestions/%D0%BA%D0%BB%D1%8E%D1%87.txt') });
  });
});
