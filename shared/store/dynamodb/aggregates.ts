/**
 * Applies article shares to speaker and entity aggregates by read-modify-write under an optimistic
 * revision check (conditional writes cannot be batched, and dynalite has no transactions). A share that is
 * not newer than the stored one changes nothing, so replaying any write is harmless. Speakers and entities
 * of one article are read in one BatchGetItem and their new name-index items go out in shared batches.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EntityType } from '../../model/article.ts';
import { foldName } from '../../model/ids.ts';
import { batchGet, batchWrite, forEachLimited, putRequest } from './batch.ts';
import * as Aggregate from './items/aggregate.ts';
import type { AggregateState, Share } from './items/aggregate.ts';
import { entityNameItems, speakerNameItems } from './items/name-index.ts';
import { keys, type TableKey } from './keys.ts';

export type AggregateKind = 'speaker' | 'entity';

export interface ShareChange {
  kind: AggregateKind;
  id: string;
  articleId: string;
  /** count 0 withdraws the article. */
  share: Share;
}

interface Table {
  client: DynamoDBDocumentClient;
  tableName: string;
}

const MAX_CONFLICTS = 25;
/** Aggregates of one article written at once. */
const PARALLEL_AGGREGATES = 8;
// Full jitter: 0–10 ms after the first conflict, growing to at most 0–500 ms.
const CONFLICT_BACKOFF_BASE_MS = 10;
const CONFLICT_BACKOFF_CAP_MS = 500;

const keyOf = (kind: AggregateKind, id: string): TableKey => (kind === 'speaker' ? keys.speaker(id) : keys.entity(id));
const sortedUnion = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])].sort();
const itemKey = (item: Record<string, unknown>) => `${String(item.pk)}\u0000${String(item.sk)}`;

/** The state after the changes, or null when none of them is newer than what is stored. */
function applyChanges(stored: AggregateState | null, id: string, changes: ShareChange[]): AggregateState | null {
  let state: AggregateState = stored ?? { id, shares: {}, indexedNames: [], indexedTypes: [], rev: 0 };
  let changed = false;
  for (const change of changes) {
    const current = state.shares[change.articleId];
    if (current && current.version >= change.share.version) continue;
    changed = true;
    state = { ...state, shares: { ...state.shares, [change.articleId]: change.share } };
  }
  return changed ? state : null;
}

/**
 * Name-index items the state needs and does not have yet: every folded name and (for entities) every type
 * of a live share is indexed, all names under all types, so whichever name and type the aggregate shows
 * can be found. Which ones exist is recorded in the aggregate, so an article naming it as before adds none.
 */
function indexed(kind: AggregateKind, state: AggregateState): { state: AggregateState; items: Record<string, unknown>[] } {
  const live = Object.values(state.shares).filter((share) => share.count > 0);
  const names = sortedUnion(state.indexedNames, live.map((share) => foldName(share.info.name)).filter(Boolean));
  const isNew = (name: string, type?: string) => !state.indexedNames.includes(name) || (type !== undefined && !state.indexedTypes.includes(type));
  if (kind === 'speaker') {
    const items = names.filter((name) => isNew(name)).flatMap((name) => speakerNameItems(state.id, name));
    return { state: { ...state, indexedNames: names }, items };
  }
  const types = sortedUnion(state.indexedTypes, live.map((share) => share.info.type));
  const items = names.flatMap((name) => types.filter((type) => isNew(name, type)).map((type) => entityNameItems(state.id, name, type as EntityType)).flat());
  return { state: { ...state, indexedNames: names, indexedTypes: types }, items };
}

const isConditionFailure = (error: unknown) => error instanceof Error && error.name === 'ConditionalCheckFailedException';

interface Pending {
  kind: AggregateKind;
  id: string;
  changes: ShareChange[];
}

/** What the changes make of an aggregate item: null when none of them is newer than what it holds. */
type Plan = { current: AggregateState | null; state: AggregateState; names: Record<string, unknown>[] } | null;

/**
 * What this process last knew of an aggregate item: `item` undefined means it did not exist. `plan`, when
 * set, is what the queued changes make of that item, already worked out (decoding a busy aggregate's
 * shares is the costly part of a write).
 */
interface Known {
  item: Record<string, unknown> | undefined;
  plan?: Plan;
}

interface Waiter {
  changes: ShareChange[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** The writes to one aggregate this process has queued, applied one combined write at a time. */
interface Slot {
  kind: AggregateKind;
  id: string;
  waiting: Waiter[];
}

/** Name items this process wrote recently (they never change): a bounded memory, not a guarantee. */
const MAX_REMEMBERED_NAMES = 10_000;

/**
 * One per store. Articles settled at the same time in one process (a Lambda batch) often name the same
 * speakers and entities; their changes to one aggregate are queued and applied in one conditional write
 * at a time, starting from the item this process wrote last, so they neither collide with each other nor
 * read the item back. Writers in other processes still can collide: the revision check catches that, and
 * the write is redone on a fresh read. A caller's promise resolves only once a write holding its changes
 * succeeded.
 */
export class AggregateUpdater {
  private readonly slots = new Map<string, Slot>();
  private readonly written = new Set<string>();

  constructor(private readonly table: Table) {}

  async apply(changes: ShareChange[]): Promise<void> {
    if (changes.length === 0) return;
    const byAggregate = new Map<string, Pending>();
    for (const change of changes) {
      const { pk } = keyOf(change.kind, change.id);
      const pending = byAggregate.get(pk) ?? { kind: change.kind, id: change.id, changes: [] };
      pending.changes.push(change);
      byAggregate.set(pk, pending);
    }
    // Speakers and entities in one read, for the aggregates no write of this process is busy with.
    const idle = [...byAggregate.entries()].filter(([pk]) => !this.slots.has(pk));
    const stored = await batchGet(this.table.client, this.table.tableName, idle.map(([, { kind, id }]) => keyOf(kind, id)), { consistent: true });
    const storedByKey = new Map(stored.map((item) => [String(item.pk), item]));
    const known = new Map<string, Known>(
      idle.map(([pk, pending]) => {
        const item = storedByKey.get(pk);
        return [pk, { item, plan: this.plan(pending.kind, pending.id, pending.changes, item) }];
      }),
    );
    // Name items go out in shared batches, and an aggregate needing new ones is written after them: it is
    // always findable by the name and type it shows. The others (busy speakers and entities, as a rule,
    // whose names are indexed) are written at once: the shorter the time between read and write, the
    // fewer writers collide.
    const names = new Map([...known.entries()].map(([pk, { plan }]) => [pk, plan?.names ?? []]));
    const namesWritten = this.writeNames([...names.values()].flat());
    const needsNames = (pk: string) => (names.get(pk)?.length ?? 0) > 0;
    const ordered = [...byAggregate.entries()].sort(([a], [b]) => Number(needsNames(a)) - Number(needsNames(b)));
    await Promise.all([
      namesWritten,
      forEachLimited(ordered, PARALLEL_AGGREGATES, async ([pk, pending]) => {
        if (needsNames(pk)) await namesWritten;
        await this.enqueue(pk, pending, known.get(pk));
      }),
    ]);
  }

  private enqueue(pk: string, pending: Pending, known: Known | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      const slot = this.slots.get(pk);
      const waiter = { changes: pending.changes, resolve, reject };
      if (slot) {
        slot.waiting.push(waiter);
        return;
      }
      const fresh: Slot = { kind: pending.kind, id: pending.id, waiting: [waiter] };
      this.slots.set(pk, fresh);
      void this.drain(pk, fresh, known ?? null);
    });
  }

  /** Applies whatever is queued for one aggregate, all of it in each write, until the queue is empty. */
  private async drain(pk: string, slot: Slot, start: Known | null): Promise<void> {
    let known = start;
    while (slot.waiting.length > 0) {
      const batch = slot.waiting.splice(0);
      try {
        known = await this.write(slot, batch.flatMap((waiter) => waiter.changes), known);
        for (const waiter of batch) waiter.resolve();
      } catch (error) {
        known = null;
        for (const waiter of batch) waiter.reject(error);
      }
    }
    this.slots.delete(pk);
  }

  private plan(kind: AggregateKind, id: string, changes: ShareChange[], item: Record<string, unknown> | undefined): Plan {
    const current = item ? Aggregate.fromItem(item) : null;
    const next = applyChanges(current, id, changes);
    if (!next) return null;
    const { state, items } = indexed(kind, next);
    return { current, state, names: items.filter((name) => !this.written.has(itemKey(name))) };
  }

  private async writeNames(items: Record<string, unknown>[]): Promise<void> {
    await batchWrite(this.table.client, this.table.tableName, items.map(putRequest));
    if (this.written.size > MAX_REMEMBERED_NAMES) this.written.clear();
    for (const item of items) this.written.add(itemKey(item));
  }

  /** Conditional put of the changes over the known item (read when unknown); redone on a conflict. */
  private async write(slot: Slot, changes: ShareChange[], start: Known | null): Promise<Known> {
    const { client, tableName } = this.table;
    const key = keyOf(slot.kind, slot.id);
    const read = async () => ({ item: (await client.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item });
    let known: Known = start ?? (await read());
    for (let conflict = 0; ; conflict++) {
      // A plan made before the name batch went out may list names written since.
      const plan = known.plan === undefined ? this.plan(slot.kind, slot.id, changes, known.item) : known.plan;
      if (!plan) return { item: known.item };
      const names = plan.names.filter((name) => !this.written.has(itemKey(name)));
      if (names.length > 0) await this.writeNames(names);
      const item = Aggregate.toItem(slot.kind, key, { ...plan.state, rev: plan.state.rev + 1 });
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: item,
            ConditionExpression: plan.current ? '#rev = :rev' : 'attribute_not_exists(pk)',
            ExpressionAttributeNames: plan.current ? { '#rev': 'rev' } : undefined,
            ExpressionAttributeValues: plan.current ? { ':rev': plan.current.rev } : undefined,
          }),
        );
        return { item };
      } catch (error) {
        if (!isConditionFailure(error) || conflict >= MAX_CONFLICTS) throw error;
        // Writers racing for one busy speaker would otherwise retry in lock step and keep colliding.
        await sleep(Math.random() * Math.min(CONFLICT_BACKOFF_CAP_MS, CONFLICT_BACKOFF_BASE_MS * 2 ** conflict));
        known = await read();
      }
    }
  }
}
