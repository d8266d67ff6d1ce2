/** What json-routes.ts loads on the first JSON request, as one module (one chunk in the bundle, read at once). */
export { DATA_ENDPOINTS } from './endpoints/index.ts';
export { openApiEndpoint } from './openapi.ts';
