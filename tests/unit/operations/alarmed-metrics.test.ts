/**
 * Each alarm on failures watches a metric that a failure really moves (infra/constructs/monitoring.ts):
 * the ingest function reports failed records in its batch response, so Lambda's Errors stays at 0 and the
 * alarms watch the Powertools metrics it emits; the API turns an exception into a 500 answer, which is
 * what API Gateway's 5xx metric (and the ApiServerErrorRate alarm) counts.
 */
import { GetObjectCommand, S3Client, type GetObjectCommandOutput } from '@aws-sdk/client-s3';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { SQSEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../../../functions/api/app.ts';
import type { ArticleReader } from '../../../shared/store/port.ts';
import { createIngest } from '../../../functions/ingest/ingest.ts';
import { INGEST_SERVICE, IngestMetric, METRICS_NAMESPACE } from '../../../functions/ingest/metric-names.ts';
import { s3Objects } from '../../../shared/objects/index.ts';
import { RejectedInput } from '../../../shared/parse/errors.ts';
import type { ArticleWriter } from '../../../shared/store/port.ts';
import { httpEvent } from '../api/support/http.ts';

const s3 = mockClient(S3Client);
const body = (text: string) => ({ transformToWebStream: () => new Blob([text]).stream() }) as unknown as GetObjectCommandOutput['Body'];

function sqsEvent(...keys: string[]): SQSEvent {
  return {
    Records: keys.map((key) => ({
      messageId: key,
      receiptHandle: key,
      body: JSON.stringify({
        Records: [{ eventName: 'ObjectCreated:Put', eventTime: '2026-01-01T00:00:00.000Z', s3: { bucket: { name: 'articles' }, object: { key, size: 4, eTag: 'e', sequencer: '01' } } }],
      }),
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: '0', SenderId: 's3', ApproximateFirstReceiveTimestamp: '0' },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:ingest',
      awsRegion: 'us-east-1',
    })),
  };
}

/** The metric values of every EMF document the handler wrote to stdout, by metric name, for the ingest service. */
let emitted: Record<string, number>;
beforeEach(() => {
  emitted = {};
  s3.reset();
  s3.on(GetObjectCommand).resolves({ Body: body('text'), ContentLength: 4 });
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
  vi.stubEnv('POWERTOOLS_DEV', 'false');
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    for (const line of String(chunk).split('\n').filter((l) => l.includes('"_aws"'))) {
      const document = JSON.parse(line) as Record<string, unknown> & { _aws: { CloudWatchMetrics: { Namespace: string; Metrics: { Name: string }[] }[] } };
      for (const directive of document._aws.CloudWatchMetrics) {
        if (directive.Namespace !== METRICS_NAMESPACE || document.service !== INGEST_SERVICE) continue;
        // A metric added several times in one invocation is published once, as an array of values.
        for (const { Name } of directive.Metrics) emitted[Name] = [document[Name]].flat().reduce<number>((sum, value) => sum + Number(value), emitted[Name] ?? 0);
      }
    }
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** The ingest handler wired as functions/ingest/handler.ts wires it, over a store the test controls. */
function ingestHandler(store: Partial<ArticleWriter>, parse = () => [{ id: 'a', metadata: {} as never, body: 'b', statements: [] }]) {
  const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: INGEST_SERVICE });
  const ingest = createIngest({ objects: s3Objects, store: store as ArticleWriter, ingestions: { getIngestion: async () => null }, parse, logger: new Logger({ logLevel: 'SILENT' }), metrics });
  return middy(ingest).use(logMetrics(metrics));
}

describe('a thrown error moves the metric its alarm watches', () => {
  it('ingest: a record whose store write throws counts one TransientFailures (IngestTransientFailures)', async () => {
    const saveArticles = vi.fn<ArticleWriter['saveArticles']>(async (source) => {
      if (source.key === 'bad.txt') throw Object.assign(new Error('Throughput exceeds the current capacity'), { name: 'ThrottlingException' });
      return 'applied';
    });

    const response = await ingestHandler({ saveArticles })(sqsEvent('ok.txt', 'bad.txt'), {} as never);

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'bad.txt' }]);
    expect(emitted[IngestMetric.transientFailures]).toBe(1);
  });

  it('ingest: when every record throws and the invocation fails, the failures are still published', async () => {
    const saveArticles = vi.fn<ArticleWriter['saveArticles']>(async () => {
      throw new Error('boom');
    });

    await expect(ingestHandler({ saveArticles })(sqsEvent('a.txt', 'b.txt'), {} as never)).rejects.toThrow();

    expect(emitted[IngestMetric.transientFailures]).toBe(2);
  });

  it('ingest: input the parser throws out as bad counts one PermanentFailures (IngestPermanentFailures), not a transient one', async () => {
    const recordRejection = vi.fn<ArticleWriter['recordRejection']>(async () => 'applied');
    const parse = () => {
      throw new RejectedInput('binary', 'looks like binary data');
    };

    await ingestHandler({ recordRejection }, parse)(sqsEvent('photo.jpg'), {} as never);

    expect(emitted[IngestMetric.permanentFailures]).toBe(1);
    expect(emitted[IngestMetric.transientFailures]).toBeUndefined();
  });

  it('API: a store that throws gives a 500 answer, which API Gateway counts as 5xx (ApiServerErrorRate)', async () => {
    const failing = new Proxy({} as ArticleReader, {
      get: () => async () => {
        throw new Error('the table is unreachable');
      },
    });
    const api = createApi(failing, { logger: new Logger({ logLevel: 'SILENT' }) });

    const response = await api(httpEvent('/articles'), {} as never);

    expect(response.statusCode).toBe(500);
  });
});
