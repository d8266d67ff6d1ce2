import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileLocalPipeline } from '../../../local/reconcile.ts';
import { startTestPipeline, type TestPipeline } from '../../support/pipeline.ts';

let pipeline: TestPipeline;
beforeAll(async () => {
  pipeline = await startTestPipeline();
});
afterAll(async () => {
  await pipeline?.stop();
});

/**
 * An event lost: the queue drops the next notification for `key`, and is itself again once it has. s3rver
 * notifies after answering the request, so waiting for the drop, not for the request, is what makes it sure.
 */
function loseNextEventOf(key: string): Promise<void> {
  const send = pipeline.queue.send.bind(pipeline.queue);
  const keyOf = (body: string) => {
    const encoded = (JSON.parse(body) as { Records?: { s3: { object: { key: string } } }[] }).Records?.[0]?.s3.object.key ?? '';
    return decodeURIComponent(encoded.replace(/\+/g, ' '));
  };
  return new Promise((resolve) => {
    pipeline.queue.send = (body) => {
      if (keyOf(body) !== key) return send(body);
      pipeline.queue.send = send;
      resolve();
      return 'dropped';
    };
  });
}

// Runs given `new Date()` count nothing in flight: they judge every object, as a start-up does after a crash.
const article = (n: number) => `Harbour report ${n}\n\n"Report ${n} is final," said Maria Lopez.\n`;

describe('reconciling the local pipeline', () => {
  it('finds nothing when every event was processed: listing and notifications agree on keys and eTags', async () => {
    for (let n = 0; n < 3; n++) await pipeline.put(`sync/report ${n}.txt`, article(n), 'text/plain');
    await pipeline.idle();

    const report = await reconcileLocalPipeline(pipeline, new Date());

    expect(report.objectsChecked).toBe(3);
    expect(report.findings).toEqual({ missing: [], stale: [], gone: [] });
  });

  it('counts objects modified within the in-flight window in flight, and judges none of them', async () => {
    // A minute back, not the pipeline's start: s3rver's LastModified has whole seconds, so an upload in the
    // second the pipeline started shows as older than the start (and would be judged, not in flight).
    const report = await reconcileLocalPipeline(pipeline, new Date(Date.now() - 60_000));

    expect(report).toMatchObject({ objectsChecked: 0, inFlight: 3, findings: { missing: [], stale: [], gone: [] } });
  });

  it('re-ingests an object whose event was lost, and does it once however often it runs', async () => {
    const lost = loseNextEventOf('sync/lost.txt');
    await pipeline.put('sync/lost.txt', article(9), 'text/plain');
    await lost;

    const first = await reconcileLocalPipeline(pipeline, new Date());
    const second = await reconcileLocalPipeline(pipeline, new Date());
    await pipeline.idle();

    expect(first.findings.missing).toEqual(['sync/lost.txt']);
    // The second run sees the object missing still, or already ingested when the pipeline was quicker than
    // it (a busy machine): either way the object is ingested once, as the ingestion record below shows.
    expect([[], ['sync/lost.txt']]).toContainEqual(second.findings.missing);
    const { body } = await pipeline.get<{ status: string; articleIds: string[] }>('/ingestions/sync/lost.txt');
    expect(body.status).toBe('accepted');
    expect(body.articleIds).toHaveLength(1);
    expect((await reconcileLocalPipeline(pipeline, new Date())).findings).toEqual({ missing: [], stale: [], gone: [] });
  });

  it('withdraws the record of an object whose removal event was lost', async () => {
    const lost = loseNextEventOf('sync/report 0.txt');
    await pipeline.s3.send(new DeleteObjectCommand({ Bucket: pipeline.bucket, Key: 'sync/report 0.txt' }));
    await lost;

    const report = await reconcileLocalPipeline(pipeline, new Date());
    await pipeline.idle();

    expect(report.findings.gone).toEqual(['sync/report 0.txt']);
    const { body } = await pipeline.get<{ status: string }>('/ingestions/sync/report%200.txt');
    expect(body.status).toBe('deleted');
  });
});
