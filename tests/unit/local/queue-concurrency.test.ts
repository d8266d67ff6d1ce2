import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { LocalQueue } from '../../../local/queue.ts';

/**
 * The local queue hands out batches to several invocations at once, as the event source mapping does up
 * to its maximum concurrency, and never more. Each invocation here waits until the test releases it.
 */
function blockingQueue(options: { maxConcurrency?: number; batchSize: number }) {
  const waiting: (() => void)[] = [];
  const delivered: string[] = [];
  let active = 0;
  let mostActive = 0;
  let invocations = 0;
  const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
    invocations += 1;
    active += 1;
    mostActive = Math.max(mostActive, active);
    delivered.push(...event.Records.map((record) => record.body));
    await new Promise<void>((resolve) => waiting.push(resolve));
    active -= 1;
    return { batchItemFailures: [] };
  };
  const queue = new LocalQueue({ name: 'concurrency', handler, batchWindowMs: 1, ...options });
  return {
    queue,
    delivered,
    invocations: () => invocations,
    mostActive: () => mostActive,
    /** Lets the oldest waiting invocation finish. */
    releaseOne: () => waiting.shift()?.(),
    releaseAll: () => waiting.splice(0).forEach((resolve) => resolve()),
  };
}

describe('local queue concurrency', () => {
  it('keeps up to maxConcurrency batches in flight, and starts the next one as soon as one ends', async () => {
    const run = blockingQueue({ maxConcurrency: 3, batchSize: 2 });
    for (let i = 0; i < 20; i++) run.queue.send(`m${i}`);

    await vi.waitFor(() => expect(run.invocations()).toBe(3));
    expect(run.delivered).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5']);
    run.releaseOne();
    await vi.waitFor(() => expect(run.invocations()).toBe(4));

    await vi.waitFor(() => {
      run.releaseAll();
      expect(run.invocations()).toBe(10);
    });
    run.releaseAll();
    await run.queue.idle();
    expect(run.mostActive()).toBe(3);
    expect([...run.delivered].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `m${i}`).sort());
  });

  it('by default runs as many batches at once as the deployed event source mapping (10)', async () => {
    const run = blockingQueue({ batchSize: 1 });
    for (let i = 0; i < 15; i++) run.queue.send(`m${i}`);

    await vi.waitFor(() => expect(run.invocations()).toBe(10));
    run.releaseOne();
    await vi.waitFor(() => expect(run.invocations()).toBe(11));
    expect(run.mostActive()).toBe(10);
    await vi.waitFor(() => {
      run.releaseAll();
      expect(run.invocations()).toBe(15);
    });
    run.releaseAll();
    await run.queue.idle();
  });
});
