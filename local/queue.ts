import { createHash, randomUUID } from 'node:crypto';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { lambdaContext } from './lambda-context.ts';
import { LOCAL_REGION } from './s3-notifications.ts';

export type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | void>;

export interface LocalQueueOptions {
  name: string;
  handler: SqsHandler;
  /** Messages per invocation, as the event source mapping's BatchSize. */
  batchSize?: number;
  /** How long to gather a batch, as MaximumBatchingWindowInSeconds. */
  batchWindowMs?: number;
  /**
   * Batches in flight at once, as the event source mapping's MaximumConcurrency (infra/constructs/ingestion.ts
   * sets 10): Lambda hands batches to several function instances at a time, not one after another.
   */
  maxConcurrency?: number;
  /** Receives before a message goes to the dead-letter list, as the redrive policy's maxReceiveCount. */
  maxReceiveCount?: number;
  /** Delay before a failed message is visible again (the visibility timeout), by receive count. */
  retryDelayMs?: (receiveCount: number) => number;
  onDeadLetter?: (message: SQSRecord, lastError: string) => void;
}

interface QueuedMessage {
  id: string;
  body: string;
  sentAt: number;
  firstReceivedAt: number | null;
  receiveCount: number;
}

/**
 * An in-process stand-in for the SQS queue between S3 and the ingest function, with the event source
 * mapping's behaviour: batches, partial batch responses (only the reported messages come back), a whole
 * batch back when the handler throws, redelivery after a growing delay, and a dead-letter list after
 * maxReceiveCount receives. Up to maxConcurrency batches are in flight at a time, as the instances of a
 * function; a batch goes out when it is full or when the batching window has passed.
 */
export class LocalQueue {
  readonly deadLetters: SQSRecord[] = [];
  private readonly ready: QueuedMessage[] = [];
  private readonly delayed = new Set<NodeJS.Timeout>();
  private inFlight = 0;
  /** The batching window being waited out, if any. */
  private gathering: NodeJS.Timeout | undefined;
  private closed = false;
  private idleWaiters: (() => void)[] = [];
  private readonly options: Required<LocalQueueOptions>;
  private readonly arn: string;

  constructor(options: LocalQueueOptions) {
    this.options = {
      batchSize: 10,
      batchWindowMs: 20,
      maxConcurrency: 10,
      maxReceiveCount: 5,
      retryDelayMs: (receiveCount) => Math.min(5_000, 200 * 2 ** (receiveCount - 1)),
      onDeadLetter: () => undefined,
      ...options,
    };
    this.arn = `arn:aws:sqs:${LOCAL_REGION}:000000000000:${options.name}`;
  }

  /** SendMessage: returns the message id. */
  send(body: string): string {
    if (this.closed) throw new Error(`queue ${this.options.name} is closed`);
    const message: QueuedMessage = { id: randomUUID(), body, sentAt: Date.now(), firstReceivedAt: null, receiveCount: 0 };
    this.ready.push(message);
    this.pump();
    return message.id;
  }

  /** Resolves once every message sent so far has been processed or dead-lettered. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops delivering; messages not yet delivered are dropped (the local queue keeps nothing on disk). */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.delayed) clearTimeout(timer);
    this.delayed.clear();
    clearTimeout(this.gathering);
    this.gathering = undefined;
    this.ready.length = 0;
    await this.idle();
  }

  private isIdle(): boolean {
    return this.inFlight === 0 && this.gathering === undefined && this.ready.length === 0 && this.delayed.size === 0;
  }

  /** Starts gathering a batch when a consumer is free and messages wait: at once for a full batch. */
  private pump(): void {
    if (!this.closed && !this.gathering && this.ready.length > 0 && this.inFlight < this.options.maxConcurrency) {
      const full = this.ready.length >= this.options.batchSize;
      this.gathering = setTimeout(() => this.deliverReady(), full ? 0 : this.options.batchWindowMs);
    }
    if (this.isIdle()) this.idleWaiters.splice(0).forEach((resolve) => resolve());
  }

  /** The window is over: what is ready goes out, in as many batches as free consumers allow. */
  private deliverReady(): void {
    this.gathering = undefined;
    while (!this.closed && this.ready.length > 0 && this.inFlight < this.options.maxConcurrency) {
      this.inFlight += 1;
      void this.deliverBatch(this.ready.splice(0, this.options.batchSize)).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
    this.pump();
  }

  private async deliverBatch(batch: QueuedMessage[]): Promise<void> {
    const now = Date.now();
    for (const message of batch) {
      message.receiveCount += 1;
      message.firstReceivedAt ??= now;
    }
    let failed: Set<string>;
    let error = 'reported as a batch item failure';
    try {
      const response = await this.options.handler({ Records: batch.map((m) => this.record(m)) }, lambdaContext(this.options.name));
      failed = new Set((response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
    } catch (thrown) {
      // A failed invocation returns the whole batch to the queue.
      failed = new Set(batch.map((message) => message.id));
      error = thrown instanceof Error ? thrown.message : String(thrown);
    }
    for (const message of batch.filter((m) => failed.has(m.id))) this.retryOrDeadLetter(message, error);
  }

  private retryOrDeadLetter(message: QueuedMessage, error: string): void {
    if (this.closed) return;
    if (message.receiveCount >= this.options.maxReceiveCount) {
      const record = this.record(message);
      this.deadLetters.push(record);
      this.options.onDeadLetter(record, error);
      return;
    }
    const timer = setTimeout(() => {
      this.delayed.delete(timer);
      this.ready.push(message);
      this.pump();
    }, this.options.retryDelayMs(message.receiveCount));
    this.delayed.add(timer);
  }

  private record(message: QueuedMessage): SQSRecord {
    return {
      messageId: message.id,
      receiptHandle: `${message.id}#${message.receiveCount}`,
      body: message.body,
      attributes: {
        ApproximateReceiveCount: String(message.receiveCount),
        SentTimestamp: String(message.sentAt),
        SenderId: 'local',
        ApproximateFirstReceiveTimestamp: String(message.firstReceivedAt ?? message.sentAt),
      },
      messageAttributes: {},
      md5OfBody: createHash('md5').update(message.body).digest('hex'),
      eventSource: 'aws:sqs',
      eventSourceARN: this.arn,
      awsRegion: LOCAL_REGION,
    };
  }
}
