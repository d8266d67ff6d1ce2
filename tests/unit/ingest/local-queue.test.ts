import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { LocalQueue, type SqsHandler } from '../../../local/queue.ts';

/** The local stand-in for SQS + the event source mapping must retry and dead-letter as they do. */
function recordingQueue(decide: (body: string, receiveCount: number) => 'ok' | 'fail', options: { throwWhenAllFail?: boolean } = {}) {
  const deliveries: { body: string; receiveCount: number; batch: number }[] = [];
  let batches = 0;
  const handler: SqsHandler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
    batches += 1;
    const failures = event.Records.filter((record) => {
      const receiveCount = Number(record.attributes.ApproximateReceiveCount);
      deliveries.push({ body: record.body, receiveCount, batch: batches });
      return decide(record.body, receiveCount) === 'fail';
    });
    if (options.throwWhenAllFail && failures.length === event.Records.length) throw new Error('everything failed');
    return { batchItemFailures: failures.map((record) => ({ itemIdentifier: record.messageId })) };
  };
  const queue = new LocalQueue({ name: 'test', handler, batchWindowMs: 5, maxReceiveCount: 3, retryDelayMs: () => 5 });
  return { queue, deliveries };
}

describe('local queue', () => {
  it('delivers messages sent together in one batch, up to the batch size', async () => {
    const { queue, deliveries } = recordingQueue(() => 'ok');
    for (let i = 0; i < 12; i++) queue.send(`m${i}`);
    await queue.idle();

    expect(deliveries.map((d) => d.body)).toEqual(Array.from({ length: 12 }, (_, i) => `m${i}`));
    expect(deliveries.filter((d) => d.batch === 1)).toHaveLength(10);
  });

  it('redelivers only the reported failures, with a growing receive count, until they succeed', async () => {
    const { queue, deliveries } = recordingQueue((body, receiveCount) => (body === 'flaky' && receiveCount < 3 ? 'fail' : 'ok'));
    queue.send('fine');
    queue.send('flaky');
    await queue.idle();

    expect(deliveries.filter((d) => d.body === 'fine').map((d) => d.receiveCount)).toEqual([1]);
    expect(deliveries.filter((d) => d.body === 'flaky').map((d) => d.receiveCount)).toEqual([1, 2, 3]);
    expect(queue.deadLetters).toEqual([]);
  });

  it('moves a message to the dead-letter list after maxReceiveCount failed receives', async () => {
    const { queue, deliveries } = recordingQueue((body) => (body === 'poison' ? 'fail' : 'ok'));
    queue.send('poison');
    queue.send('fine');
    await queue.idle();

    expect(deliveries.filter((d) => d.body === 'poison')).toHaveLength(3);
    expect(queue.deadLetters.map((m) => [m.body, m.attributes.ApproximateReceiveCount])).toEqual([['poison', '3']]);
  });

  it('returns the whole batch when the handler throws', async () => {
    const { queue, deliveries } = recordingQueue((_body, receiveCount) => (receiveCount === 1 ? 'fail' : 'ok'), { throwWhenAllFail: true });
    queue.send('a');
    queue.send('b');
    await queue.idle();

    expect(deliveries.map((d) => `${d.body}${d.receiveCount}`).sort()).toEqual(['a1', 'a2', 'b1', 'b2']);
  });
});
