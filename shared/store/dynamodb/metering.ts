/**
 * Counts what a DynamoDB client sends, per operation: requests and request bytes. Benchmarks and tests wrap
 * the client the store is given, to report e.g. write requests per article.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface Meter {
  /** Requests per operation name ("BatchWriteItem", "PutItem", …), retries included. */
  requests: Record<string, number>;
  /** Request body bytes per operation name. */
  bytes: Record<string, number>;
  reset(): void;
  total(operations?: readonly string[]): { requests: number; bytes: number };
}

export const WRITE_OPERATIONS = ['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'] as const;

export function meter(client: DynamoDBDocumentClient): Meter {
  const state: Meter = {
    requests: {},
    bytes: {},
    reset() {
      state.requests = {};
      state.bytes = {};
    },
    total(operations) {
      const names = operations ?? Object.keys(state.requests);
      return {
        requests: names.reduce((sum, name) => sum + (state.requests[name] ?? 0), 0),
        bytes: names.reduce((sum, name) => sum + (state.bytes[name] ?? 0), 0),
      };
    },
  };
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { headers?: Record<string, string>; body?: unknown };
      const operation = request.headers?.['x-amz-target']?.split('.').at(-1) ?? 'unknown';
      // The SDK hands the body over as a string or as bytes, depending on the protocol code path.
      const body =
        typeof request.body === 'string' ? Buffer.byteLength(request.body) : request.body instanceof Uint8Array ? request.body.byteLength : 0;
      state.requests[operation] = (state.requests[operation] ?? 0) + 1;
      state.bytes[operation] = (state.bytes[operation] ?? 0) + body;
      return next(args);
    },
    { step: 'finalizeRequest', name: 'onrecordMeter', override: true },
  );
  return state;
}
