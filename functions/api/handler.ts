import { createArticleStore } from '../../shared/store/dynamodb/client.ts';
import { createApi } from './app.ts';

/**
 * The API Lambda (API Gateway HTTP API, payload 2.0). The store and its DynamoDB client are made once per
 * instance from configuration (TABLE_NAME, DYNAMODB_ENDPOINT locally, CURSOR_SECRET); all routing,
 * validation and error handling is in app.ts, where tests give it another store.
 */
export const handler = createApi(createArticleStore());
