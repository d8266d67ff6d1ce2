import { describe, expect, it } from 'vitest';
import { createApi } from '../../../functions/api/app.ts';
import { ORIGIN_HEADER } from '../../../functions/api/middleware/origin-verified.ts';
import { fakeStore } from './support/fake-store.ts';
import { request, silentLogger } from './support/http.ts';

const SECRET = 'cloudfront-origin-secret-for-tests';
const PREVIOUS = 'the-secret-before-the-rotation';
const behindCloudFront = createApi(fakeStore(), { logger: silentLogger(), originSecrets: [SECRET] });
const rotating = createApi(fakeStore(), { logger: silentLogger(), originSecrets: [SECRET, PREVIOUS] });

describe('an API behind CloudFront (per-client rate limit)', () => {
  it('serves requests that carry CloudFront\'s origin secret', async () => {
    const response = await request(behindCloudFront, '/articles', { headers: { [ORIGIN_HEADER]: SECRET } });
    expect(response.status).toBe(200);
  });

  it.each([
    ['without the header', {}],
    ['with a wrong secret', { [ORIGIN_HEADER]: 'guess' }],
    ['with the secret and one byte more', { [ORIGIN_HEADER]: `${SECRET}x` }],
  ])('refuses a request %s: it went around the rate limit', async (_name, headers) => {
    const response = await request(behindCloudFront, '/articles', { headers });
    expect(response.status).toBe(403);
    expect(response.contentType).toBe('application/problem+json');
    expect(response.text).not.toContain(SECRET);
  });

  it('accepts the new and the previous secret during a rotation, and nothing else', async () => {
    for (const secret of [SECRET, PREVIOUS]) {
      expect((await request(rotating, '/articles', { headers: { [ORIGIN_HEADER]: secret } })).status).toBe(200);
    }
    expect((await request(rotating, '/articles', { headers: { [ORIGIN_HEADER]: 'guess' } })).status).toBe(403);
    expect((await request(rotating, '/articles')).status).toBe(403);
    // once the rotation is over the old secret is refused
    expect((await request(behindCloudFront, '/articles', { headers: { [ORIGIN_HEADER]: PREVIOUS } })).status).toBe(403);
  });

  it('lets every request through when no secret is configured (local, or no edge deployed)', async () => {
    const response = await request(createApi(fakeStore(), { logger: silentLogger() }), '/articles');
    expect(response.status).toBe(200);
  });
});
