import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import httpRouterHandler, { type Method } from '@middy/http-router';
import { HttpProblem } from './problem.ts';

/**
 * Routing: every route, JSON or HTML, is a RouteSpec; a new page is one more spec. Paths use API
 * Gateway's syntax, `{name}` for a segment and a final `{name+}` for the rest of the path. The handler
 * sees its path parameters under those names. Every GET also answers HEAD; any other method on a known
 * path is a 405 naming the allowed ones.
 */
export type RouteHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

export interface RouteSpec {
  method: Exclude<Method, 'ANY' | 'OPTIONS'>;
  path: string;
  handler: RouteHandler;
}

const GREEDY = /\{(\w+)\+\}$/;

/** @middy/http-router only knows `{proxy+}` as the greedy form; rename it back for the route's handler. */
function routerRoute(route: { method: Method; path: string; handler: RouteHandler }) {
  const greedyName = GREEDY.exec(route.path)?.[1];
  if (greedyName === undefined) return route;
  const handler: RouteHandler = (event, context) => {
    const { proxy, ...named } = event.pathParameters ?? {};
    return route.handler({ ...event, pathParameters: { ...named, [greedyName]: proxy } }, context);
  };
  return { method: route.method, path: route.path.replace(GREEDY, '{proxy+}'), handler };
}

/** HEAD is GET without the body: the same status and headers (Content-Type, Cache-Control). */
function headOf(get: RouteHandler): RouteHandler {
  return async (event, context) => ({ ...(await get(event, context)), body: '' });
}

function methodNotAllowed(allowed: readonly string[]): HttpProblem {
  const allow = [...allowed, 'OPTIONS'].join(', ');
  return new HttpProblem(405, `this resource answers only ${allow}`, { headers: { Allow: allow } });
}

export function createRouter(specs: readonly RouteSpec[]): RouteHandler {
  const routes = specs.flatMap((route) =>
    route.method === 'GET' && !specs.some((other) => other.method === 'HEAD' && other.path === route.path)
      ? [route, { method: 'HEAD' as const, path: route.path, handler: headOf(route.handler) }]
      : [route],
  );
  const methodsByPath = new Map<string, string[]>();
  for (const route of routes) methodsByPath.set(route.path, [...(methodsByPath.get(route.path) ?? []), route.method]);

  // The same matcher, asked only which methods a path allows, so that a known path with any other method
  // (TRACE and CONNECT included, which the router has no table for) is a 405, and an unknown path a 404.
  const allowedAt = httpRouterHandler({
    routes: [...methodsByPath].map(([path, allowed]) => routerRoute({ method: 'GET', path, handler: (() => allowed) as unknown as RouteHandler })),
    notFoundResponse: (() => undefined) as never,
  }) as unknown as (event: { version: '2.0'; requestContext: { http: { method: 'GET'; path: string } } }) => readonly string[] | undefined;

  const router = httpRouterHandler<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>({
    routes: routes.map(routerRoute),
    notFoundResponse: ({ path }) => {
      const allowed = allowedAt({ version: '2.0', requestContext: { http: { method: 'GET', path } } });
      throw allowed ? methodNotAllowed(allowed) : new HttpProblem(404, `no resource at ${path}`);
    },
  });

  // Greedy routes (`/ingestions/{key+}`) take the rest of the path, a final slash included.
  const greedyPrefixes = specs.flatMap((route) => (GREEDY.test(route.path) ? [route.path.replace(GREEDY, '')] : []));

  return (event, context) => {
    // One path, one resource: the router would also match `/articles/`, which the README calls unknown.
    const path = event.requestContext.http.path;
    if (path.length > 1 && path.endsWith('/') && !greedyPrefixes.some((prefix) => path.startsWith(prefix) && path.length > prefix.length)) {
      return Promise.reject(new HttpProblem(404, `no resource at ${path} (paths take no trailing slash: ${path.replace(/\/+$/, '') || '/'})`));
    }
    // Path parameters come from our own routes only: when API Gateway forwards everything through a
    // `/{proxy+}` route, its `proxy` parameter would otherwise override the router's.
    return router({ ...event, pathParameters: {} }, context) as Promise<APIGatewayProxyStructuredResultV2>;
  };
}
