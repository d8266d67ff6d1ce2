import { describe, expect, it, vi } from 'vitest';
import { REQUEST_LIMITS } from '../../../functions/api/limits.ts';
import { PROBLEM_TYPES } from '../../../functions/api/problem.ts';
import { apiClient } from './support/client.ts';
import { fakeStore } from './support/fake-store.ts';
import { silentLogger } from './support/http.ts';

const call = apiClient();

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { parameter: string; message: string }[];
}

async function problem(target: string, init?: Parameters<typeof call>[1]) {
  const response = await call(target, init);
  expect(response.contentType).toBe('application/problem+json');
  expect(response.headers['cache-control']).toBe('no-store');
  return { status: response.status, headers: response.headers, body: response.json as ProblemBody };
}

const parametersOf = (body: ProblemBody) => body.errors?.map((error) => error.parameter);

describe('400 invalid parameters', () => {
  it('names every bad parameter, in RFC 9457 shape', async () => {
    const { status, body } = await problem('/articles?limit=0&from=yesterday&colour=red');
    expect(status).toBe(400);
    expect(body).toMatchObject({ type: PROBLEM_TYPES.invalidParameters, title: 'Bad Request', status: 400 });
    expect(parametersOf(body)?.sort()).toEqual(['colour', 'from', 'limit']);
    expect(body.detail).toContain('limit');
  });

  it.each([
    ['limit=101', 'limit', 'must be at most 100'],
    ['limit=0', 'limit', 'must be at least 1'],
    ['limit=2.5', 'limit', 'must be an integer'],
    ['limit=ten', 'limit', 'must be an integer'],
    ['from=2023-02-30', 'from', 'must be an ISO 8601 date'],
    ['to=20-09-2023', 'to', 'must be an ISO 8601 date'],
    ['from=2023-09-21&to=2023-09-20', 'to', 'must not be before from'],
    ['limit=5&limit=6', 'limit', 'must be given only once'],
  ])('/articles?%s → %s: %s', async (query, parameter, message) => {
    const { status, body } = await problem(`/articles?${query}`);
    expect(status).toBe(400);
    expect(body.errors).toEqual([{ parameter, message: expect.stringContaining(message) }]);
  });

  it('accepts limits 1 and 100 and date-times with offsets', async () => {
    for (const query of ['limit=1', 'limit=100', 'from=2023-09-20T00:00:00%2B02:00&to=2023-09-20T23:00:00Z', 'from=2023-09-20&to=2023-09-20']) {
      expect((await call(`/articles?${query}`)).status, query).toBe(200);
    }
  });

  it('rejects a query parameter on an operation that takes none', async () => {
    const { status, body } = await problem('/health?verbose=1');
    expect(status).toBe(400);
    expect(parametersOf(body)).toEqual(['verbose']);
  });

  it('refuses parameters named after Object.prototype properties as unknown', async () => {
    const { status, body } = await problem('/health?__proto__=x&constructor=y');
    expect(status).toBe(400);
    expect(parametersOf(body)?.sort()).toEqual(['__proto__', 'constructor']);
  });

  it('rejects an over-long id rather than looking it up', async () => {
    const { status, body } = await problem(`/speakers/${'x'.repeat(300)}`);
    expect(status).toBe(400);
    expect(parametersOf(body)).toEqual(['id']);
  });
});

describe('cursors', () => {
  it('a forged cursor is a 400 naming the cursor, never another page', async () => {
    const forged = Buffer.from(JSON.stringify({ q: 'articles|undefined|undefined', o: 3.5 })).toString('base64url');
    for (const cursor of ['garbage', forged, 'x'.repeat(3000)]) {
      const { status, body } = await problem(`/articles?cursor=${cursor}`);
      expect(status, cursor).toBe(400);
      expect(parametersOf(body), cursor).toEqual(['cursor']);
    }
  });

  it('a cursor made for another query is refused', async () => {
    const first = (await call('/articles?limit=5')).json as { nextCursor: string };
    const { status, body } = await problem(`/articles?limit=5&from=2023-01-01&cursor=${first.nextCursor}`);
    expect(status).toBe(400);
    expect(parametersOf(body)).toEqual(['cursor']);
  });
});

describe('404 and 405', () => {
  it('an unknown route is a 404 problem', async () => {
    const { status, body } = await problem('/articlez');
    expect(status).toBe(404);
    expect(body).toMatchObject({ type: 'about:blank', title: 'Not Found' });
  });

  it('a known path with another method is a 405 with Allow', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'TRACE', 'CONNECT']) {
      const { status, headers } = await problem('/articles/abc', { method });
      expect(status, method).toBe(405);
      expect(headers.allow).toBe('GET, HEAD, OPTIONS');
    }
    const { status, headers } = await problem('/ingestions/politics/001.txt', { method: 'TRACE' });
    expect(status).toBe(405);
    expect(headers.allow).toBe('GET, HEAD, OPTIONS');
    expect((await problem('/articlez', { method: 'TRACE' })).status).toBe(404);
  });

  it('HEAD answers as GET does, without the body', async () => {
    const get = await call('/articles?limit=2');
    const head = await call('/articles?limit=2', { method: 'HEAD' });
    expect(head).toMatchObject({ status: 200, text: '' });
    expect(head.headers['content-type']).toBe(get.headers['content-type']);
    expect(head.headers['cache-control']).toBe(get.headers['cache-control']);
    expect((await call('/articles/nope', { method: 'HEAD' })).status).toBe(404);
  });

  it('a trailing slash is another path, so a 404 that names the canonical one', async () => {
    for (const [target, canonical] of [['/articles/', '/articles'], ['/health/', '/health'], ['/speakers/recep-tayyip-erdogan/', '/speakers/recep-tayyip-erdogan'], ['/ingestions/', '/ingestions']]) {
      const { status, body } = await problem(target!);
      expect(status, target).toBe(404);
      expect(body.detail, target).toContain(canonical);
    }
  });

  it('a key ending in a slash is still a key: /ingestions/{key} takes the rest of the path', async () => {
    const { status, body } = await problem('/ingestions/politics/');
    expect(status).toBe(404);
    expect(body.detail).toBe('no upload with key politics/');
  });
});

describe('request size', () => {
  it('refuses a body over the limit with 413', async () => {
    const { status } = await problem('/articles', { body: 'x'.repeat(REQUEST_LIMITS.maxBodyBytes + 1) });
    expect(status).toBe(413);
  });

  it('measures a base64 body decoded', async () => {
    const body = Buffer.alloc(REQUEST_LIMITS.maxBodyBytes).toString('base64');
    expect((await call('/articles', { body, isBase64Encoded: true })).status).toBe(200);
  });

  it('refuses a URL over the limit with 414', async () => {
    const { status } = await problem(`/articles?cursor=${'x'.repeat(REQUEST_LIMITS.maxUrlBytes)}`);
    expect(status).toBe(414);
  });
});

describe('500', () => {
  it('answers a store failure without internals, and logs it', async () => {
    const logger = silentLogger();
    const logged = vi.spyOn(logger, 'error');
    const store = fakeStore();
    store.getSpeaker = () => Promise.reject(new Error('ProvisionedThroughputExceededException: table onrecord-prod-secret'));
    const failing = apiClient(store, logger);
    const response = await failing('/speakers/recep-tayyip-erdogan');
    expect(response.status).toBe(500);
    expect(response.contentType).toBe('application/problem+json');
    expect(response.text).not.toMatch(/Provisioned|onrecord-prod|Exception|stack/);
    expect(response.json).toMatchObject({ type: 'about:blank', title: 'Internal Server Error', status: 500 });
    expect(logged).toHaveBeenCalledOnce();
    expect(logged).toHaveBeenCalledWith(
      'request failed',
      expect.objectContaining({ error: expect.objectContaining({ message: expect.stringContaining('ProvisionedThroughputExceededException') }) }),
    );
  });
});

describe('CORS', () => {
  it('allows any origin on success and on errors', async () => {
    for (const target of ['/articles', '/articles/nope', '/articles?limit=0', '/nowhere']) {
      const response = await call(target, { headers: { origin: 'https://reader.example' } });
      expect(response.headers['access-control-allow-origin'], target).toBe('*');
    }
  });

  it('answers a preflight with 204 and the allowed methods and headers', async () => {
    const response = await call('/articles/abc', {
      method: 'OPTIONS',
      headers: { origin: 'https://reader.example', 'access-control-request-method': 'GET' },
    });
    expect(response.status).toBe(204);
    expect(response.headers).toMatchObject({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, HEAD, OPTIONS',
      'access-control-max-age': '86400',
    });
    // what a JWT (auth=jwt) and a SigV4 signature (auth=iam) send from a browser
    const allowed = response.headers['access-control-allow-headers']?.split(/,\s*/).map((name) => name.toLowerCase());
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256']));
  });
});
