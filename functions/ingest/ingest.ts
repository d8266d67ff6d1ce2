import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Logger } from '@aws-lambda-powertools/logger';
import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { ParsedArticle } from '../../shared/model/parsed.ts';
import { ObjectMissing, ObjectTooLarge, type ObjectReader } from '../../shared/objects/reader.ts';
import { s3CurrentVersions, type CurrentVersionReader } from '../../shared/objects/versions.ts';
import { RejectedInput } from '../../shared/parse/errors.ts';
import { PARSER_VERSION } from '../../shared/parse/version.ts';
import type { ArticleReader, ArticleWriter, SourceObject } from '../../shared/store/port.ts';
import { IngestMetric } from './metric-names.ts';
import { objectChange, s3Records, sourceObject } from './notifications.ts';
import { traceObject, type ObjectTrace } from './tracing.ts';

/** Articles are text: anything bigger is refused without being downloaded. */
export const MAX_OBJECT_BYTES = 5 * 1024 * 1024;

export type ParseDocument = (bytes: Uint8Array, hint: { key: string; contentType?: string }) => ParsedArticle[] | Promise<ParsedArticle[]>;

export interface IngestDependencies {
  objects: ObjectReader;
  /** Asked only when a single version of an object is deleted for good; S3 unless a test gives another. */
  versions?: CurrentVersionReader;
  store: ArticleWriter;
  /** The stored record of a key, read when one version of an object is removed. */
  ingestions: Pick<ArticleReader, 'getIngestion'>;
  parse: ParseDocument;
  logger: Logger;
  metrics: Metrics;
  /** A subsegment per object, annotated with its key and article ids; none without one. */
  tracer?: Tracer;
}

export type IngestHandler = (event: SQSEvent, context?: Context) => Promise<SQSBatchResponse>;

/**
 * The ingest use case: each SQS message holds S3 notifications; each created object is read, parsed and
 * stored, each removed object's records are deleted.
 *
 * Failures are split by whether a retry can help. Bad input (RejectedInput: empty, binary, too large, bad
 * encoding, unparseable) is permanent: it is recorded as a rejection, the raw object stays in S3, and the
 * message succeeds. Anything else (throttling, timeouts, 5xx, bugs) is thrown, so the batch processor
 * reports that one message as a batch item failure: SQS redelivers it, and after the queue's
 * maxReceiveCount it lands in the DLQ, from where it can be redriven. Other messages are unaffected.
 */
export function createIngest({ objects, versions = s3CurrentVersions, store, ingestions, parse, logger, metrics, tracer }: IngestDependencies): IngestHandler {
  async function ingestObject(source: SourceObject, trace: ObjectTrace): Promise<void> {
    let articles: ParsedArticle[];
    try {
      articles = await readAndParse(source);
    } catch (error) {
      if (error instanceof ObjectMissing) {
        // Deleted (or overwritten, for a versioned read) before we got to it. Recording it as deleted under
        // this event's sequencer is what S3 now holds; a later upload's newer sequencer still wins.
        logger.warn('object vanished before it could be read', { key: source.key });
        await store.deleteSource(source);
        return;
      }
      if (!(error instanceof RejectedInput)) throw error;
      const outcome = await store.recordRejection(source, { code: error.code, message: error.message }, PARSER_VERSION);
      logger.warn('object rejected', { key: source.key, code: error.code, reason: error.message, outcome });
      if (outcome === 'applied') metrics.addMetric(IngestMetric.permanentFailures, MetricUnit.Count, 1);
      return;
    }
    trace.articles(articles.map((article) => article.id));
    const outcome = await store.saveArticles(source, articles, PARSER_VERSION);
    const statements = articles.reduce((sum, article) => sum + article.statements.length, 0);
    logger.info('object ingested', { key: source.key, articles: articles.length, statements, outcome });
    if (outcome === 'applied') {
      metrics.addMetric(IngestMetric.articlesIngested, MetricUnit.Count, articles.length);
      metrics.addMetric(IngestMetric.statementsStored, MetricUnit.Count, statements);
    }
  }

  async function readAndParse(source: SourceObject): Promise<ParsedArticle[]> {
    // The notification already says how big the object is: no need to fetch it to refuse it.
    if (source.size !== null && source.size > MAX_OBJECT_BYTES) throw tooLarge(source.size);
    try {
      const { bytes, contentType } = await objects.getObjectBytes(source.bucket, source.key, source.versionId, MAX_OBJECT_BYTES);
      return await parse(bytes, { key: source.key, ...(contentType ? { contentType } : {}) });
    } catch (error) {
      if (error instanceof ObjectTooLarge) throw tooLarge(error.size);
      throw error;
    }
  }

  async function removeObject(source: SourceObject): Promise<void> {
    const outcome = await store.deleteSource(source);
    logger.info('object removed', { key: source.key, outcome });
    if (outcome === 'applied') metrics.addMetric(IngestMetric.objectsDeleted, MetricUnit.Count, 1);
  }

  /**
   * One version went for good: converge on what S3 holds now, under this event's sequencer (newer than the
   * events that made the versions involved, so it outranks them; a later upload still outranks it).
   */
  async function removeVersion(source: SourceObject, trace: ObjectTrace): Promise<void> {
    const current = await versions.currentVersion(source.bucket, source.key);
    if (!current) return removeObject(source);
    const stored = await ingestions.getIngestion(source.key);
    if (stored && stored.status !== 'deleted' && stored.versionId === current.versionId) {
      logger.info('a non-current version was removed; the current one stays', { key: source.key, removedVersionId: source.versionId });
      return;
    }
    // The removed version was a delete marker or the current version: the version under it is the object now.
    logger.info('a version was removed; ingesting the version now current', { key: source.key, removedVersionId: source.versionId, versionId: current.versionId });
    await ingestObject({ ...source, versionId: current.versionId, eTag: current.eTag, size: current.size }, trace);
  }

  async function processMessage(message: SQSRecord): Promise<void> {
    try {
      await processNotifications(message.body);
    } catch (error) {
      // Lambda's Errors metric never sees this (the batch response reports it), so it is counted here.
      metrics.addMetric(IngestMetric.transientFailures, MetricUnit.Count, 1);
      logger.error('message failed; SQS will redeliver it', {
        messageId: message.messageId,
        receiveCount: message.attributes.ApproximateReceiveCount,
        error: error as Error,
      });
      throw error;
    }
  }

  async function processNotifications(body: string): Promise<void> {
    for (const record of s3Records(body)) {
      const source = sourceObject(record);
      const change = objectChange(record);
      if (change === 'other') {
        logger.info('ignoring event', { eventName: record.eventName, key: source.key });
        continue;
      }
      await traceObject(tracer, `### ${change} object`, source.key, (trace) => {
        switch (change) {
          case 'created':
            return ingestObject(source, trace);
          case 'removed':
            return removeObject(source);
          case 'version-removed':
            return removeVersion(source, trace);
        }
      });
    }
  }

  // A processor per invocation: it holds the batch's state, and the local queue may overlap invocations.
  return (event, context) =>
    processPartialResponse(event, processMessage, new BatchProcessor(EventType.SQS), context ? { context } : undefined);
}

function tooLarge(size: number): RejectedInput {
  return new RejectedInput('too-large', `object is ${size} bytes; the limit is ${MAX_OBJECT_BYTES} bytes (5 MB)`);
}
