import type { S3EventRecord } from 'aws-lambda';
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import type { SourceObject } from '../../shared/store/port.ts';

// zod/mini, imported as a namespace, bundles only the validators used here (about 20 KB instead of the
// 450 KB of zod's classic `z` object, every locale included); English messages as the classic build gives.
z.config(en());

/**
 * What S3 puts in each SQS message body: either a batch of event records, or the one-off `s3:TestEvent`
 * S3 sends when the notification is configured (no Records; nothing to do). Only the fields the pipeline
 * reads are checked.
 */
const S3NotificationRecord = z.object({
  eventName: z.string(),
  eventTime: z.string(),
  s3: z.object({
    bucket: z.object({ name: z.string() }),
    object: z.object({
      key: z.string(),
      size: z.optional(z.number()),
      eTag: z.optional(z.string()),
      versionId: z.optional(z.string()),
      sequencer: z.string(),
    }),
  }),
});
export type S3NotificationRecord = z.infer<typeof S3NotificationRecord>;

const S3Notification = z.union([
  z.object({ Records: z.array(S3NotificationRecord) }),
  z.object({ Event: z.literal('s3:TestEvent') }),
]);

/** The S3 event records in an SQS message body; none for a test event. Throws on anything else. */
export function s3Records(messageBody: string): S3NotificationRecord[] {
  const notification = S3Notification.parse(JSON.parse(messageBody));
  return 'Records' in notification ? notification.Records : [];
}

/** Keys arrive form-URL-encoded: `+` for a space, `%XX` for everything else that is not plain. */
export function decodeKey(encodedKey: string): string {
  return decodeURIComponent(encodedKey.replace(/\+/g, ' '));
}

/**
 * The inverse, for whatever writes notifications itself (the local runner, reprocessing): S3 encodes keys
 * as Java's URLEncoder does (`+` for a space, `%XX` for anything but letters, digits and `.-_*`), except
 * that `/` is left as it is.
 */
export function encodeKey(key: string): string {
  return encodeURIComponent(key)
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+')
    .replace(/%2F/g, '/');
}

/**
 * What an event did to the object a reader sees at the key (its current version):
 * - `created`: a new current version.
 * - `removed`: the key has no current object any more. A plain delete on a versioned bucket (or a
 *   lifecycle expiration of the current version) adds a delete marker; on an unversioned bucket, and on
 *   s3rver, a delete without a version id removes the object.
 * - `version-removed`: one version was deleted for good (`ObjectRemoved:Delete` or a lifecycle expiration
 *   naming a version id). That may be a non-current version (nothing a reader sees changes), the current
 *   one (the previous version, if any, becomes current) or a delete marker (the version under it is back).
 *   The event does not say which, so the ingest function asks S3 what is current now.
 */
export type ObjectChange = 'created' | 'removed' | 'version-removed' | 'other';

export function objectChange(record: Pick<S3NotificationRecord, 'eventName'> & { s3: { object: { versionId?: string | undefined } } }): ObjectChange {
  const { eventName } = record;
  if (eventName.startsWith('ObjectCreated:')) return 'created';
  if (!eventName.startsWith('ObjectRemoved:') && !eventName.startsWith('LifecycleExpiration:')) return 'other';
  if (eventName.endsWith(':DeleteMarkerCreated')) return 'removed';
  return record.s3.object.versionId ? 'version-removed' : 'removed';
}

export function sourceObject(record: S3NotificationRecord): SourceObject {
  const { bucket, object } = record.s3;
  return {
    bucket: bucket.name,
    key: decodeKey(object.key),
    versionId: object.versionId ?? null,
    eTag: object.eTag ?? null,
    size: object.size ?? null,
    sequencer: object.sequencer,
    eventTime: record.eventTime,
  };
}

/** What differs between two S3 notification records; the rest is S3's fixed envelope. */
export interface NotificationFields {
  region: string;
  eventName: string;
  eventTime: string;
  /** Who sent it: names the principal and the notification configuration. */
  origin: string;
  requestId: string;
  hostId: string;
  bucket: string;
  /** The object key as stored (it is URL-encoded here, as S3 does). */
  key: string;
  sequencer: string;
  size?: number;
  eTag?: string;
  versionId?: string;
}

/** An S3 notification record as S3 puts it in an SQS message: for the local runner and for reprocessing. */
export function notificationRecord(fields: NotificationFields): S3EventRecord {
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: fields.region,
    eventTime: fields.eventTime,
    eventName: fields.eventName,
    userIdentity: { principalId: fields.origin },
    requestParameters: { sourceIPAddress: '127.0.0.1' },
    responseElements: { 'x-amz-request-id': fields.requestId, 'x-amz-id-2': fields.hostId },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: fields.origin,
      bucket: { name: fields.bucket, ownerIdentity: { principalId: fields.origin }, arn: `arn:aws:s3:::${fields.bucket}` },
      object: {
        key: encodeKey(fields.key),
        ...(fields.size !== undefined ? { size: fields.size } : {}),
        ...(fields.eTag !== undefined ? { eTag: fields.eTag } : {}),
        ...(fields.versionId !== undefined ? { versionId: fields.versionId } : {}),
        sequencer: fields.sequencer,
      } as S3EventRecord['s3']['object'],
    },
  };
}
