import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { S3EventRecord } from 'aws-lambda';
import type { ArticleReader, IngestionRecord } from '../../shared/store/port.ts';
import { notificationRecord } from './notifications.ts';

/**
 * Reprocessing after a parser upgrade. Each object whose records an older parser made gets its original
 * S3 notification sent to the ingest queue again, carrying the sequencer (and version id) stored with it.
 * The ingest function then does exactly what it did for the upload: it reads that object (that very
 * version on a versioned bucket), parses it with the current parser and saves it. The store orders writes
 * by (sequencer, parser version), so the re-sent event supersedes the older parse of the same upload but
 * never a newer upload of the key; the result is the same as a fresh upload. Nothing in S3 is touched,
 * and the queue's retries and DLQ cover reprocessing as they cover uploads.
 */

/** The S3 notification record that re-announces a stored object. */
export function reprocessRecord(ingestion: IngestionRecord): S3EventRecord {
  return notificationRecord({
    region: process.env.AWS_REGION ?? 'us-east-1',
    eventName: 'ObjectCreated:Put',
    // The upload's own, not now: an undated article sorts by it, and every message of one upload must
    // carry the same (shared/store/dynamodb/writer.ts), or two reprocess runs would date it twice.
    eventTime: ingestion.receivedAt,
    origin: 'onrecord-reprocess',
    requestId: 'reprocess',
    hostId: 'reprocess',
    bucket: ingestion.bucket,
    key: ingestion.key,
    sequencer: ingestion.sequencer,
    // No size: the ingest function learns it when reading the object.
    ...(ingestion.eTag ? { eTag: ingestion.eTag } : {}),
    ...(ingestion.versionId ? { versionId: ingestion.versionId } : {}),
  });
}

/** Every object whose records a parser older than `version` made. */
export async function staleIngestions(store: Pick<ArticleReader, 'listIngestionsMadeBefore'>, version: number): Promise<IngestionRecord[]> {
  const found: IngestionRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listIngestionsMadeBefore(version, { limit: 100, ...(cursor ? { cursor } : {}) });
    found.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return found;
}

/** Sends one notification per object, ten to a SendMessageBatch; reports progress after each batch. */
export async function enqueueReprocessing(
  sqs: SQSClient,
  queueUrl: string,
  ingestions: IngestionRecord[],
  onProgress: (sent: number, total: number) => void = () => undefined,
): Promise<void> {
  for (let start = 0; start < ingestions.length; start += 10) {
    const batch = ingestions.slice(start, start + 10);
    const { Failed = [] } = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: batch.map((ingestion, index) => ({ Id: String(index), MessageBody: JSON.stringify({ Records: [reprocessRecord(ingestion)] }) })),
      }),
    );
    if (Failed.length) {
      const reasons = Failed.map((failure) => `${batch[Number(failure.Id)]?.key}: ${failure.Message ?? failure.Code}`).join('; ');
      throw new Error(`the queue refused ${Failed.length} message(s): ${reasons}`);
    }
    onProgress(start + batch.length, ingestions.length);
  }
}
