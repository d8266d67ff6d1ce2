import { randomUUID } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { bucketLister } from '../shared/reconcile/aws.ts';
import { reconcile, type ReconcileReport } from '../shared/reconcile/reconcile.ts';
import { createDocumentClient } from '../shared/store/dynamodb/client.ts';
import { DynamoArticleReader } from '../shared/store/dynamodb/reader.ts';
import type { LocalPipeline } from './pipeline.ts';
import { LOCAL_REGION } from './s3-notifications.ts';

/**
 * Reconciles the local pipeline's bucket with its table, feeding findings straight into its queue. The
 * local queue keeps nothing on disk, so after a crash (or `kill -9`) uploads whose events were queued are
 * found here at the next start-up. Objects modified after `inFlightAfter` are in flight: at start-up that is
 * `pipeline.startedAt`, since no event from before the start can still be queued (the default window of
 * shared/queue-age.ts would leave an upload from the minutes before a crash unseen until it passed).
 */
export async function reconcileLocalPipeline(pipeline: LocalPipeline, inFlightAfter: Date): Promise<ReconcileReport> {
  const s3 = new S3Client({
    endpoint: pipeline.s3Endpoint,
    forcePathStyle: true,
    region: LOCAL_REGION,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  const client = createDocumentClient(pipeline.dynamoEndpoint);
  try {
    return await reconcile({
      bucket: pipeline.bucket,
      region: LOCAL_REGION,
      inFlightAfter,
      listObjects: bucketLister(s3, pipeline.bucket),
      store: new DynamoArticleReader({ client, tableName: pipeline.tableName, cursorSecret: randomUUID() }),
      enqueue: async (records) => {
        for (const record of records) pipeline.queue.send(JSON.stringify({ Records: [record] }));
      },
    });
  } finally {
    s3.destroy();
    client.destroy();
  }
}
