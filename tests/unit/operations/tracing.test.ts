import type { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { GetObjectCommand, S3Client, type GetObjectCommandOutput } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it, vi } from 'vitest';
import { clientErrorsAsResponses, traceAnnotations } from '../../../functions/api/tracing.ts';
import { createIngest } from '../../../functions/ingest/ingest.ts';
import { s3Objects } from '../../../shared/objects/index.ts';
import type { ArticleWriter } from '../../../shared/store/port.ts';
import { createApi } from '../../../functions/api/app.ts';
import { fakeStore } from '../api/support/fake-store.ts';
import { httpEvent, request, silentLogger } from '../api/support/http.ts';

/** A tracer with tracing on, recording the subsegments made and their annotations. */
function recordingTracer() {
  const subsegments: { name: string; annotations: Record<string, unknown>; closed: boolean; error?: Error }[] = [];
  const parent = {
    addNewSubsegment: (name: string) => {
      const sub = { name, annotations: {} as Record<string, unknown>, closed: false, error: undefined as Error | undefined };
      subsegments.push(sub);
      return {
        addAnnotation: (key: string, value: unknown) => (sub.annotations[key] = value),
        addError: (error: Error) => (sub.error = error),
        close: () => (sub.closed = true),
      };
    },
  };
  const annotations: Record<string, unknown> = {};
  const tracer = {
    isTracingEnabled: () => true,
    getSegment: () => parent,
    putAnnotation: (key: string, value: unknown) => (annotations[key] = value),
  } as unknown as Tracer;
  return { tracer, subsegments, annotations };
}

const s3 = mockClient(S3Client);
const body = (text: string) => ({ transformToWebStream: () => new Blob([text]).stream() }) as unknown as GetObjectCommandOutput['Body'];

function sqsEvent(key: string) {
  return {
    Records: [{
      messageId: key, receiptHandle: key, md5OfBody: '', eventSource: 'aws:sqs', eventSourceARN: 'arn:aws:sqs:us-east-1:1:q', awsRegion: 'us-east-1', messageAttributes: {},
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: '0', SenderId: 's3', ApproximateFirstReceiveTimestamp: '0' },
      body: JSON.stringify({ Records: [{ eventName: 'ObjectCreated:Put', eventTime: '2026-01-01T00:00:00.000Z', s3: { bucket: { name: 'articles' }, object: { key, size: 4, sequencer: '01' } } }] }),
    }],
  };
}

describe('trace annotations', () => {
  it('ingest: one subsegment per object, annotated with its S3 key and its articles, closed with the error on failure', async () => {
    s3.reset();
    s3.on(GetObjectCommand).resolves({ Body: body('text'), ContentLength: 4 });
    const { tracer, subsegments } = recordingTracer();
    const saveArticles = vi.fn<ArticleWriter['saveArticles']>(async () => 'applied');
    const parse = () => [1, 2].map((n) => ({ id: `article-${n}`, metadata: {} as never, body: 'b', statements: [] }));
    const ingest = createIngest({ objects: s3Objects, store: { saveArticles } as unknown as ArticleWriter, ingestions: { getIngestion: async () => null }, parse, logger: new Logger({ logLevel: 'SILENT' }), metrics: new Metrics({ namespace: 'test' }), tracer });

    await ingest(sqsEvent('news/plan.txt'));
    saveArticles.mockRejectedValueOnce(new Error('throttled'));
    await expect(ingest(sqsEvent('news/other.txt'))).rejects.toThrow();

    expect(subsegments.map(({ name, annotations, closed }) => ({ name, annotations, closed }))).toEqual([
      { name: '### created object', annotations: { s3Key: 'news/plan.txt', articleId: 'article-1 article-2' }, closed: true },
      { name: '### created object', annotations: { s3Key: 'news/other.txt', articleId: 'article-1 article-2' }, closed: true },
    ]);
    expect(subsegments[1]?.error?.message).toBe('throttled');
  });

  it.each([
    ['/articles/abc-123', { articleId: 'abc-123' }],
    ['/articles/abc-123/statements', { articleId: 'abc-123' }],
    ['/view/articles/abc-123', { articleId: 'abc-123' }],
    ['/ingestions/news/plan%20b.txt', { s3Key: 'news/plan b.txt' }],
    ['/speakers/x', {}],
  ])('API: %s is annotated with %j', async (path, expected) => {
    const { tracer, annotations } = recordingTracer();
    await traceAnnotations(tracer).before?.({ event: httpEvent(path) } as never);
    expect(annotations).toEqual(expected);
  });

  it('API: the tracer records an answered 404 as the response it is, and a 500 as an error', async () => {
    const { tracer, subsegments } = recordingTracer();
    const lambdaSegment = tracer.getSegment() as unknown as { addNewSubsegment: (name: string) => unknown };
    Object.assign(tracer, {
      setSegment: () => undefined,
      annotateColdStart: () => undefined,
      addServiceNameAnnotation: () => undefined,
      addErrorAsMetadata: (error: Error) => (subsegments.at(-1)!.error = error),
      getSegment: () => lambdaSegment,
    });
    const failing = { ...fakeStore(), getArticleWithStatements: async () => Promise.reject(new Error('table gone')) };
    const traced = (store: ReturnType<typeof fakeStore>) =>
      createApi(store, { logger: silentLogger(), outermost: [clientErrorsAsResponses(captureLambdaHandler(tracer, { captureResponse: false }))] });

    expect((await request(traced(fakeStore()), '/articles/no-such-article')).status).toBe(404);
    expect((await request(traced(failing), '/articles/some-article')).status).toBe(500);
    expect(subsegments.map(({ closed, error }) => ({ closed, error: error?.message }))).toEqual([
      { closed: true, error: undefined },
      { closed: true, error: 'table gone' },
    ]);
  });
});
