/**
 * Builds the store from configuration, for the handlers and the local runner. Clients are meant to be
 * made once per process (module scope in a Lambda), not per request.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { cursorSecret, storeConfig } from '../../config.ts';
import { DynamoArticleStore } from './store.ts';

export function createDocumentClient(endpoint: string | undefined): DynamoDBDocumentClient {
  // An emulator accepts any credentials; fixed ones spare local runs from needing an AWS profile.
  const local = endpoint
    ? { endpoint, region: process.env.AWS_REGION ?? 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
    : {};
  return DynamoDBDocumentClient.from(new DynamoDBClient(local), { marshallOptions: { removeUndefinedValues: true } });
}

/** The store as configured by TABLE_NAME, DYNAMODB_ENDPOINT (local only) and CURSOR_SECRET. */
export function createArticleStore(): DynamoArticleStore {
  const config = storeConfig();
  return new DynamoArticleStore({
    client: createDocumentClient(config.dynamoEndpoint),
    tableName: config.tableName,
    cursorSecret: cursorSecret(),
  });
}
