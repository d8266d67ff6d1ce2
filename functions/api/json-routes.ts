import type { ArticleReader } from '../../shared/store/port.ts';
import { endpointRoute } from './endpoint.ts';
import type { RouteHandler, RouteSpec } from './router.ts';

/**
 * The JSON API's paths, in the order of DATA_ENDPOINTS (endpoints/index.ts), then /openapi.json: all the
 * router needs to know of them at init. The endpoints themselves, their zod schemas and zod load on the first
 * JSON request (a chunk of their own in the bundle: infra/bundle.ts splits on dynamic imports), so a cold
 * start that answers a web page, or whatever does not validate parameters, neither compiles nor builds them.
 * tests/unit/api/json-routes.test.ts holds this list to the endpoints' own paths.
 */
export const JSON_PATHS = [
  '/health',
  '/articles',
  '/articles/{id}',
  '/articles/{id}/statements',
  '/statements',
  '/statements/{id}',
  '/clusters/{id}',
  '/speakers',
  '/speakers/{id}',
  '/entities',
  '/entities/{id}',
  '/entities/{id}/articles',
  '/entities/{id}/statements',
  '/ingestions',
  '/ingestions/{key+}',
  '/openapi.json',
] as const;

/** Every JSON endpoint (and /openapi.json, describing them) as a route answered by `store`, loaded on first use. */
export function jsonRoutes(store: ArticleReader): RouteSpec[] {
  let loading: Promise<Map<string, RouteHandler>> | undefined;
  const handlers = () =>
    (loading ??= (async () => {
      const { DATA_ENDPOINTS, openApiEndpoint } = await import('./json-endpoints.ts');
      const endpoints = [...DATA_ENDPOINTS, openApiEndpoint(DATA_ENDPOINTS)];
      return new Map(endpoints.map((endpoint) => [endpoint.path, endpointRoute(endpoint, store).handler]));
    })().catch((error: unknown) => {
      // a failed load is tried again by the next request, not remembered
      loading = undefined;
      throw error;
    }));
  return JSON_PATHS.map((path) => ({
    method: 'GET',
    path,
    handler: async (event, context) => {
      const handler = (await handlers()).get(path);
      if (handler === undefined) throw new Error(`no JSON endpoint has the path ${path} (functions/api/json-routes.ts)`);
      return handler(event, context);
    },
  }));
}
