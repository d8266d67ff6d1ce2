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
  /** Items read per Query at least (a filtered query reads past the items it drops); default: what the page needs. */
  minimumRead?: number;
  cursor?: string;
  /** Adjusts a decoded cursor position before use (e.g. onto the version that is current now). */
  resumeAt?: (position: Record<string, string>) => Record<string, string>;
  /** Maps a raw batch to results, null for an item that must be skipped. */
  select: (items: Record<string, unknown>[]) => Promise<(T | null)[]>;
}

export async function queryPage<T>(request: PageRequest<T>): Promise<Page<T>> {
  const { limit, keyAttributes } = request;
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  let start: Record<string, unknown> | undefined;
  if (request.cursor) {
    const position = request.codec.decode(request.scope, request.cursor);
    if (!keyAttributes.every((name) => typeof position[name] === 'string')) throw new InvalidCursorError();
    start = request.resumeAt ? request.resumeAt(position) : position;
  }
  const items: T[] = [];
  for (;;) {
    // One more than needed, to know whether anything follows the last item returned.
    const page = await request.client.send(
      new QueryCommand({ ...request.query, TableName: request.tableName, Limit: Math.max(limit - items.length + 1, request.minimumRead ?? 0), ExclusiveStartKey: start }),
    );
    const raw = page.Items ?? [];
    const selected = await request.select(raw);
    for (const [index, item] of raw.entries()) {
      const value = selected[index];
      if (value === null || value === undefined) continue;
      items.push(value);
      if (items.length === limit) {
        const more = index < raw.length - 1 || page.LastEvaluatedKey !== undefined;
        const position = Object.fromEntries(keyAttributes.map((name) => [name, String(item[name])]));
        return { items, nextCursor: more ? request.codec.encode(request.scope, position) : null };
      }
    }
    if (!page.LastEvaluatedKey) return { items, nextCursor: null };
    start = page.LastEvaluatedKey;
  }
}
