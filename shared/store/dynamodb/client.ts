/**
 * The DynamoDB document client for the handlers and the local runner. Clients are meant to be made once
 * per process (module scope in a Lambda), not per request.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export function createDocumentClient(endpoint: string | undefined): DynamoDBDocumentClient {
  // An emulator accepts any credentials; fixed ones spare local runs from needing an AWS profile.
  const local = endpoint
    ? { endpoint, region: process.env.AWS_REGION ?? 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
    : {};
  return DynamoDBDocumentClient.from(new DynamoDBClient(local), { marshallOptions: { removeUndefinedValues: true } });
}
