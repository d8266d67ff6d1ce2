import { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand, NoSuchKey, S3Client, S3ServiceException, type GetObjectCommandOutput } from '@aws-sdk/client-s3';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createIngest, MAX_OBJECT_BYTES, type ParseDocument } from '../../../functions/ingest/ingest.ts';
import type { ParsedArticle } from '../../../shared/model/parsed.ts';
import { s3Objects } from '../../../shared/objects/index.ts';
import { RejectedInput } from '../../../shared/parse/errors.ts';
import { PARSER_VERSION } from '../../../shared/parse/version.ts';
import type { ArticleReader, ArticleWriter, IngestionRecord } from '../../../shared/store/port.ts';

const s3 = mockClient(S3Client);

function body(text: string): GetObjectCommandOutput['Body'] {
  return { transformToWebStream: () => new Blob([text]).stream() } as unknown as GetObjectCommandOutput['Body'];
}

function s3Record(eventName: string, key: string, sequencer: string, size = 100) {
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: 'us-east-1',
    eventTime: '2023-09-20T10:00:00.000Z',
    eventName,
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: 'articles',
      bucket: { name: 'articles', arn: 'arn:aws:s3:::articles' },
      object: eventName.startsWith('ObjectCreated:') ? { key, size, eTag: 'etag', sequencer } : { key, sequencer },
    },
  };
}

function message(id: string, bodyObject: unknown): SQSRecord {
  return {
    messageId: id,
    receiptHandle: `receipt-${id}`,
    body: JSON.stringify(bodyObject),
    attributes: { ApproximateReceiveCount: '1', SentTimestamp: '0', SenderId: 's3', ApproximateFirstReceiveTimestamp: '0' },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:ingest',
    awsRegion: 'us-east-1',
  };
}

const event = (...records: SQSRecord[]): SQSEvent => ({ Records: records });
const created = (id: string, key: string, size?: number) => message(id, { Records: [s3Record('ObjectCreated:Put', key, '01', size)] });

function article(key: string): ParsedArticle {
  return { id: key, metadata: {} as ParsedArticle['metadata'], body: 'body', statements: [] };
}

function fakeStore() {
  return {
    saveArticles: vi.fn<ArticleWriter['saveArticles']>(async () => 'applied'),
    recordRejection: vi.fn<ArticleWriter['recordRejection']>(async () => 'applied'),
    deleteSource: vi.fn<ArticleWriter['deleteSource']>(async () => 'applied'),
    getIngestion: vi.fn<ArticleReader['getIngestion']>(async () => null),
  };
}

let store: ReturnType<typeof fakeStore>;
let parse: ReturnType<typeof vi.fn<ParseDocument>>;

function ingest() {
  return createIngest({
    objects: s3Objects,
    store: store as unknown as ArticleWriter,
    ingestions: store,
    parse,
    logger: new Logger({ logLevel: 'SILENT' }),
    metrics: new Metrics({ namespace: 'test' }),
  });
}

beforeEach(() => {
  s3.reset();
  store = fakeStore();
  parse = vi.fn<ParseDocument>((_bytes, hint) => [article(hint.key)]);
});

describe('ingest handler', () => {
  it('reads the decoded key, parses it and stores the articles with the parser version', async () => {
    s3.on(GetObjectCommand, { Bucket: 'articles', Key: 'politics/Erdogan at the UN.txt' }).resolves({
      Body: body(' date 2023-09-20 text'),
      ContentLength: 21,
      ContentType: 'text/plain',
    });

    const response = await ingest()(event(created('m1', 'politics/Erdogan+at+the+UN.txt')));

    expect(response).toEqual({ batchItemFailures: [] });
    expect(new TextDecoder().decode(parse.mock.calls[0]![0])).toBe(' date 2023-09-20 text');
    expect(parse.mock.calls[0]![1]).toEqual({ key: 'politics/Erdogan at the UN.txt', contentType: 'text/plain' });
    const [source, articles, version] = store.saveArticles.mock.calls[0]!;
    expect(source).toMatchObject({ bucket: 'articles', key: 'politics/Erdogan at the UN.txt', sequencer: '01' });
    expect(articles).toEqual([article('politics/Erdogan at the UN.txt')]);
    expect(version).toBe(PARSER_VERSION);
  });

  it('reads a body the SDK hands back as a Node stream, as it does on Node, chunk by chunk', async () => {
    // What the SDK returns on Node: an IncomingMessage (a Readable) with the SDK's stream methods mixed in.
    const nodeBody = (...chunks: string[]) => Object.assign(Readable.from(chunks.map((chunk) => Buffer.from(chunk))), { transformToWebStream: () => { throw new Error('read as a web stream'); } });
    s3.on(GetObjectCommand, { Key: 'whole.txt' }).resolves({ Body: nodeBody(' date 2023-09-20 ', 'text'), ContentLength: 21 } as never);
    s3.on(GetObjectCommand, { Key: 'cut.txt' }).resolves({ Body: nodeBody('date 2023-09-20 trunc'), ContentLength: 2677 } as never);

    const response = await ingest()(event(created('m1', 'whole.txt'), created('cut', 'cut.txt')));

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'cut' }] });
    expect(parse.mock.calls.map(([bytes, hint]) => [hint.key, new TextDecoder().decode(bytes)])).toEqual([['whole.txt', ' date 2023-09-20 text']]);
  });

  it('skips the s3:TestEvent message without touching S3 or the store', async () => {
    const response = await ingest()(event(message('t', { Service: 'Amazon S3', Event: 's3:TestEvent', Bucket: 'articles' })));

    expect(response).toEqual({ batchItemFailures: [] });
    expect(s3.calls()).toHaveLength(0);
    expect(store.saveArticles).not.toHaveBeenCalled();
  });

  it('removes the records of a deleted object', async () => {
    await ingest()(event(message('d', { Records: [s3Record('ObjectRemoved:Delete', 'a+b.txt', '02')] })));

    expect(store.deleteSource.mock.calls[0]![0]).toMatchObject({ key: 'a b.txt', sequencer: '02' });
    expect(s3.calls()).toHaveLength(0);
  });

  it('records input the parser refuses as rejected, without a retry', async () => {
    s3.on(GetObjectCommand).resolves({ Body: body('\u0000\u0001'), ContentLength: 2 });
    parse.mockImplementation(() => {
      throw new RejectedInput('binary', 'looks like binary data');
    });

    const response = await ingest()(event(created('m1', 'photo.jpg')));

    expect(response).toEqual({ batchItemFailures: [] });
    expect(store.recordRejection.mock.calls[0]![1]).toEqual({ code: 'binary', message: 'looks like binary data' });
    expect(store.saveArticles).not.toHaveBeenCalled();
  });

  it('rejects an object over the size limit from the notification alone, without downloading it', async () => {
    const response = await ingest()(event(created('m1', 'huge.txt', MAX_OBJECT_BYTES + 1)));

    expect(response).toEqual({ batchItemFailures: [] });
    expect(s3.calls()).toHaveLength(0);
    expect(store.recordRejection.mock.calls[0]![1].code).toBe('too-large');
  });

  it('rejects an object whose stored size is over the limit even when the event understated it', async () => {
    s3.on(GetObjectCommand).resolves({ Body: body('x'), ContentLength: MAX_OBJECT_BYTES + 1 });

    await ingest()(event(created('m1', 'grew.txt', 10)));

    expect(parse).not.toHaveBeenCalled();
    expect(store.recordRejection.mock.calls[0]![1].code).toBe('too-large');
  });

  it('records an object that vanished before it was read as deleted, and does not retry', async () => {
    s3.on(GetObjectCommand).rejects(new NoSuchKey({ message: 'The specified key does not exist.', $metadata: { httpStatusCode: 404 } }));

    const response = await ingest()(event(created('m1', 'gone.txt')));

    expect(response).toEqual({ batchItemFailures: [] });
    expect(store.deleteSource.mock.calls[0]![0]).toMatchObject({ key: 'gone.txt' });
  });

  const serverError = (name: string, status: number) =>
    new S3ServiceException({ name, $fault: 'server', $metadata: { httpStatusCode: status } });

  it.each([
    ['S3 throttling', () => s3.on(GetObjectCommand, { Key: 'flaky.txt' }).rejects(serverError('SlowDown', 503))],
    ['an S3 500', () => s3.on(GetObjectCommand, { Key: 'flaky.txt' }).rejects(serverError('InternalError', 500))],
    ['a timeout', () => s3.on(GetObjectCommand, { Key: 'flaky.txt' }).rejects(Object.assign(new Error('socket hang up'), { name: 'TimeoutError' }))],
    ['DynamoDB throttling', () =>
      store.saveArticles.mockImplementation(async (source) => {
        if (source.key !== 'flaky.txt') return 'applied';
        throw Object.assign(new Error('Throughput exceeds the current capacity'), { name: 'ThrottlingException' });
      })],
  ])('reports only the failed message for retry on %s; the others in the batch are stored', async (_name, inject) => {
    s3.on(GetObjectCommand).resolves({ Body: body('text'), ContentLength: 4 });
    inject();

    const response = await ingest()(event(created('ok', 'fine.txt'), created('bad', 'flaky.txt'), created('ok2', 'also-fine.txt')));

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'bad' }] });
    expect(store.saveArticles.mock.calls.map(([source]) => source.key)).toEqual(expect.arrayContaining(['fine.txt', 'also-fine.txt']));
    expect(store.recordRejection).not.toHaveBeenCalled();
  });

  it('retries an object whose body arrived shorter than its Content-Length instead of parsing the truncated text', async () => {
    s3.on(GetObjectCommand, { Key: 'cut.txt' }).resolves({ Body: body('date 2023-09-20 trunc'), ContentLength: 2677 });
    s3.on(GetObjectCommand, { Key: 'fine.txt' }).resolves({ Body: body('fine'), ContentLength: 4 });

    const response = await ingest()(event(created('cut', 'cut.txt'), created('ok', 'fine.txt')));

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'cut' }] });
    expect(parse.mock.calls.map(([, hint]) => hint.key)).not.toContain('cut.txt');
  });

  it('throws when every message in the batch failed, so SQS redelivers them all', async () => {
    s3.on(GetObjectCommand).rejects(serverError('InternalError', 500));

    await expect(ingest()(event(created('a', 'a.txt'), created('b', 'b.txt')))).rejects.toThrow();
  });

  it('does not swallow a message that is not an S3 notification: it goes back to the queue', async () => {
    s3.on(GetObjectCommand).resolves({ Body: body('fine'), ContentLength: 4 });

    const response = await ingest()(event(created('ok', 'fine.txt'), message('junk', { hello: 'world' })));

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'junk' }] });
  });
});

describe('versioned deletes', () => {
  /** An event naming one version of `plan.txt`, as S3 sends it on a versioned bucket. */
  const versionEvent = (eventName: string, versionId: string, sequencer: string) =>
    event(message('v', { Records: [{ ...s3Record(eventName, 'plan.txt', sequencer), s3: { bucket: { name: 'articles' }, object: { key: 'plan.txt', versionId, sequencer } } }] }));
  const stored = (versionId: string, status: IngestionRecord['status'] = 'accepted'): IngestionRecord => ({
    bucket: 'articles', key: 'plan.txt', status, reason: null, articleIds: [], sequencer: '01', versionId, eTag: 'etag', parserVersion: PARSER_VERSION,
    receivedAt: '2023-09-20T10:00:00.000Z', updatedAt: '2023-09-20T10:00:00.000Z',
  });
  const notFound = () => new S3ServiceException({ name: 'NotFound', $fault: 'client', $metadata: { httpStatusCode: 404 } });

  it('withdraws the article when a delete marker hides the current version, without asking S3', async () => {
    await ingest()(versionEvent('ObjectRemoved:DeleteMarkerCreated', 'marker-1', '03'));

    expect(store.deleteSource.mock.calls[0]![0]).toMatchObject({ key: 'plan.txt', versionId: 'marker-1', sequencer: '03' });
    expect(s3.calls()).toHaveLength(0);
  });

  it('changes nothing when a non-current version is deleted', async () => {
    s3.on(HeadObjectCommand, { Bucket: 'articles', Key: 'plan.txt' }).resolves({ VersionId: 'v2', ETag: '"etag-2"', ContentLength: 4 });
    store.getIngestion.mockResolvedValue(stored('v2'));

    const response = await ingest()(versionEvent('ObjectRemoved:Delete', 'v1', '04'));

    expect(response).toEqual({ batchItemFailures: [] });
    expect(store.deleteSource).not.toHaveBeenCalled();
    expect(store.saveArticles).not.toHaveBeenCalled();
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(0);
  });

  it('ingests the previous version again when its delete marker is deleted', async () => {
    s3.on(HeadObjectCommand, { Bucket: 'articles', Key: 'plan.txt' }).resolves({ VersionId: 'v1', ETag: '"etag-1"', ContentLength: 4 });
    s3.on(GetObjectCommand, { Bucket: 'articles', Key: 'plan.txt', VersionId: 'v1' }).resolves({ Body: body('text'), ContentLength: 4 });
    store.getIngestion.mockResolvedValue(stored('marker-1', 'deleted'));

    await ingest()(versionEvent('ObjectRemoved:Delete', 'marker-1', '05'));

    const [source] = store.saveArticles.mock.calls[0]!;
    expect(source).toMatchObject({ key: 'plan.txt', versionId: 'v1', eTag: 'etag-1', size: 4, sequencer: '05' });
    expect(store.deleteSource).not.toHaveBeenCalled();
  });

  it('withdraws the article when the current version is deleted and none is left under it', async () => {
    s3.on(HeadObjectCommand).rejects(notFound());
    store.getIngestion.mockResolvedValue(stored('v1'));

    await ingest()(versionEvent('ObjectRemoved:Delete', 'v1', '06'));

    expect(store.deleteSource.mock.calls[0]![0]).toMatchObject({ key: 'plan.txt', sequencer: '06' });
    expect(store.saveArticles).not.toHaveBeenCalled();
  });

  it('makes the previous version current when the current version is deleted', async () => {
    s3.on(HeadObjectCommand).resolves({ VersionId: 'v1', ETag: '"etag-1"', ContentLength: 4 });
    s3.on(GetObjectCommand, { VersionId: 'v1' }).resolves({ Body: body('text'), ContentLength: 4 });
    store.getIngestion.mockResolvedValue(stored('v2'));

    await ingest()(versionEvent('ObjectRemoved:Delete', 'v2', '07'));

    expect(store.saveArticles.mock.calls[0]![0]).toMatchObject({ versionId: 'v1', sequencer: '07' });
  });

  it('retries when S3 cannot say which version is current (403 without s3:ListBucket, 5xx)', async () => {
    s3.on(GetObjectCommand).resolves({ Body: body('fine'), ContentLength: 4 });
    s3.on(HeadObjectCommand).rejects(new S3ServiceException({ name: 'Forbidden', $fault: 'client', $metadata: { httpStatusCode: 403 } }));

    const response = await ingest()(event(created('ok', 'fine.txt'), { ...versionEvent('ObjectRemoved:Delete', 'v1', '08').Records[0]!, messageId: 'gone' }));

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'gone' }] });
    expect(store.deleteSource).not.toHaveBeenCalled();
  });
});
