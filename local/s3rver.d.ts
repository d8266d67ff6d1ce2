// The parts of s3rver (which ships no types) that the local runner and the tests use.
declare module 's3rver' {
  import type { EventEmitter } from 'node:events';
  import type { AddressInfo } from 'node:net';

  interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
  }

  /** What s3rver emits as `event`: an S3 event with raw (not URL-encoded) keys and a made-up ARN. */
  export interface S3rverEvent {
    Records: {
      eventTime: string;
      eventName: string;
      s3: {
        bucket: { name: string };
        object: { key: string; size?: number; eTag?: string; sequencer: string };
      };
    }[];
  }

  /** A Koa context, as far as the runner looks into it. */
  export interface S3rverContext {
    method: string;
    query: Record<string, string | string[] | undefined>;
    params?: { bucket?: string };
    body: unknown;
    status: number;
  }

  export default class S3rver extends EventEmitter {
    constructor(options: S3rverOptions);
    middleware: ((ctx: S3rverContext, next: () => Promise<void>) => Promise<void>)[];
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
    on(event: 'event', listener: (event: S3rverEvent) => void): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
    emit(event: 'event', payload: S3rverEvent): boolean;
  }
}
