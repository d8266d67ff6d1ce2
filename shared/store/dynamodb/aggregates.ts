/**
 * Applies article shares to speaker and entity aggregates. Each aggregate is a partition: one share item
 * per article (items/aggregate.ts) and one bounded summary item (items/aggregate-summary.ts) whose counts
 * are the sum of the live shares. No item grows with the number of articles.
 *
 * A share change touches two items, and dynalite has no transactions, so the summary carries a journal:
 *   1. announce: the summary is written with a pending entry {old share, new share, token} (conditional on
 *      its `revision`);
 *   2. put the share item, conditional on it still being the old one (or absent), marked with the token;
 *   3. fold: the summary's counts get new − old and the entry is removed (conditional on `revision`).
 * Whoever reads a summary with pending entries (any writer, or a replay of the same article) completes them
 * first: a refused put (2) means either an earlier attempt of the same entry put it (the share carries the
 * entry's token: fold it), or a newer share is already in (drop the entry), or the entry was announced
 * from a stale read of the share (announce it again over the share found). So every change is folded in
 * exactly once, a crash between any two steps is finished by the next writer, and a share is replaced only
 * by one of a newer version: replays change nothing, and results do not depend on arrival order.
 *
 * Step 3 is the next writer's: a speaker's or entity's summary shows its pending entries folded in already
 * (Summary.settled), so once its shares are put a writer leaves the entries in place, and the next write to
 * the summary, which it makes anyway to announce its own change, folds them. The next writer reads the
 * entries' share items beside the summary and finds them put, so that costs it a read, not a write; the
 * write saved is one unit and one request per speaker or entity of every article.
 *
 * Why not plain ADD counters on the summary: an ADD is not idempotent (a retried write after a lost
 * response counts twice) and cannot undo a min or max (first/last seen) or a name's count on withdrawal
 * without knowing what was added; the journal makes each fold happen once and carries what to subtract.
 * Why not DynamoDB Streams: dynalite has none, and the local pipeline and tests must run the same code.
 *
 * Writes to one aggregate queued in this process are combined: one summary write per round of up to
 * MAX_PENDING shares (it folds the round before and announces this one). Summary and share items of one
 * article's speakers and entities are read in one BatchGetItem, and their new name-index items go out in
 * shared batches.
 *
 * Publication days are aggregates too (kind `day`, items/day-tally.ts): the same journal keeps a day's
 * ranked speaker and entity counts, with a tally per article as the share, and no name index.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { GetCommand, paginateQuery, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EntityType } from '../../model/article.ts';
import { foldName } from '../../model/ids.ts';
import { batchGet, batchWrite, forEachLimited, putRequest } from './batch.ts';
import { byteSize } from './fit.ts';
import { isLegacy, legacyShares, shareFromItem, shareToItem, type AggregateKind, type Share } from './items/aggregate.ts';
import * as Summary from './items/aggregate-summary.ts';
import { MAX_INDEXED_NAMES, MAX_PENDING, type PendingShare, type SummaryState } from './items/aggregate-summary.ts';
import { entityNameItems, speakerNameItems } from './items/name-index.ts';
import { keys, type TableKey } from './keys.ts';

export type { AggregateKind } from './items/aggregate.ts';

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
/**
 * A summary left with its completed entries stays under this (JSON, a bound on DynamoDB's size): every
 * reader of a speaker or entity reads the whole item, in units of 4 KB.
 */
const AT_REST_BUDGET_BYTES = 4_000;
/** Aggregates of one article written at once. */
const PARALLEL_AGGREGATES = 8;
/** Share items of one aggregate put at once. */
const PARALLEL_SHARES = 16;
// Full jitter: 0–10 ms after the first conflict, growing to at most 0–500 ms.
const CONFLICT_BACKOFF_BASE_MS = 10;
const CONFLICT_BACKOFF_CAP_MS = 500;

const SUMMARY_KEYS: Record<AggregateKind, (id: string) => TableKey> = { speaker: keys.speaker, entity: keys.entity, day: keys.day };
const SHARE_KEYS: Record<AggregateKind, (id: string, articleId: string) => TableKey> = {
  speaker: keys.speakerShare,
  entity: keys.entityShare,
  day: keys.dayShare,
};
const summaryKey = (kind: AggregateKind, id: string): TableKey => SUMMARY_KEYS[kind](id);
const shareKey = (kind: AggregateKind, id: string, articleId: string): TableKey => SHARE_KEYS[kind](id, articleId);
const itemKey = (item: Record<string, unknown>) => `${String(item.pk)}\u0000${String(item.sk)}`;
const isConditionFailure = (error: unknown) => error instanceof Error && error.name === 'ConditionalCheckFailedException';
/**
 * Whether a share item is the one a pending entry puts: the token tells this entry's own share (an earlier
 * attempt put it, or another writer completing it) from any other.
 */
const isEntryShare = (item: Record<string, unknown> | undefined, entry: PendingShare): boolean =>
  item !== undefined && item.revision === entry.token && item.version === entry.new.version;

/**
 * Name-index items the new shares need and the summary does not record yet: every folded name and (for
 * entities) every type of a live share is indexed, all names under all types, so whichever name and type
 * the aggregate shows can be found. Which ones exist is recorded in the summary (up to MAX_INDEXED_NAMES
 * names), so an article naming it as before adds none.
 */
function namesToIndex(kind: AggregateKind, state: SummaryState, shares: readonly Share[]) {
  // A day is found by its date, never by a name.
  if (kind === 'day') return { items: [], indexedNames: state.indexedNames, indexedTypes: state.indexedTypes };
  const live = shares.filter((share) => share.count > 0);
  const newNames = [...new Set(live.map((share) => foldName(share.info.name)))].filter((name) => name && !state.indexedNames.includes(name)).sort();
  const indexedNames = [...state.indexedNames, ...newNames.slice(0, Math.max(0, MAX_INDEXED_NAMES - state.indexedNames.length))].sort();
  if (kind === 'speaker') {
    return { items: newNames.flatMap((name) => speakerNameItems(state.id, name)), indexedNames, indexedTypes: state.indexedTypes };
  }
  const newTypes = [...new Set(live.map((share) => share.info.type))].filter((type) => !state.indexedTypes.includes(type)).sort();
  const indexedTypes = [...state.indexedTypes, ...newTypes].sort();
  // Names shown can come from the ranked names even when past the recorded ones.
  const known = [...new Set([...state.indexedNames, ...Object.keys(state.names).map(foldName)])].filter((name) => name && !newNames.includes(name));
  const items = [
    ...newNames.flatMap((name) => indexedTypes.flatMap((type) => entityNameItems(state.id, name, type as EntityType))),
    ...known.flatMap((name) => newTypes.flatMap((type) => entityNameItems(state.id, name, type as EntityType))),
  ];
  return { items, indexedNames, indexedTypes };
}

/**
 * Converts an aggregate item of store format 2 (every share in one `shares` map) in place: its share
 * items first (each only over an older one: a share written since by the new layout wins), then the
 * summary over the old item, conditional on the old item's `rev` being unchanged. Safe to repeat and to
 * race; returns the shares converted, or 0 when another writer got there first.
 */
export async function convertLegacy(table: Table, kind: AggregateKind, item: Record<string, unknown>): Promise<number> {
  const legacy = legacyShares(item);
  const id = item.id as string;
  let state: SummaryState = {
    ...Summary.emptySummary(id),
    indexedNames: legacy.indexedNames.slice(0, MAX_INDEXED_NAMES),
    indexedTypes: legacy.indexedTypes,
    revision: legacy.rev + 1,
  };
  const shares = Object.entries(legacy.shares);
  for (const [, share] of shares) state = Summary.fold(state, null, share);
  await forEachLimited(shares, PARALLEL_SHARES, async ([articleId, share]) => {
    try {
      await table.client.send(
        new PutCommand({
          TableName: table.tableName,
          Item: shareToItem(kind, shareKey(kind, id, articleId), id, articleId, share, 0),
          ConditionExpression: 'attribute_not_exists(pk) OR #version < :version',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':version': share.version },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  });
  try {
    await table.client.send(
      new PutCommand({
        TableName: table.tableName,
        Item: Summary.toItem(kind, summaryKey(kind, id), state),
        ConditionExpression: '#rev = :rev',
        ExpressionAttributeNames: { '#rev': 'rev' },
        ExpressionAttributeValues: { ':rev': legacy.rev },
      }),
    );
    return shares.length;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    return 0;
  }
}

interface Aggregate {
  kind: AggregateKind;
  id: string;
  changes: ShareChange[];
}

/**
 * What this process last knew of an aggregate: its summary item (undefined: none yet), the share items
 * of articles it is changing (null: none yet), and which of the summary's pending entries have their share
 * in place already (put by this process, or read back). Any of it may be stale; the conditional writes find out.
 */
interface Known {
  item: Record<string, unknown> | undefined;
  shares: Map<string, Share | null>;
  applied: ReadonlySet<string>;
}

/** What completing a pending entry found: its share put (now or by an earlier attempt), or another share in place. */
type Completion = { applied: true } | { applied: false; share: Share | null };

interface Waiter {
  changes: ShareChange[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** The writes to one aggregate this process has queued, applied one combined round at a time. */
interface Slot {
  kind: AggregateKind;
  id: string;
  waiting: Waiter[];
}

/** Name items this process wrote recently (they never change): a bounded memory, not a guarantee. */
const MAX_REMEMBERED_NAMES = 10_000;

/**
 * One per store. Articles settled at the same time in one process (a Lambda batch) often name the same
 * speakers and entities; their changes to one aggregate are queued and applied together, starting from
 * the summary this process wrote last, so they neither collide with each other nor read it back. Writers
 * in other processes still can collide: the revision check catches that, and the round is redone on a
 * fresh read. A caller's promise resolves only once its changes are applied: their shares put, and the
 * summary showing them (folded in, or pending with their shares in place).
 */
export class AggregateUpdater {
  private readonly slots = new Map<string, Slot>();
  private readonly written = new Set<string>();

  constructor(private readonly table: Table) {}

  async apply(changes: ShareChange[]): Promise<void> {
    if (changes.length === 0) return;
    const byAggregate = new Map<string, Aggregate>();
    for (const change of changes) {
      const { pk } = summaryKey(change.kind, change.id);
      const aggregate = byAggregate.get(pk) ?? { kind: change.kind, id: change.id, changes: [] };
      aggregate.changes.push(change);
      byAggregate.set(pk, aggregate);
    }
    // Summaries and shares of every aggregate no write of this process is busy with, in one read.
    const idle = [...byAggregate.entries()].filter(([pk]) => !this.slots.has(pk));
    const known = await this.read(idle.map(([, aggregate]) => aggregate));
    // Name items go out in shared batches, and an aggregate needing new ones is written after them: it is
    // always findable by the name and type it shows. The others (busy speakers and entities, as a rule,
    // whose names are indexed) are written at once: the shorter the time between read and write, the
    // fewer writers collide.
    const names = new Map(idle.map(([pk, aggregate]) => [pk, this.newNames(aggregate, known.get(pk))]));
    const namesWritten = this.writeNames([...names.values()].flat());
    const needsNames = (pk: string) => (names.get(pk)?.length ?? 0) > 0;
    const ordered = [...byAggregate.entries()].sort(([a], [b]) => Number(needsNames(a)) - Number(needsNames(b)));
    await Promise.all([
      namesWritten,
      forEachLimited(ordered, PARALLEL_AGGREGATES, async ([pk, aggregate]) => {
        if (needsNames(pk)) await namesWritten;
        await this.enqueue(pk, aggregate, known.get(pk));
      }),
    ]);
  }

  /**
   * Summary and share items of the aggregates' changes, consistent, in one batched read; then, in one
   * more, the share items of the summaries' pending entries (those a writer completed and left for the
   * next write to fold, as a rule), so that an entry whose share is in place is folded without a write.
   */
  private async read(aggregates: readonly Aggregate[], withSummary = true): Promise<Map<string, Known>> {
    const wanted = aggregates.flatMap(({ kind, id, changes }) => [
      ...(withSummary ? [summaryKey(kind, id)] : []),
      ...changes.map((change) => shareKey(kind, id, change.articleId)),
    ]);
    const found = await batchGet(this.table.client, this.table.tableName, wanted, { consistent: true });
    const byKey = new Map(found.map((item) => [itemKey(item), item]));
    // A day's entries are folded at once, so only a crash leaves them: its writer completes them as before.
    const pendingByPk = new Map(
      aggregates.map(({ kind, id }): [string, [string, PendingShare][]] => {
        const key = summaryKey(kind, id);
        const item = byKey.get(itemKey({ ...key }));
        return [key.pk, item && kind !== 'day' && !isLegacy(item) ? Object.entries(Summary.fromItem(item).pending) : []];
      }),
    );
    const pendingOf = ({ kind, id }: Aggregate) => pendingByPk.get(summaryKey(kind, id).pk) ?? [];
    const read = new Set(wanted.map((key) => itemKey({ ...key })));
    const entryShares = aggregates.flatMap((aggregate) => pendingOf(aggregate).map(([articleId]) => shareKey(aggregate.kind, aggregate.id, articleId)));
    const unread = entryShares.filter((key) => !read.has(itemKey({ ...key })));
    // Eventually consistent, at half the read units: a stale answer can miss a share just put (its entry is
    // then completed as before: a refused put, a consistent read), never show one that was not.
    if (unread.length > 0) {
      for (const item of await batchGet(this.table.client, this.table.tableName, unread, { consistent: false })) byKey.set(itemKey(item), item);
    }
    return new Map(
      aggregates.map((aggregate) => {
        const { kind, id, changes } = aggregate;
        const key = summaryKey(kind, id);
        const shares = changes.map((change): [string, Share | null] => {
          const item = byKey.get(itemKey({ ...shareKey(kind, id, change.articleId) }));
          return [change.articleId, item ? shareFromItem(item) : null];
        });
        const applied = pendingOf(aggregate)
          .filter(([articleId, entry]) => isEntryShare(byKey.get(itemKey({ ...shareKey(kind, id, articleId) })), entry))
          .map(([articleId]) => articleId);
        return [key.pk, { item: byKey.get(itemKey({ ...key })), shares: new Map(shares), applied: new Set(applied) }];
      }),
    );
  }

  /** Name items the changes would need over what the summary records (none for a format-2 item: converted first). */
  private newNames({ kind, id, changes }: Aggregate, known: Known | undefined): Record<string, unknown>[] {
    if (known?.item && isLegacy(known.item)) return [];
    const state = known?.item ? Summary.fromItem(known.item) : Summary.emptySummary(id);
    const newer = changes.filter((change) => (known?.shares.get(change.articleId)?.version ?? '') < change.share.version);
    return namesToIndex(kind, state, newer.map((change) => change.share)).items.filter((item) => !this.written.has(itemKey(item)));
  }

  private enqueue(pk: string, aggregate: Aggregate, known: Known | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      const slot = this.slots.get(pk);
      const waiter = { changes: aggregate.changes, resolve, reject };
      if (slot) {
        slot.waiting.push(waiter);
        return;
      }
      const fresh: Slot = { kind: aggregate.kind, id: aggregate.id, waiting: [waiter] };
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

  private async writeNames(items: Record<string, unknown>[]): Promise<void> {
    await batchWrite(this.table.client, this.table.tableName, items.map(putRequest));
    if (this.written.size > MAX_REMEMBERED_NAMES) this.written.clear();
    for (const item of items) this.written.add(itemKey(item));
  }

  /**
   * Rounds until every change is applied: each round completes the pending entries (whoever announced
   * them) and, in the same conditional write that folds them, announces the next changes of this batch.
   */
  private async write(slot: Slot, changes: ShareChange[], start: Known | null): Promise<Known> {
    const aggregate: Aggregate = { kind: slot.kind, id: slot.id, changes };
    const readAll = async () => (await this.read([aggregate])).get(summaryKey(slot.kind, slot.id).pk) as Known;
    let known = start ?? (await readAll());
    // Shares of changes queued since `start` was read.
    const unknown = changes.filter((change) => !known.shares.has(change.articleId));
    if (unknown.length > 0) {
      const read = (await this.read([{ ...aggregate, changes: unknown }], false)).get(summaryKey(slot.kind, slot.id).pk) as Known;
      known = { ...known, shares: new Map([...known.shares, ...read.shares]) };
    }
    // The newest change per article.
    const wanted = new Map<string, Share>();
    for (const { articleId, share } of changes) {
      if ((wanted.get(articleId)?.version ?? '') < share.version) wanted.set(articleId, share);
    }

    for (let conflicts = 0; ; ) {
      if (known.item && isLegacy(known.item)) {
        await convertLegacy(this.table, slot.kind, known.item);
        known = await readAll();
        continue;
      }
      const state = known.item ? Summary.fromItem(known.item) : Summary.emptySummary(slot.id);
      const revision = state.revision + 1;
      const shares = new Map(known.shares);
      const pending: Record<string, PendingShare> = {};
      let next: SummaryState = state;

      const completions = await this.complete(slot, state.pending, known.applied);
      for (const [articleId, entry] of Summary.pendingInOrder(state.pending)) {
        const completion = completions.get(articleId) as Completion;
        if (completion.applied) {
          next = Summary.fold(next, entry.old, entry.new);
          shares.set(articleId, entry.new);
          continue;
        }
        shares.set(articleId, completion.share);
        // Announced over a share that had changed since: again, over the one found, unless that is as new.
        if ((completion.share?.version ?? '') < entry.new.version) pending[articleId] = { old: completion.share, new: entry.new, token: revision };
      }

      const due = [...wanted].filter(([articleId, share]) => ((pending[articleId]?.new ?? shares.get(articleId))?.version ?? '') < share.version);
      const room = MAX_PENDING - Object.keys(pending).length;
      const announced = due.filter(([articleId]) => !pending[articleId]).slice(0, Math.max(0, room));
      if (announced.length === 0 && Object.keys(pending).length === 0) {
        const entries = Object.keys(state.pending);
        if (entries.length === 0) return { item: known.item, shares, applied: new Set() };
        // Every entry's share is in place and the summary shows them folded already (Summary.settled): a
        // write only to fold them would cost a write unit and a request per aggregate and article, so the
        // next write folds them. Written now: a dropped entry (a newer share was in place: the summary
        // shows a change that did not happen), a day's entries (its counts are what its readers read), an
        // emptied date window (it needs the share items), and a journal that leaves the item big to read.
        const allApplied = entries.every((articleId) => completions.get(articleId)?.applied === true);
        const leaveToNext = allApplied && slot.kind !== 'day' && !Summary.needsDates(next) && byteSize(known.item) <= AT_REST_BUDGET_BYTES;
        if (leaveToNext) return { item: known.item, shares, applied: new Set(entries) };
      }
      for (const [articleId, share] of announced) pending[articleId] = { old: shares.get(articleId) ?? null, new: share, token: revision };

      // The names a share can show are indexed before the write that announces it.
      const index = namesToIndex(slot.kind, next, announced.map(([, share]) => share));
      const names = index.items.filter((item) => !this.written.has(itemKey(item)));
      if (names.length > 0) await this.writeNames(names);
      next = { ...next, indexedNames: index.indexedNames, indexedTypes: index.indexedTypes, pending, revision };
      if (Summary.needsDates(next)) next = Summary.withDates(next, await this.storedShares(slot));

      const item = Summary.toItem(slot.kind, summaryKey(slot.kind, slot.id), next);
      try {
        await this.table.client.send(
          new PutCommand({
            TableName: this.table.tableName,
            Item: item,
            ConditionExpression: known.item ? '#revision = :revision' : 'attribute_not_exists(pk)',
            ExpressionAttributeNames: known.item ? { '#revision': 'revision' } : undefined,
            ExpressionAttributeValues: known.item ? { ':revision': state.revision } : undefined,
          }),
        );
        known = { item, shares, applied: new Set() };
      } catch (error) {
        if (!isConditionFailure(error) || conflicts >= MAX_CONFLICTS) throw error;
        // Writers racing for one busy speaker would otherwise retry in lock step and keep colliding.
        await sleep(Math.random() * Math.min(CONFLICT_BACKOFF_CAP_MS, CONFLICT_BACKOFF_BASE_MS * 2 ** conflicts));
        conflicts++;
        known = await readAll();
      }
    }
  }

  /**
   * Puts the share of each pending entry, each only over the share it was announced to replace; an entry
   * whose share is known to be in place (`applied`) needs no request.
   */
  private async complete(slot: Slot, pending: Record<string, PendingShare>, applied: ReadonlySet<string>): Promise<Map<string, Completion>> {
    const { client, tableName } = this.table;
    const completions = new Map<string, Completion>();
    for (const articleId of Object.keys(pending)) if (applied.has(articleId)) completions.set(articleId, { applied: true });
    const open = Object.entries(pending).filter(([articleId]) => !applied.has(articleId));
    await forEachLimited(open, PARALLEL_SHARES, async ([articleId, entry]) => {
      const key = shareKey(slot.kind, slot.id, articleId);
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: shareToItem(slot.kind, key, slot.id, articleId, entry.new, entry.token),
            ConditionExpression: entry.old ? '#version = :old' : 'attribute_not_exists(pk)',
            ExpressionAttributeNames: entry.old ? { '#version': 'version' } : undefined,
            ExpressionAttributeValues: entry.old ? { ':old': entry.old.version } : undefined,
          }),
        );
        completions.set(articleId, { applied: true });
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
        if (isEntryShare(Item, entry)) completions.set(articleId, { applied: true });
        else completions.set(articleId, { applied: false, share: Item ? shareFromItem(Item) : null });
      }
    });
    return completions;
  }

  /** Every share item of the aggregate: only to refill an emptied date window, which withdrawals rarely cause. */
  private async storedShares(slot: Slot): Promise<Share[]> {
    const shares: Share[] = [];
    const pages = paginateQuery(
      { client: this.table.client },
      {
        TableName: this.table.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :share)',
        ExpressionAttributeValues: { ':pk': summaryKey(slot.kind, slot.id).pk, ':share': keys.sharePrefix },
        ConsistentRead: true,
      },
    );
    for await (const page of pages) shares.push(...(page.Items ?? []).map(shareFromItem));
    return shares;
  }
}
