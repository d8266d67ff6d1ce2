import * as z from 'zod';
import { CACHE_SHORT, defineEndpoint, type AnyEndpoint } from './endpoint.ts';
import { REQUEST_LIMITS } from './limits.ts';
import { NoParams } from './schemas/params.ts';
import { OpenApiDocument, Problem, responseSchemas } from './schemas/responses.ts';

/**
 * The OpenAPI 3.1 document, generated from the endpoints' own zod schemas: the parameter schemas that
 * validate requests and the response schemas the handlers' return types are checked against.
 */

const COMPONENT = (id: string) => `#/components/schemas/${id}`;

/** A parameter's schema as the client writes it (before defaults and coercion). */
function parameterSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return rest;
}

function componentRef(schema: z.ZodType): { $ref: string } {
  const id = responseSchemas.get(schema)?.id;
  if (id === undefined) throw new Error('every response schema must be named in responseSchemas');
  return { $ref: COMPONENT(id) };
}

function parameters(location: 'path' | 'query', object: z.ZodObject): object[] {
  return Object.entries(object.shape).map(([name, field]) => {
    const { description, ...schema } = parameterSchema(field as z.ZodType);
    const required = location === 'path' || !(field as z.ZodType).safeParse(undefined).success;
    return { name, in: location, required, ...(description === undefined ? {} : { description }), schema };
  });
}

const problemContent = { 'application/problem+json': { schema: componentRef(Problem) } };

function operation(endpoint: AnyEndpoint): object {
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    tags: [endpoint.tag],
    parameters: [...parameters('path', endpoint.params), ...parameters('query', endpoint.query)],
    responses: {
      200: { description: 'OK', content: { 'application/json': { schema: componentRef(endpoint.response) } } },
      400: { description: 'A parameter is invalid; `errors` names each one.', content: problemContent },
      ...(endpoint.notFound ? { 404: { description: 'No such resource.', content: problemContent } } : {}),
      413: { description: `The request body is over ${REQUEST_LIMITS.maxBodyBytes} bytes (the API reads none).`, content: problemContent },
      414: { description: `The path and query are over ${REQUEST_LIMITS.maxUrlBytes} bytes.`, content: problemContent },
      500: { description: 'The server failed; nothing about the failure is disclosed.', content: problemContent },
    },
    // Public reads. A stack deployed with -c auth=iam|jwt puts an authorizer in front of every route, which
    // API Gateway enforces before this function, so the document stays what the function itself requires.
    security: [],
  };
}

/** `/ingestions/{key+}` is API Gateway's greedy form; OpenAPI writes the parameter plainly. */
const openApiPath = (path: string) => path.replace(/\{(\w+)\+\}/, '{$1}');

export function buildOpenApiDocument(endpoints: readonly AnyEndpoint[]): z.infer<typeof OpenApiDocument> {
  const paths: Record<string, Record<string, object>> = {};
  for (const endpoint of endpoints) {
    paths[openApiPath(endpoint.path)] = { ...paths[openApiPath(endpoint.path)], get: operation(endpoint) };
  }
  const { schemas } = z.toJSONSchema(responseSchemas, { io: 'output', uri: COMPONENT, unrepresentable: 'any' });
  const components = Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema]),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'onrecord API',
      version: '1.0.0',
      description: 'Who said what, when, about whom: articles, their statements, speakers and entities. Lists answer `{ items, nextCursor }`; errors answer RFC 9457 problem details.',
    },
    // Relative: the API is wherever this document was fetched from (localhost, or the stack's ApiUrl).
    servers: [{ url: '/', description: 'The API that serves this document.' }],
    paths,
    components: { schemas: components },
  };
}

/** GET /openapi.json, describing the given endpoints and itself. */
export function openApiEndpoint(endpoints: readonly AnyEndpoint[]): AnyEndpoint {
  let document: z.infer<typeof OpenApiDocument> | undefined;
  const self: AnyEndpoint = defineEndpoint({
    operationId: 'openApiDocument',
    path: '/openapi.json',
    summary: 'This document.',
    tag: 'meta',
    params: NoParams,
    query: NoParams,
    response: OpenApiDocument,
    notFound: false,
    cacheControl: CACHE_SHORT,
    run: () => Promise.resolve((document ??= buildOpenApiDocument([...endpoints, self]))),
  });
  return self;
}
