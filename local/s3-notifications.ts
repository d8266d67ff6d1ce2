import { randomBytes } from 'node:crypto';
import type { S3EventRecord } from 'aws-lambda';
import type { S3rverEvent } from 's3rver';
import { notificationRecord } from '../functions/ingest/notifications.ts';

/**
 * s3rver's object events are S3-shaped but not what S3 sends: keys are raw, the bucket ARN is malformed,
 * the sequencer is a timestamp that repeats within a millisecond, and a multipart upload is reported as a
 * POST. These turn them into the records S3 would put in an SQS message, so the ingest handler sees on
 * this machine exactly what it sees on AWS.
 */

export const LOCAL_REGION = 'us-east-1';

/**
 * Increasing per-process sequencers of a fixed width (so comparing them as strings is comparing numbers):
 * the time in milliseconds with a 16-bit counter below it, so they also keep increasing across restarts
 * of the local pipeline, whose data survives restarts.
 */
export function createSequencer(): () => string {
  let last = 0n;
  return () => {
    const now = BigInt(Date.now()) << 16n;
    last = now > last ? now : last + 1n;
    return last.toString(16).toUpperCase().padStart(18, '0');
  };
}

const EVENT_NAMES: Record<string, string> = {
  'ObjectCreated:Put': 'ObjectCreated:Put',
  'ObjectCreated:Copy': 'ObjectCreated:Copy',
  // s3rver reports both browser-form uploads and completed multipart uploads as POST; the aws CLI only
  // makes the latter (for files over 8 MB).
  'ObjectCreated:Post': 'ObjectCreated:CompleteMultipartUpload',
  'ObjectRemoved:Delete': 'ObjectRemoved:Delete',
};

export function notificationRecords(event: S3rverEvent, nextSequencer: () => string): S3EventRecord[] {
  return event.Records.map((record) => {
    const { bucket, object } = record.s3;
    // Removal events carry neither size nor eTag on S3 either.
    const created = record.eventName.startsWith('ObjectCreated:');
    return notificationRecord({
      region: LOCAL_REGION,
      eventName: EVENT_NAMES[record.eventName] ?? record.eventName,
      eventTime: record.eventTime,
      origin: 'local-ingest',
      requestId: hex(8),
      hostId: randomBytes(32).toString('base64'),
      bucket: bucket.name,
      key: object.key,
      sequencer: nextSequencer(),
      ...(created && object.size !== undefined ? { size: object.size } : {}),
      ...(created && object.eTag !== undefined ? { eTag: object.eTag } : {}),
    });
  });
}

function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex').toUpperCase();
}
