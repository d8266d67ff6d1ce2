import type { S3EventRecord } from 'aws-lambda';
import { notificationRecord } from '../../functions/ingest/notifications.ts';
import { QUEUE_AGE_LIMIT_MS } from '../queue-age.ts';
import type { ArticleReader, IngestionRecord } from '../store/port.ts';

/**
 * Reconciliation: the bucket is the truth, the ingestion records should follow it. A notification lost
 * (a crash of the local pipeline mid-upload, a DLQ message that outlived its 14 days, a misconfigured
 * notification) leaves an object without a record, or a record of an older upload, or a record of an
 * object that is gone. Each such finding is turned into the S3 notification that would have fixed it and
 * sent to the ingest queue, so the one ingest path does the work, with its retries and its DLQ.
 *
 * The re-sent event's sequencer is the stored one with a digit appended: just above the record it
 * corrects (so it is not ignored as stale) and below any later real event of the key (so it never
 * overrides one). Running it twice sends the same event twice, which the store applies once.
 *
 * An object modified less than QUEUE_AGE_LIMIT_MS ago is in flight: its notification is most likely still
 * in the queue (the QueueNotDraining alarm says when one waits longer), so it is counted apart, neither a
 * finding nor re-sent. A caller that knows better sets the window's start itself (the local pipeline at
 * start-up: its queue lived in memory, so nothing from before the start can still be queued).
 */

/** An object as a bucket listing shows it (ListObjectsV2: the current version of each key). */
export interface ListedObject {
  key: string;
  /** Unquoted, as S3 notifications carry it. */
  eTag: string | null;
  size: number | null;
  /** When S3 last wrote the object (the listing's LastModified, in whole seconds). */
  lastModified: Date | null;
}

export interface ObjectPage {
  objects: ListedObject[];
  nextToken: string | undefined;
}

export type FindingKind = 'missing' | 'stale' | 'gone';

export interface ReconcileDependencies {
  bucket: string;
  /** One page of the bucket listing (at most 1,000 keys, as S3 pages them). */
  listObjects(token: string | undefined): Promise<ObjectPage>;
  store: Pick<ArticleReader, 'getIngestions' | 'listIngestions'>;
  /** Sends notification records to the ingest queue. */
  enqueue(records: S3EventRecord[]): Promise<void>;
  region: string;
  now?: () => Date;
  /** Objects modified after this instant are in flight. Default: QUEUE_AGE_LIMIT_MS before the run starts. */
  inFlightAfter?: Date;
}

export interface ReconcileReport {
  objectsChecked: number;
  recordsChecked: number;
  findings: Record<FindingKind, string[]>;
  /** Objects modified too recently to judge (see inFlightAfter): counted only, a bulk upload has thousands. */
  inFlight: number;
}

/** What a current object needs, given its ingestion record: nothing, or to be ingested (again). */
export function objectFinding(object: ListedObject, record: IngestionRecord | null): 'missing' | 'stale' | null {
  if (!record || record.status === 'deleted') return 'missing';
  // Same eTag, same bytes: a re-upload of identical content needs no new parse.
  if (record.eTag !== object.eTag) return 'stale';
  return null;
}

/**
 * Whether an object was modified after the window's start, so that its notification may still be queued.
 * LastModified has whole seconds (S3 and s3rver), so an object of the window's first second may look older
 * and be judged: the rule errs towards re-sending (applied once), never towards skipping.
 */
function isInFlight(object: ListedObject, inFlightAfter: Date): boolean {
  return object.lastModified !== null && object.lastModified.getTime() > inFlightAfter.getTime();
}

/** Just above the stored sequencer (compared right-padded with zeros), below any later event of the key. */
export function sequencerAfter(sequencer: string): string {
  return `${sequencer}1`;
}

const RECORD_PAGE = 100;

export async function reconcile(deps: ReconcileDependencies): Promise<ReconcileReport> {
  const now = deps.now ?? (() => new Date());
  const started = now();
  const startedAt = started.toISOString();
  const inFlightAfter = deps.inFlightAfter ?? new Date(started.getTime() - QUEUE_AGE_LIMIT_MS);
  const report: ReconcileReport = { objectsChecked: 0, recordsChecked: 0, findings: { missing: [], stale: [], gone: [] }, inFlight: 0 };
  const event = (eventName: string, key: string, sequencer: string, object?: ListedObject): S3EventRecord =>
    notificationRecord({
      region: deps.region,
      eventName,
      // When S3 wrote the object, as its own event would say: the same in every run (an undated article
      // sorts by it, and every message of one upload must carry the same, shared/store/dynamodb/writer.ts).
      eventTime: (object?.lastModified ?? now()).toISOString(),
      origin: 'onrecord-reconcile',
      requestId: 'reconcile',
      hostId: 'reconcile',
      bucket: deps.bucket,
      key,
      sequencer,
      ...(object?.size != null ? { size: object.size } : {}),
      ...(object?.eTag ? { eTag: object.eTag } : {}),
    });

  // Pass 1: every current object against its record. Keys seen are kept to find records of vanished objects.
  const present = new Set<string>();
  let token: string | undefined;
  do {
    const page = await deps.listObjects(token);
    for (const object of page.objects) present.add(object.key);
    const settled = page.objects.filter((object) => !isInFlight(object, inFlightAfter));
    report.inFlight += page.objects.length - settled.length;
    // One batched read for the page's records rather than one read per object.
    const stored = await deps.store.getIngestions(settled.map((object) => object.key));
    const records: S3EventRecord[] = [];
    for (const object of settled) {
      report.objectsChecked += 1;
      const record = stored.get(object.key) ?? null;
      const finding = objectFinding(object, record);
      if (!finding) continue;
      report.findings[finding].push(object.key);
      // With no record at all any sequencer is newer; the lowest one loses to the real event if it comes.
      records.push(event('ObjectCreated:Put', object.key, record ? sequencerAfter(record.sequencer) : '0', object));
    }
    if (records.length) await deps.enqueue(records);
    token = page.nextToken;
  } while (token);

  // Pass 2: records that still show an article (accepted or rejected) for a key the bucket no longer has.
  let cursor: string | undefined;
  do {
    const page = await deps.store.listIngestions({ limit: RECORD_PAGE, ...(cursor ? { cursor } : {}) });
    const records: S3EventRecord[] = [];
    for (const record of page.items) {
      report.recordsChecked += 1;
      // A record written since the run began may be of an object uploaded after the listing passed its key.
      if (record.status === 'deleted' || present.has(record.key) || record.updatedAt >= startedAt) continue;
      report.findings.gone.push(record.key);
      records.push(event('ObjectRemoved:Delete', record.key, sequencerAfter(record.sequencer)));
    }
    if (records.length) await deps.enqueue(records);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return report;
}

export function describeReport(report: ReconcileReport): string {
  const { missing, stale, gone } = report.findings;
  return (
    `${report.objectsChecked} object(s) and ${report.recordsChecked} record(s) checked: ${missing.length} missing, ${stale.length} stale, ${gone.length} gone; ` +
    `${report.inFlight} object(s) in flight (modified too recently to judge)`
  );
}
