/**
 * The scheduled reconcile function as deployed (functions/reconcile/handler.ts) over mocked AWS clients:
 * what it finds moves the metrics the ReconciliationFindings alarm watches, objects in flight only their
 * own (ReconcileInFlight), and a thrown error fails the invocation, which is what ReconcileErrors counts.
 * Its SDK clients are traced, as the ingest and API functions' are.
 */
import { Tracer } from '@aws-lambda-powertools/tracer';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { BatchGetCommand, DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { METRICS_NAMESPACE } from '../../../functions/ingest/metric-names.ts';
import { RECONCILE_IN_FLIGHT_METRIC, RECONCILE_SERVICE, ReconcileMetric } from '../../../functions/reconcile/metric-names.ts';

const s3 = mockClient(S3Client);
const sqs = mockClient(SQSClient);
const dynamo = mockClient(DynamoDBDocumentClient);

vi.stubEnv('BUCKET_NAME', 'articles');
vi.stubEnv('QUEUE_URL', 'https://sqs.us-east-1.amazonaws.com/123456789012/ingest');
vi.stubEnv('TABLE_NAME', 'onrecord');
vi.stubEnv('AWS_REGION', 'us-east-1');
const captured = vi.spyOn(Tracer.prototype, 'captureAWSv3Client');
const { handler } = await import('../../../functions/reconcile/handler.ts');
const capturedClients = captured.mock.calls.map(([client]) => client);
captured.mockRestore();

/** The metric values of every EMF document the handler wrote to stdout, by metric name, for the reconcile service. */
let emitted: Record<string, number>;
beforeEach(() => {
  emitted = {};
  for (const client of [s3, sqs, dynamo]) client.reset();
  dynamo.on(BatchGetCommand).resolves({ Responses: { onrecord: [] } });
  dynamo.on(QueryCommand).resolves({ Items: [] });
  sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
  vi.stubEnv('POWERTOOLS_DEV', 'false');
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    for (const line of String(chunk).split('\n').filter((l) => l.includes('"_aws"'))) {
      const document = JSON.parse(line) as Record<string, unknown> & { _aws: { CloudWatchMetrics: { Namespace: string; Metrics: { Name: string }[] }[] } };
      for (const directive of document._aws.CloudWatchMetrics) {
        if (directive.Namespace !== METRICS_NAMESPACE || document.service !== RECONCILE_SERVICE) continue;
        for (const { Name } of directive.Metrics) emitted[Name] = (emitted[Name] ?? 0) + Number(document[Name]);
      }
    }
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('the reconcile function', () => {
  it('traces its S3, DynamoDB and SQS calls (the Powertools Tracer captures each client)', () => {
    expect(capturedClients).toEqual([expect.any(S3Client), expect.any(DynamoDBDocumentClient), expect.any(SQSClient)]);
  });

  it('counts an object without a record as missing and a just-written one as in flight, and queues only the first', async () => {
    s3.on(ListObjectsV2Command).resolves({
      Contents: [
        { Key: 'lost.txt', ETag: '"e1"', Size: 10, LastModified: new Date(Date.now() - 24 * 3600 * 1000) },
        { Key: 'fresh.txt', ETag: '"e2"', Size: 10, LastModified: new Date() },
      ],
      IsTruncated: false,
    });

    await handler({}, {} as never);

    expect(emitted).toEqual({
      [ReconcileMetric.missing]: 1,
      [ReconcileMetric.stale]: 0,
      [ReconcileMetric.gone]: 0,
      [RECONCILE_IN_FLIGHT_METRIC]: 1,
    });
    const sent = sqs.commandCalls(SendMessageBatchCommand).flatMap((call) => call.args[0].input.Entries ?? []);
    expect(sent.map((entry) => (JSON.parse(entry.MessageBody!) as { Records: { s3: { object: { key: string } } }[] }).Records[0]!.s3.object.key)).toEqual(['lost.txt']);
  });

  it('fails the invocation when the bucket cannot be listed (Lambda Errors: the ReconcileErrors alarm)', async () => {
    s3.on(ListObjectsV2Command).rejects(Object.assign(new Error('Access Denied'), { name: 'AccessDenied' }));

    await expect(handler({}, {} as never)).rejects.toThrow('Access Denied');
  });
});
