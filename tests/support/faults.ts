/**
 * Fault injection for AWS SDK v3 clients, as a middleware inside the SDK's retry loop: each attempt of each
 * call may fail the way S3 and DynamoDB fail in production (throttling, 5xx, timeouts, dropped
 * connections), either before the request reaches the server or after the server applied it and the
 * response was lost. The latter is what tests idempotency: the caller cannot tell the two apart.
 *
 * Error responses are made as HTTP responses and go through the client's own deserializer, so the caller
 * sees the very exception classes (ThrottlingException, SlowDown, InternalServerError...) a real service
 * would produce; network failures are errors shaped as the Node HTTP handler throws them.
 *
 * Decisions are deterministic: each attempt's fate is a hash of the seed, the request (operation and
 * body, minus the per-invocation id) and how many times that same request was seen before, so the faults a
 * seed produces do not depend on how concurrent calls happen to interleave.
 */
import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import type { DeserializeHandler, DeserializeHandlerArguments, DeserializeHandlerOutput, DeserializeMiddleware, MiddlewareStack } from '@smithy/types';

export type Service = 's3' | 'dynamodb';

/** Failures before the request is sent: the server never sees it. */
const BEFORE_SEND = ['throttling', 'server-error', 'timeout', 'connection-reset'] as const;
/** Failures after the server applied the request: the response is lost (or, for reads, cut off mid-body). */
const AFTER_APPLY = ['server-error-after-apply', 'timeout-after-apply', 'connection-reset-after-apply', 'body-cut'] as const;

export type FaultKind = (typeof BEFORE_SEND)[number] | (typeof AFTER_APPLY)[number];

export interface FaultStats {
  /** Attempts that went through the injector (SDK retries count each attempt). */
  attempts: number;
  injected: number;
  byKind: Partial<Record<FaultKind, number>>;
  byService: Record<Service, { attempts: number; injected: number }>;
}

interface RawRequest {
  method: string;
  path: string;
  query?: Record<string, unknown>;
  headers: Record<string, string>;
  body?: unknown;
}

interface RawResponse {
  statusCode: number;
  headers: Record<string, string>;
  body?: unknown;
}

export class FaultInjector {
  /** Share of attempts that fail; 0 turns the injector off (a fault-free run on the same clients). */
  rate: number;
  private readonly seen = new Map<string, number>();
  readonly stats: FaultStats = this.emptyStats();

  constructor(
    readonly seed: number,
    rate: number,
  ) {
    this.rate = rate;
  }

  /** Adds the injector to a client (an S3Client, a DynamoDBClient or the document client over it). */
  attach<Input extends object, Output extends object>(client: { middlewareStack: MiddlewareStack<Input, Output> }, service: Service): void {
    const middleware: DeserializeMiddleware<Input, Output> = (next) => (args) => this.attempt(service, next, args);
    client.middlewareStack.add(
      middleware,
      // After the deserializer (so a made-up error response is turned into the service's exception) and
      // inside the retry middleware of the finalizeRequest step (so the SDK retries it as in production).
      { step: 'deserialize', priority: 'low', name: 'faultInjection' },
    );
  }

  resetStats(): void {
    Object.assign(this.stats, this.emptyStats());
  }

  private emptyStats(): FaultStats {
    return { attempts: 0, injected: 0, byKind: {}, byService: { s3: { attempts: 0, injected: 0 }, dynamodb: { attempts: 0, injected: 0 } } };
  }

  private async attempt<Input extends object, Output extends object>(
    service: Service,
    next: DeserializeHandler<Input, Output>,
    args: DeserializeHandlerArguments<Input>,
  ): Promise<DeserializeHandlerOutput<Output>> {
    const request = args.request as RawRequest;
    const kind = this.decide(service, request);
    this.count(service, kind);
    if (kind && (BEFORE_SEND as readonly string[]).includes(kind)) return failedResponse(service, kind);
    const result = await next(args);
    if (!kind) return result;
    const response = result.response as RawResponse;
    if (kind === 'body-cut') {
      response.body = cutOff(response.body as Readable);
      return result;
    }
    (response.body as Readable | undefined)?.resume?.();
    return failedResponse(service, kind.replace('-after-apply', '') as FaultKind);
  }

  private decide(service: Service, request: RawRequest): FaultKind | null {
    if (this.rate <= 0) return null;
    const fingerprint = createHash('sha256')
      .update(`${service}|${request.method}|${request.path}|${JSON.stringify(request.query ?? {})}|${request.headers['x-amz-target'] ?? ''}|`)
      .update(bodyText(request.body))
      .digest('base64');
    const occurrence = (this.seen.get(fingerprint) ?? 0) + 1;
    this.seen.set(fingerprint, occurrence);
    const digest = createHash('sha256').update(`${this.seed}|${occurrence}|${fingerprint}`).digest();
    if (digest.readUInt32BE(0) / 2 ** 32 >= this.rate) return null;
    // Only a streamed read can be cut off mid-body; other responses are small and read whole.
    const isRead = service === 's3' && request.method === 'GET';
    const kinds: readonly FaultKind[] = [...BEFORE_SEND, ...AFTER_APPLY.filter((kind) => kind !== 'body-cut' || isRead)];
    return kinds[digest.readUInt32BE(4) % kinds.length] as FaultKind;
  }

  private count(service: Service, kind: FaultKind | null): void {
    this.stats.attempts += 1;
    this.stats.byService[service].attempts += 1;
    if (!kind) return;
    this.stats.injected += 1;
    this.stats.byService[service].injected += 1;
    this.stats.byKind[kind] = (this.stats.byKind[kind] ?? 0) + 1;
  }
}

function bodyText(body: unknown): string {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  return '';
}

/** What the server (or the network) answers instead of the real response. */
function failedResponse<Output extends object>(service: Service, kind: FaultKind): DeserializeHandlerOutput<Output> {
  switch (kind) {
    case 'throttling':
      // The client's deserializer turns this response into the service's exception (no `output` is read).
      return { response: errorResponse(service, 'throttling') } as DeserializeHandlerOutput<Output>;
    case 'server-error':
      return { response: errorResponse(service, 'server-error') } as DeserializeHandlerOutput<Output>;
    case 'timeout':
      // As @smithy/node-http-handler reports a request that timed out.
      throw Object.assign(new Error('Connection timed out after 1000 ms (injected)'), { name: 'TimeoutError' });
    default:
      throw Object.assign(new Error('socket hang up (injected)'), { code: 'ECONNRESET' });
  }
}

function errorResponse(service: Service, kind: 'throttling' | 'server-error'): RawResponse {
  if (service === 'dynamodb') {
    const [status, type, message] =
      kind === 'throttling'
        ? [400, 'com.amazonaws.dynamodb.v20120810#ThrottlingException', 'Rate of requests exceeds the allowed throughput.']
        : [500, 'com.amazonaws.dynamodb.v20120810#InternalServerError', 'Internal server error'];
    const body = JSON.stringify({ __type: type, message });
    return { statusCode: status, headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'injected' }, body: Readable.from([Buffer.from(body)]) };
  }
  const [status, code, message] = kind === 'throttling' ? [503, 'SlowDown', 'Please reduce your request rate.'] : [500, 'InternalError', 'We encountered an internal error. Please try again.'];
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>injected</RequestId></Error>`;
  return { statusCode: status, headers: { 'content-type': 'application/xml', 'x-amz-request-id': 'injected' }, body: Readable.from([Buffer.from(body)]) };
}

/** The body stream lets its first chunk through, then errors as a dropped connection does. */
function cutOff(body: Readable): Readable {
  const dropped = () => Object.assign(new Error('aborted (injected: connection dropped mid-body)'), { code: 'ECONNRESET' });
  let chunks = 0;
  return body.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        chunks += 1;
        if (chunks === 1) return callback(null, chunk);
        body.destroy();
        callback(dropped());
      },
      flush(callback) {
        callback(dropped());
      },
    }),
  );
}
