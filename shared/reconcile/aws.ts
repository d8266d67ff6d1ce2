import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { S3EventRecord } from 'aws-lambda';
import { unquoteETag } from '../objects/versions.ts';
import type { ObjectPage } from './reconcile.ts';

/** One page (up to 1,000 keys) of the bucket's current objects. */
export function bucketLister(s3: S3Client, bucket: string) {
  return async (token: string | undefined): Promise<ObjectPage> => {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ...(token ? { ContinuationToken: token } : {}) }));
    return {
      objects: (page.Contents ?? []).flatMap((item) => (item.Key ? [{ key: item.Key, eTag: unquoteETag(item.ETag), size: item.Size ?? null, lastModified: item.LastModified ?? null }] : [])),
      nextToken: page.IsTruncated ? page.NextContinuationToken : undefined,
    };
  };
}

/** Sends each record as its own S3-shaped message, ten to a SendMessageBatch. */
export function queueSender(sqs: SQSClient, queueUrl: string) {
  return async (records: S3EventRecord[]): Promise<void> => {
    for (let start = 0; start < records.length; start += 10) {
      const batch = records.slice(start, start + 10);
      const { Failed = [] } = await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: batch.map((record, index) => ({ Id: String(index), MessageBody: JSON.stringify({ Records: [record] }) })),
        }),
      );
      if (Failed.length) throw new Error(`the queue refused ${Failed.length} message(s): ${Failed.map((f) => f.Message ?? f.Code).join('; ')}`);
    }
  };
}
