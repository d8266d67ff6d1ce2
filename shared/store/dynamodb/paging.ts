/**
 * One page of a Query, filled up to `limit` even when some items are filtered out (older versions waiting
 * for cleanup, withdrawn speakers), with a signed cursor that resumes right after the last item returned.
 */
import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { CursorCodec } from '../cursor.ts';
import { InvalidCursorError, type Page } from '../port.ts';

export interface PageRequest<T> {
  client: DynamoDBDocumentClient;
  tableName: string;
  codec: CursorCodec;
  /** Everything that defines the query: a cursor only resumes the query it was made for. */
  scope: readonly unknown[];
  query: Omit<QueryCommandInput, 'TableName' | 'Limit' | 'ExclusiveStartKey'>;
  /** The attributes of the table and index keys: an ExclusiveStartKey is made of these. */
  keyAttributes: readonly string[];
  limit: number;
  cursor?: string;
  /** Adjusts a decoded cursor position before use (e.g. onto the version that is current now). */
  resumeAt?: (position: Record<string, string>) => Record<string, string>;
  /** Maps a raw batch to results, null for an item that must be skipped. */
  select: (items: Record<string, unknown>[]) => Promise<(T | null)[]>;
}

/**
 * DynamoDB counts a Query's Limit before its filter, and the visibility check drops items after it: a round
 * that came back short reads this many times more in the next, so a rare kind of statement fills a page in
 * a few round trips, while a page whose items all pass reads just one more than it returns.
 */
export const READ_GROWTH = 4;
/** Items read per Query at most (DynamoDB stops at 1 MB anyway). */
export const MAX_READ = 1_000;

export function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
}

/** The position a cursor resumes after: it must have been signed for this query and name every key attribute. */
export function cursorPosition(
  request: { codec: CursorCodec; scope: readonly unknown[]; cursor?: string },
  keyAttributes: readonly string[],
): Record<string, string> | undefined {
  if (!request.cursor) return undefined;
  const position = request.codec.decode(request.scope, request.cursor);
  if (!keyAttributes.every((name) => typeof position[name] === 'string')) throw new InvalidCursorError();
  return position as Record<string, string>;
}

/** What a cursor for `item` holds: its position in the table and the index. */
export const positionOf = (item: Record<string, unknown>, keyAttributes: readonly string[]): Record<string, string> =>
  Object.fromEntries(keyAttributes.map((name) => [name, String(item[name])]));

export async function queryPage<T>(request: PageRequest<T>): Promise<Page<T>> {
  const { limit, keyAttributes } = request;
  checkLimit(limit);
  const position = cursorPosition(request, keyAttributes);
  let start: Record<string, unknown> | undefined = position && (request.resumeAt ? request.resumeAt(position) : position);
  const items: T[] = [];
  let grown = 0;
  for (;;) {
    // One more than needed, to know whether anything follows the last item returned.
    const read = Math.max(limit - items.length + 1, grown);
    const page = await request.client.send(
      new QueryCommand({ ...request.query, TableName: request.tableName, Limit: read, ExclusiveStartKey: start }),
    );
    const raw = page.Items ?? [];
    const selected = await request.select(raw);
    const kept = selected.filter((value) => value !== null && value !== undefined).length;
    if (kept < read) grown = Math.min(MAX_READ, read * READ_GROWTH);
    for (const [index, item] of raw.entries()) {
      const value = selected[index];
      if (value === null || value === undefined) continue;
      items.push(value);
      if (items.length === limit) {
        const more = index < raw.length - 1 || page.LastEvaluatedKey !== undefined;
        return { items, nextCursor: more ? request.codec.encode(request.scope, positionOf(item, keyAttributes)) : null };
      }
    }
    if (!page.LastEvaluatedKey) return { items, nextCursor: null };
    start = page.LastEvaluatedKey;
  }
}
