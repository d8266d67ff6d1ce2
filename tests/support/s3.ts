import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import type { S3EventRecord } from 'aws-lambda';
import { startLocalS3 } from '../../local/s3.ts';
import { uploadClient } from '../../local/uploads.ts';

export interface TestS3 {
  endpoint: string;
  bucket: string;
  /** A client for s3rver (path style, s3rver-safe checksums, its credentials). */
  client: S3Client;
  /** Every notification record s3rver reported, as the ingest queue would receive them. */
  notifications: S3EventRecord[];
  stop(): Promise<void>;
}

/** s3rver on a free port, in a temp directory, with one bucket; the same code `npm start` runs. */
export async function startTestS3(bucket = 'articles'): Promise<TestS3> {
  const directory = await mkdtemp(join(tmpdir(), 'onrecord-test-s3-'));
  const notifications: S3EventRecord[] = [];
  const s3 = await startLocalS3({ port: 0, directory, bucket, onNotification: (records) => notifications.push(...records) });
  const client = uploadClient(s3.endpoint);
  return {
    endpoint: s3.endpoint,
    bucket,
    client,
    notifications,
    async stop() {
      client.destroy();
      await s3.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
