import { describe, expect, it } from 'vitest';
import { DATA_ENDPOINTS } from '../../../functions/api/endpoints/index.ts';
import { apiClient } from './support/client.ts';
import { checkContract, openApiDocument } from './support/contract.ts';
import { KARABAKH_ID, TRICKY_KEY } from './support/records.ts';

const call = apiClient();

type Parameter = { name: string; in: string; required: boolean; description?: string; schema: Record<string, unknown> };
type Operation = { operationId: string; parameters: Parameter[]; responses: Record<string, unknown> };
const operations = openApiDocument.paths as unknown as Record<string, { get: Operation }>;

/** A request for each documented path that the fake store can answer with 200. */
const SAMPLE_TARGETS: Record<string, string> = {
  '/health': '/health',
  '/openapi.json': '/openapi.json',
  '/articles': '/articles?from=2023-01-01&to=2023-12-31&limit=3',
  '/articles/{id}': `/articles/${KARABAKH_ID}`,
  '/articles/{id}/statements': `/articles/${KARABAKH_ID}/statements?limit=2`,
  '/statements': '/statements?speaker=recep-tayyip-erdogan&kind=direct&about=armenia&from=2023-09-01',
  '/statements/{id}': `/statements/${KARABAKH_ID}-2`,
  '/clusters/{id}': '/clusters/cluster-2?order=newest&limit=1',
  '/speakers': '/speakers?prefix=erd',
  '/speakers/{id}': '/speakers/recep-tayyip-erdogan',
  '/entities': '/entities?prefix=a&type=location',
  '/entities/{id}': '/entities/armenia',
  '/entities/{id}/articles': '/entities/armenia/articles',
  '/entities/{id}/statements': '/entities/armenia/statements?from=2023-09-01&to=2023-09-30&limit=1',
  '/ingestions': '/ingestions?limit=1',
  '/ingestions/{key}': `/ingestions/${encodeURIComponent(TRICKY_KEY)}`,
};

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and documents every operation once', () => {
    expect(openApiDocument.openapi).toBe('3.1.0');
    const operationIds = Object.values(operations).map((path) => path.get.operationId);
    expect(operationIds.sort()).toEqual([...DATA_ENDPOINTS.map((endpoint) => endpoint.operationId), 'openApiDocument'].sort());
    expect(Object.keys(operations).sort()).toEqual(Object.keys(SAMPLE_TARGETS).sort());
  });

  it('is what GET /openapi.json serves', async () => {
    const response = await call('/openapi.json');
    expect(response.json).toEqual(openApiDocument);
  });

  it('documents parameters from the schemas that validate them', () => {
    const articles = operations['/articles']!.get.parameters;
    expect(articles.find((p) => p.name === 'limit')).toMatchObject({ in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } });
    expect(articles.map((p) => p.name).sort()).toEqual(['cursor', 'from', 'limit', 'to']);
    const statements = operations['/statements']!.get.parameters;
    expect(statements.find((p) => p.name === 'speaker')).toMatchObject({ required: true });
    expect(statements.find((p) => p.name === 'kind')).toMatchObject({ required: false, schema: { enum: ['direct', 'indirect'] } });
    expect(statements.find((p) => p.name === 'about')).toMatchObject({ required: false, schema: { type: 'string', maxLength: 256 }, description: expect.stringContaining('Entity id') });
    expect(operations['/ingestions/{key}']!.get.parameters).toEqual([expect.objectContaining({ name: 'key', in: 'path', required: true })]);
  });

  it('documents problem responses as application/problem+json', () => {
    for (const [path, { get }] of Object.entries(operations)) {
      expect(get.responses, path).toHaveProperty(['400', 'content', 'application/problem+json']);
      expect(get.responses, path).toHaveProperty(['500', 'content', 'application/problem+json']);
    }
    expect(operations['/articles/{id}']!.get.responses).toHaveProperty(['404', 'content', 'application/problem+json']);
    expect(operations['/statements/{id}']!.get.responses).toHaveProperty(['404', 'content', 'application/problem+json']);
  });
});

describe('what the document states beyond shapes', () => {
  const document = openApiDocument as typeof openApiDocument & { servers?: { url: string }[]; components: { schemas: Record<string, unknown> } };
  const parameter = (path: string, name: string) => operations[path]!.get.parameters.find((p) => p.name === name)!;

  it('names its server, relative to where it is served', () => {
    expect(document.servers).toEqual([expect.objectContaining({ url: '/' })]);
  });

  it('marks every operation public with an explicit empty security requirement', () => {
    for (const [path, { get }] of Object.entries(operations)) expect((get as { security?: unknown }).security, path).toEqual([]);
  });

  it('documents 413 and 414 on every operation, as problem+json', () => {
    for (const [path, { get }] of Object.entries(operations)) {
      expect(get.responses, path).toHaveProperty(['413', 'content', 'application/problem+json']);
      expect(get.responses, path).toHaveProperty(['414', 'content', 'application/problem+json']);
    }
  });

  it('states the bounds the API enforces: ids, keys, the date window, the prefix', () => {
    for (const [path, name] of [['/articles/{id}', 'id'], ['/statements/{id}', 'id'], ['/speakers/{id}', 'id'], ['/entities/{id}/articles', 'id'], ['/statements', 'speaker']] as const) {
      expect(parameter(path, name), `${path} ${name}`).toMatchObject({ schema: { maxLength: 256 }, description: expect.stringContaining('256 bytes') });
    }
    expect(parameter('/ingestions/{key}', 'key')).toMatchObject({ schema: { maxLength: 1024 }, description: expect.stringContaining('1024 bytes') });
    expect(parameter('/articles', 'from').description).toContain('not after `to`');
    expect(parameter('/statements', 'to').description).toContain('not before `from`');
    expect(parameter('/speakers', 'prefix').schema).toMatchObject({ pattern: '[\\p{L}\\p{N}]' });
  });

  it('has no component that no operation answers', () => {
    expect(Object.keys(document.components.schemas)).not.toContain('Article');
  });
});

describe('contract: responses match the document', () => {
  it.each(Object.entries(SAMPLE_TARGETS))('%s answers 200 as documented', async (_path, target) => {
    // apiClient fails the test if the body does not validate against the documented schema.
    expect((await call(target)).status).toBe(200);
  });

  it.each(Object.entries(SAMPLE_TARGETS))('%s refuses an undocumented parameter', async (_path, target) => {
    const response = await call(`${target}${target.includes('?') ? '&' : '?'}undocumented=1`);
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ errors: [{ parameter: 'undocumented' }] });
  });

  it('documents every required parameter: leaving one out is a 400 naming it', async () => {
    for (const [path, { get }] of Object.entries(operations)) {
      for (const parameter of get.parameters.filter((p) => p.in === 'query' && p.required)) {
        const target = SAMPLE_TARGETS[path]!.replace(new RegExp(`([?&])${parameter.name}=[^&]*&?`), '$1');
        const response = await call(target);
        expect(response.status, target).toBe(400);
        expect(response.json, target).toMatchObject({ errors: [{ parameter: parameter.name }] });
      }
    }
  });

  it('catches a response the document does not allow (an internal key leaking out)', async () => {
    const response = await call('/speakers/recep-tayyip-erdogan');
    const leaky = { ...response, json: { ...(response.json as object), pk: 'SPEAKER#recep-tayyip-erdogan' } };
    expect(checkContract('GET', '/speakers/recep-tayyip-erdogan', leaky)).toMatchObject({ ok: false });
    const untyped = { ...response, contentType: 'text/plain' };
    expect(checkContract('GET', '/speakers/recep-tayyip-erdogan', untyped)).toMatchObject({ ok: false });
  });
});
