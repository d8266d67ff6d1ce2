import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { apiClient } from './support/client.ts';
import { openApiDocument } from './support/contract.ts';
import { silentLogger } from './support/http.ts';
import { fakeStore } from './support/fake-store.ts';

/**
 * Client input never causes a 500: random query strings, path segments and cursors get 200, 400 or 404,
 * each a response the OpenAPI document allows (the client checks that), and nothing reaches the error log.
 */

const logger = silentLogger();
const loggedErrors = vi.spyOn(logger, 'error');
const call = apiClient(fakeStore(), logger);

const paths = Object.keys(openApiDocument.paths);
const parameterNames = ['limit', 'cursor', 'from', 'to', 'speaker', 'kind', 'prefix', 'type', 'id', 'key', '__proto__', 'constructor'];

/** Strings that stress parsers: numbers in odd forms, dates, unicode, percent signs, huge values. */
const value = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom('0', '-1', '1e2', '0x10', ' 5', '5 ', '100', '101', 'NaN', 'Infinity', '%', '%zz', '2023-02-29', '2023-09-20T25:00:00Z', 'direct', 'person', 'null', '[]', '{}'),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
);

const queryString = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...parameterNames), fc.string({ maxLength: 8 })), value), { maxLength: 6 })
  .map((pairs) => pairs.map(([name, v]) => `${encodeURIComponent(name)}=${encodeURIComponent(v)}`).join('&'));

const segment = fc.oneof(fc.string({ minLength: 1 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), fc.constantFrom('..', '.', '%', '%2F', 'a%2Fb'));

function concretePath(template: string, segments: string[]): string {
  let index = 0;
  return template.replace(/\{\w+\}/g, () => encodeURIComponent(segments[index++ % segments.length]!));
}

async function expectClientOutcome(target: string) {
  const response = await call(target);
  expect([200, 400, 404, 414], `${target} → ${response.status} ${response.text.slice(0, 200)}`).toContain(response.status);
}

describe('fuzzing client input', () => {
  it('random query parameters on every operation', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.array(segment, { minLength: 1, maxLength: 2 }), queryString, async (template, segments, query) => {
        await expectClientOutcome(`${concretePath(template, segments)}?${query}`);
      }),
      { numRuns: 400 },
    );
    expect(loggedErrors).not.toHaveBeenCalled();
  });

  it('random raw paths, including broken percent-encoding', async () => {
    const rawPath = fc.array(fc.oneof(fc.constantFrom('articles', 'speakers', 'entities', 'ingestions', 'statements', '%', '%E0%A4%A', '..', ''), fc.string()), { maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(rawPath, async (parts) => {
        const response = await call(`/${parts.join('/')}`);
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 300 },
    );
    expect(loggedErrors).not.toHaveBeenCalled();
  });

  it('edited, truncated and foreign cursors', async () => {
    const first = (await call('/articles?limit=3')).json as { nextCursor: string };
    const cursor = first.nextCursor;
    const edited = fc.oneof(
      fc.tuple(fc.nat({ max: cursor.length - 1 }), fc.string({ minLength: 1, maxLength: 3 })).map(([at, text]) => cursor.slice(0, at) + text + cursor.slice(at + 1)),
      fc.nat({ max: cursor.length }).map((length) => cursor.slice(0, length)),
      fc.string().map((tail) => cursor + tail),
      fc.base64String(),
    );
    const targets = ['/articles?limit=3', '/articles?limit=3&from=2023-01-01', '/speakers?prefix=e', '/statements?speaker=recep-tayyip-erdogan', '/ingestions'];
    await fc.assert(
      fc.asyncProperty(edited, fc.constantFrom(...targets), async (candidate, target) => {
        const response = await call(`${target}&cursor=${encodeURIComponent(candidate)}`.replace('/ingestions&', '/ingestions?'));
        expect([200, 400]).toContain(response.status);
        if (response.status === 400) expect(response.json).toMatchObject({ errors: [{ parameter: 'cursor' }] });
      }),
      { numRuns: 300 },
    );
    expect(loggedErrors).not.toHaveBeenCalled();
  });
});
