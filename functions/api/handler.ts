import { s3ObjectsOnDemand } from '../../shared/objects/on-demand.ts';
import { createArticleStore } from '../../shared/store/dynamodb/client.ts';
import { createApi } from './app.ts';
import { webRoutes } from './web/routes.ts';

/**
 * The API Lambda (API Gateway HTTP API, payload 2.0): the JSON API and, on the same chain, the web pages.
 * The store and its clients are made once per instance from configuration (TABLE_NAME, CURSOR_SECRET;
 * DYNAMODB_ENDPOINT and S3_ENDPOINT locally); routing, validation and errors are in app.ts, where tests
 * give it another store.
 */
const store = createArticleStore();

export const handler = createApi(store, { extraRoutes: webRoutes({ store, objects: s3ObjectsOnDemand }) });
