import * as z from 'zod';
import { Timestamp } from './records.ts';

/** Why an object cannot become an article. A permanent condition: retrying will not change it. */
export const RejectionCode = z.enum(['empty', 'binary', 'too-large', 'bad-encoding', 'unparseable', 'no-body']);
export type RejectionCode = z.infer<typeof RejectionCode>;

export const RejectionReason = z.object({ code: RejectionCode, message: z.string() });
export type RejectionReason = z.infer<typeof RejectionReason>;

export const IngestionStatus = z.enum(['accepted', 'rejected', 'deleted']);
export type IngestionStatus = z.infer<typeof IngestionStatus>;

/** What became of one uploaded object (one record per S3 key). */
export const IngestionRecord = z.object({
  bucket: z.string(),
  key: z.string(),
  status: IngestionStatus,
  reason: RejectionReason.nullable(),
  articleIds: z.array(z.string()),
  sequencer: z.string(),
  versionId: z.string().nullable(),
  eTag: z.string().nullable(),
  parserVersion: z.number().int(),
  receivedAt: Timestamp,
  updatedAt: Timestamp,
});
export type IngestionRecord = z.infer<typeof IngestionRecord>;
