import { mkdir } from 'node:fs/promises';
import S3rver, { type S3rverContext } from 's3rver';
import type { S3EventRecord } from 'aws-lambda';
import { createSequencer, notificationRecords } from './s3-notifications.ts';

export interface LocalS3Options {
  /** 0 picks a free port. */
  port: number;
  /** Where s3rver keeps buckets and objects. */
  directory: string;
  bucket: string;
  /** Called with the S3 notification records of each object change, as S3 would send them. */
  onNotification: (records: S3EventRecord[]) => void;
}

export interface LocalS3 {
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

/** Embedded s3rver with one bucket, reporting object changes as real S3 notification records. */
export async function startLocalS3({ port, directory, bucket, onNotification }: LocalS3Options): Promise<LocalS3> {
  await mkdir(directory, { recursive: true });
  const server = new S3rver({ address: 'localhost', port, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const nextSequencer = createSequencer();
  server.on('event', (event) => onNotification(notificationRecords(event, nextSequencer)));
  reportMultiObjectDeletes(server);
  const address = await server.run();
  return {
    endpoint: `http://localhost:${address.port}`,
    port: address.port,
    close: () => server.close(),
  };
}

/**
 * s3rver emits no event for DeleteObjects (what `aws s3 rm --recursive` uses), while S3 notifies each
 * removed key. This middleware runs inside s3rver's XML encoder, so it sees the DeleteResult as an object,
 * and emits one removal per deleted key.
 */
function reportMultiObjectDeletes(server: S3rver): void {
  const afterXmlEncoder = 2;
  server.middleware.splice(afterXmlEncoder, 0, async (ctx: S3rverContext, next) => {
    await next();
    if (ctx.method !== 'POST' || !('delete' in ctx.query) || ctx.status !== 200) return;
    const bucket = ctx.params?.bucket;
    const deleted = (ctx.body as { DeleteResult?: { Deleted?: { Key: string }[] } }).DeleteResult?.Deleted ?? [];
    if (!bucket) return;
    for (const { Key } of deleted) {
      server.emit('event', {
        Records: [{ eventTime: new Date().toISOString(), eventName: 'ObjectRemoved:Delete', s3: { bucket: { name: bucket }, object: { key: Key, sequencer: '' } } }],
      });
    }
  });
}
