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

// OPTIONS is answered by the CORS middleware before routing.
const ROUTED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

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

function methodNotAllowed(allowed: readonly string[]): RouteHandler {
  const allow = [...allowed, 'OPTIONS'].join(', ');
  return () => Promise.reject(new HttpProblem(405, `this resource answers only ${allow}`, { headers: { Allow: allow } }));
}

export function createRouter(specs: readonly RouteSpec[]): RouteHandler {
  const routes = specs.flatMap((route) =>
    route.method === 'GET' && !specs.some((other) => other.method === 'HEAD' && other.path === route.path)
      ? [route, { method: 'HEAD' as const, path: route.path, handler: headOf(route.handler) }]
      : [route],
  );
  const methodsByPath = new Map<string, string[]>();
  for (const route of routes) methodsByPath.set(route.path, [...(methodsByPath.get(route.path) ?? []), route.method]);

  const fallbacks = [...methodsByPath].flatMap(([path, allowed]) =>
    ROUTED_METHODS.filter((method) => !allowed.includes(method)).map((method) => ({ method, path, handler: methodNotAllowed(allowed) })),
  );

  const router = httpRouterHandler<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>({
    routes: [...routes, ...fallbacks].map(routerRoute),
    notFoundResponse: ({ path }) => {
      throw new HttpProblem(404, `no resource at ${path}`);
    },
  });

  // Path parameters come from our own routes only: when API Gateway forwards everything through a
  // `/{proxy+}` route, its `proxy` parameter would otherwise override the router's.
  return (event, context) => router({ ...event, pathParameters: {} }, context) as Promise<APIGatewayProxyStructuredResultV2>;
}
