import { CACHE_NONE, defineEndpoint } from '../endpoint.ts';
import { NoParams } from '../schemas/params.ts';
import { Health } from '../schemas/responses.ts';

/** Liveness only: it does not touch the table, so a load balancer's probes cost nothing. */
export const health = defineEndpoint({
  operationId: 'health',
  path: '/health',
  summary: 'Whether the API is up.',
  tag: 'meta',
  params: NoParams,
  query: NoParams,
  response: Health,
  notFound: false,
  cacheControl: CACHE_NONE,
  run: () => Promise.resolve({ status: 'ok' as const }),
});
