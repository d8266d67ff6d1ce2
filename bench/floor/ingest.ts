/**
 * The least an ingest Lambda on the AWS SDK can do: for each S3 notification in the SQS batch, read the
 * object with the ingest's S3 reader and write one item with the same DynamoDB document client. No parsing,
 * no Powertools. bench/bundles.ts bundles it as the ingest is bundled and times its cold start beside the
 * ingest's: the part of a cold start that comes with the SDK itself.
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSEvent, SQSBatchResponse } from 'aws-lambda';
import { s3Objects } from '../../shared/objects/index.ts';
import { createDocumentClient } from '../../shared/store/dynamodb/client.ts';

const client = createDocumentClient(process.env.DYNAMODB_ENDPOINT);

interface Notification {
  Records: { s3: { bucket: { name: string }; object: { key: string } } }[];
}

export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  for (const message of event.Records) {
    for (const { s3 } of (JSON.parse(message.body) as Notification).Records) {
      const { bytes } = await s3Objects.getObjectBytes(s3.bucket.name, s3.object.key, null, 10 * 1024 * 1024);
      const item = { pk: `floor#${s3.object.key}`, sk: 'floor', bytes: bytes.byteLength };
      await client.send(new BatchWriteCommand({ RequestItems: { [process.env.TABLE_NAME!]: [{ PutRequest: { Item: item } }] } }));
    }
  }
  return { batchItemFailures: [] };
};
