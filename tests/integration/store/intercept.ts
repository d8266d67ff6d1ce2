/**
 * A document client whose requests can be paused or failed at a chosen point, to look at the store from
 * a reader's side between two steps of a write, or to crash a write part-way.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { documentClient, localClient, type DynamoInstance } from '../../support/dynamo.ts';

export interface Request {
  operation: string;
  body: string;
}

export interface Interception {
  /** Which request to act on (the first one matching, once). */
  when: (request: Request) => boolean;
  /** 'before': run the hook, then send. 'after': send, then run the hook (a thrown error loses the response). */
  at: 'before' | 'after';
  hook: () => void | Promise<void>;
}

function requestOf(sent: unknown): Request {
  const raw = sent as { headers?: Record<string, string>; body?: unknown };
  const body = raw.body instanceof Uint8Array ? Buffer.from(raw.body.buffer, raw.body.byteOffset, raw.body.byteLength).toString('utf8') : String(raw.body ?? '');
  return { operation: raw.headers?.['x-amz-target']?.split('.').at(-1) ?? '', body };
}

/** A document client that keeps every request it sends, to count what a write costs. */
export function recordingClient(dynamo: DynamoInstance): { client: DynamoDBDocumentClient; requests: Request[] } {
  const client = documentClient(localClient(dynamo.endpoint));
  const requests: Request[] = [];
  client.middlewareStack.add(
    (next) => async (args) => {
      requests.push(requestOf(args.request));
      return next(args);
    },
    { step: 'finalizeRequest', name: 'testRecorder' },
  );
  return { client, requests };
}

export function interceptingClient(dynamo: DynamoInstance): { client: DynamoDBDocumentClient; intercept(rule: Interception): void } {
  // One attempt: the SDK must not retry an injected error on its own.
  const client = documentClient(localClient(dynamo.endpoint, { maxAttempts: 1 }));
  const rules: Interception[] = [];
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = requestOf(args.request);
      const index = rules.findIndex((rule) => rule.when(request));
      const rule = index >= 0 ? rules.splice(index, 1)[0] : undefined;
      if (rule?.at === 'before') await rule.hook();
      const result = await next(args);
      if (rule?.at === 'after') await rule.hook();
      return result;
    },
    { step: 'finalizeRequest', name: 'testInterceptor' },
  );
  return { client, intercept: (rule) => rules.push(rule) };
}

export const isFlipOf = (key: string) => (request: Request) =>
  request.operation === 'PutItem' && request.body.includes(`"SOURCE#${key}"`);
export const isOldVersionDelete = (request: Request) => request.operation === 'BatchWriteItem' && request.body.includes('DeleteRequest');
/** The batch that puts a version's items other than its heads (the one with its listing). */
export const isVersionItemsWrite = (request: Request) =>
  request.operation === 'BatchWriteItem' && request.body.includes('PutRequest') && request.body.includes('"S":"LIST#');
export const isAggregateWrite = (request: Request) => request.operation === 'PutItem' && request.body.includes('"SPEAKER#');
/** A speaker's share item put (aggregates.ts, step 2 of a share change). */
export const isSpeakerShareWrite = (request: Request) => request.operation === 'PutItem' && request.body.includes('"SHARE#');
/** A speaker's summary written (announcing share changes, and folding in those of the write before). */
export const isSpeakerSummaryWrite = (request: Request) => request.operation === 'PutItem' && request.body.includes('"sk":{"S":"SPEAKER"}');
/** Any speaker's or entity's summary written. */
export const isSummaryWrite = (request: Request) => request.operation === 'PutItem' && /"sk":\{"S":"(SPEAKER|ENTITY)"\}/.test(request.body);
/** Any speaker's or entity's share item put. */
export const isShareWrite = (request: Request) =>
  request.operation === 'PutItem' && /"pk":\{"S":"(SPEAKER|ENTITY)#/.test(request.body) && request.body.includes('"SHARE#');
/** The `n`th request `when` matches. */
export function nth(n: number, when: (request: Request) => boolean): (request: Request) => boolean {
  let seen = 0;
  return (request) => when(request) && ++seen === n;
}
