/**
 * The least an API Lambda on the AWS SDK can do: the same DynamoDB document client as the API's, one Query,
 * a JSON answer. No Powertools, no routing, no validation. bench/bundles.ts bundles it as the API is bundled
 * and times its cold start beside the API's: the part of a cold start that comes with the SDK itself.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../shared/store/dynamodb/client.ts';

const client = createDocumentClient(process.env.DYNAMODB_ENDPOINT);

export const handler = async () => {
  const answer = await client.send(
    new QueryCommand({ TableName: process.env.TABLE_NAME, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'floor' }, Limit: 20 }),
  );
  return { statusCode: 200, body: JSON.stringify(answer.Items ?? []) };
};
