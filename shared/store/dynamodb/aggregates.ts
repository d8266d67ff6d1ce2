/**
 * Applies article shares to speaker and entity aggregates by read-modify-write under an optimistic
 * revision check (conditional writes cannot be batched, and dynalite has no transactions). A share that is
 * not newer than the stored one changes nothing, so replaying any write is harmless.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EntityType } from '../../model/article.ts';
import { foldName } from '../../model/ids.ts';
import { batchGet, batchWrite, forEachLimited, putRequest } from './batch.ts';
import * as Aggregate from './items/aggregate.ts';
import type { AggregateInfo, AggregateState, Share } from './items/aggregate.ts';
import { entityNameItems, speakerNameItems } from './items/name-index.ts';
import { keys, type TableKey } from './keys.ts';

export type AggregateKind = 'speaker' | 'entity';

export interface ShareChange {
  id: string;
  info: AggregateInfo;
  articleId: string;
  /** count 0 withdraws the article. */
  share: Share;
}

interface Table {
  client: DynamoDBDocumentClient;
  tableName: string;
}

const MAX_CONFLICTS = 25;
// Full jitter: 0–10 ms after the first conflict, growing to at most 0–500 ms.
const CONFLICT_BACKOFF_BASE_MS = 10;
const CONFLICT_BACKOFF_CAP_MS = 500;
const PARALLEL_AGGREGATES = 8;

const keyOf = (kind: AggregateKind, id: string): TableKey => (kind === 'speaker' ? keys.speaker(id) : keys.entity(id));

function nameItems(kind: AggregateKind, id: string, info: AggregateInfo): Record<string, unknown>[] {
  const folded = foldName(info.name);
  if (!folded) return [];
  return kind === 'speaker' ? speakerNameItems(id, folded) : entityNameItems(id, folded, info.type as EntityType);
}

/** The state after the changes, or null when none of them is newer than what is stored. */
function applyChanges(stored: AggregateState | null, id: string, changes: ShareChange[]): AggregateState | null {
  const first = changes[0] as ShareChange;
  let state: AggregateState = stored ?? { id, ...first.info, titles: [], aliases: [], shares: {}, rev: 0 };
  let changed = false;
  for (const change of changes) {
    const current = state.shares[change.articleId];
    if (current && current.version >= change.share.version) continue;
    changed = true;
    state = { ...state, shares: { ...state.shares, [change.articleId]: change.share } };
    if (change.share.count > 0) state = { ...state, ...Aggregate.mergeInfo(state, change.info) };
  }
  return changed ? state : null;
}

const isConditionFailure = (error: unknown) => error instanceof Error && error.name === 'ConditionalCheckFailedException';

async function applyToOne(table: Table, kind: AggregateKind, id: string, changes: ShareChange[], stored: Record<string, unknown> | undefined) {
  let item = stored;
  for (let conflict = 0; ; conflict++) {
    const current = item ? Aggregate.fromItem(item) : null;
    const next = applyChanges(current, id, changes);
    if (!next) return;
    try {
      await table.client.send(
        new PutCommand({
          TableName: table.tableName,
          Item: Aggregate.toItem(kind, keyOf(kind, id), { ...next, rev: next.rev + 1 }),
          ConditionExpression: current ? '#rev = :rev' : 'attribute_not_exists(pk)',
          ExpressionAttributeNames: current ? { '#rev': 'rev' } : undefined,
          ExpressionAttributeValues: current ? { ':rev': current.rev } : undefined,
        }),
      );
      return;
    } catch (error) {
      if (!isConditionFailure(error) || conflict >= MAX_CONFLICTS) throw error;
      // Writers racing for one busy speaker would otherwise retry in lock step and keep colliding.
      await sleep(Math.random() * Math.min(CONFLICT_BACKOFF_CAP_MS, CONFLICT_BACKOFF_BASE_MS * 2 ** conflict));
      const fresh = await table.client.send(new GetCommand({ TableName: table.tableName, Key: keyOf(kind, id), ConsistentRead: true }));
      item = fresh.Item;
    }
  }
}

export async function applyShares(table: Table, kind: AggregateKind, changes: ShareChange[]): Promise<void> {
  if (changes.length === 0) return;
  const byId = new Map<string, ShareChange[]>();
  for (const change of changes) byId.set(change.id, [...(byId.get(change.id) ?? []), change]);
  const stored = await batchGet(table.client, table.tableName, [...byId.keys()].map((id) => keyOf(kind, id)), { consistent: true });
  const storedById = new Map(stored.map((item) => [item.id as string, item]));
  // Name index items of new aggregates go first, in shared batches: an aggregate that exists is always
  // findable by name.
  const created = [...byId.entries()].filter(([id]) => !storedById.has(id));
  const names = created.flatMap(([id, group]) => nameItems(kind, id, (group[0] as ShareChange).info));
  await batchWrite(table.client, table.tableName, names.map(putRequest));
  await forEachLimited([...byId.entries()], PARALLEL_AGGREGATES, ([id, group]) => applyToOne(table, kind, id, group, storedById.get(id)));
}
