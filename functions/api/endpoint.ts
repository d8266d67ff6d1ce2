import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type * as z from 'zod';
import { InvalidCursorError, type ArticleReader } from '../../shared/store/port.ts';
import { invalidParameters, type ParameterError } from './problem.ts';
import type { RouteSpec } from './router.ts';

/**
 * One JSON API operation, described once: its parameters and response as zod schemas (which validate the
 * request and generate the OpenAPI document) and a thin `run` that asks the store. Returning
 * `z.input` of the response schema makes the compiler check that the store's records fit the documented
 * shape.
 */

export interface Endpoint<P extends z.ZodObject, Q extends z.ZodObject, R extends z.ZodType> {
  operationId: string;
  /** API Gateway style: `{name}` is one path segment; a final `{name+}` takes the rest, slashes included. */
  path: string;
  summary: string;
  tag: string;
  params: P;
  query: Q;
  response: R;
  /** Whether an unknown id in the path (or query) is answered 404. */
  notFound: boolean;
  cacheControl: string;
  run(input: { params: z.output<P>; query: z.output<Q> }, store: ArticleReader): Promise<z.input<R>>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list holds endpoints of every shape
export type AnyEndpoint = Endpoint<z.ZodObject<any, any>, z.ZodObject<any, any>, z.ZodType>;

export function defineEndpoint<P extends z.ZodObject, Q extends z.ZodObject, R extends z.ZodType>(
  endpoint: Endpoint<P, Q, R>,
): Endpoint<P, Q, R> {
  return endpoint;
}

/** Data may change with every upload, but a few seconds of staleness is fine for readers and caches. */
export const CACHE_SHORT = 'public, max-age=30';
/** Status that a client polls right after an upload. */
export const CACHE_NONE = 'no-store';

export function jsonResponse(body: unknown, cacheControl: string): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: 200,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': cacheControl },
    body: JSON.stringify(body),
  };
}

/**
 * Query parameters from the raw query string (API Gateway passes it undecoded; its parsed map joins
 * repeated names with commas, which would hide a mistake). An empty value counts as absent, as an
 * HTML form's empty field does.
 */
export function readQuery(rawQueryString: string | undefined): { values: Record<string, string>; errors: ParameterError[] } {
  // A Map, then fromEntries: a parameter named `__proto__` becomes an own key (refused as unknown),
  // where assigning it to a plain object would set the prototype instead.
  const values = new Map<string, string>();
  const errors: ParameterError[] = [];
  for (const [name, value] of new URLSearchParams(rawQueryString ?? '')) {
    if (value === '') continue;
    if (values.has(name)) errors.push({ parameter: name, message: 'must be given only once' });
    else values.set(name, value);
  }
  return { values: Object.fromEntries(values), errors };
}

function issuesToErrors(issues: z.core.$ZodIssue[]): ParameterError[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ parameter: key, message: 'is not a parameter of this operation' }))
      : [{ parameter: String(issue.path[0] ?? ''), message: issue.message }],
  );
}

export function endpointRoute(endpoint: AnyEndpoint, store: ArticleReader): RouteSpec {
  const acceptsCursor = Object.hasOwn(endpoint.query.shape, 'cursor');
  return {
    method: 'GET',
    path: endpoint.path,
    handler: async (event) => {
      const query = readQuery(event.rawQueryString);
      const parsedParams = endpoint.params.safeParse(event.pathParameters ?? {});
      const parsedQuery = endpoint.query.safeParse(query.values);
      const errors = [
        ...(parsedParams.success ? [] : issuesToErrors(parsedParams.error.issues)),
        ...query.errors,
        ...(parsedQuery.success ? [] : issuesToErrors(parsedQuery.error.issues)),
      ];
      if (!parsedParams.success || !parsedQuery.success || errors.length > 0) throw invalidParameters(errors);
      try {
        const body = await endpoint.run({ params: parsedParams.data, query: parsedQuery.data }, store);
        return jsonResponse(body, endpoint.cacheControl);
      } catch (error) {
        if (acceptsCursor && error instanceof InvalidCursorError) {
          throw invalidParameters([{ parameter: 'cursor', message: error.message }]);
        }
        throw error;
      }
    },
  };
}
