import { isDeepStrictEqual } from 'node:util';
import {
  dynaliteDb,
  globalIndexPrefix,
  itemPrefix,
  localIndexPrefix,
  openDynaliteLevel,
  type IndexDescription,
  type LevelDatabase,
  type StoredItem,
  type TableDescription,
} from './dynalite-internals.ts';

/**
 * dynalite stores an item and its index entries as separate LevelDB writes (db/index.js, updateIndexes: the
 * old entries are deleted, the new ones put, then the item itself). A process killed between them leaves an
 * index that disagrees with its table: an entry of a write that never landed beside the item's real one, or
 * no entry at all, so a list read through a GSI shows a row twice or misses it. CI saw exactly that, two
 * /ingestions rows for one key after the crash test's SIGKILL. DynamoDB writes an item and its indexes as
 * one, so after an unclean stop the local stand-in is brought back to that: every index entry is checked
 * against the item it names, every item against its entries, before the database serves again.
 *
 * It works on dynalite's own LevelDB layout with dynalite's own key functions (dynalite-internals.ts).
 */

const BATCH = 500;

export interface IndexRepair {
  /** Index entries removed: of a write that never reached its item, or of an item that is gone. */
  removed: number;
  /** Index entries written: an item's entry that was missing or held other values. */
  written: number;
}

/** Makes every index of every table in the dynalite database at `path` agree with the table's items. */
export async function repairIndexes(path: string): Promise<IndexRepair> {
  const db = await openDynaliteLevel(path);
  try {
    const repair: IndexRepair = { removed: 0, written: 0 };
    for await (const [, table] of entries(db, 'table~')) {
      const { removed, written } = await repairTable(db, table as TableDescription);
      repair.removed += removed;
      repair.written += written;
    }
    return repair;
  } finally {
    await db.close();
  }
}

async function repairTable(db: LevelDatabase, table: TableDescription): Promise<IndexRepair> {
  const items = itemPrefix(table.TableName);
  const indexes = [
    ...(table.GlobalSecondaryIndexes ?? []).map((index) => ({ index, prefix: globalIndexPrefix(table.TableName, index.IndexName) })),
    ...(table.LocalSecondaryIndexes ?? []).map((index) => ({ index, prefix: localIndexPrefix(table.TableName, index.IndexName) })),
  ];
  const writes = batchWriter(db);
  let removed = 0;
  let written = 0;

  // Entries first: each must be the entry its item would have, at this key and with these values.
  for (const { index, prefix } of indexes) {
    for await (const [key, value] of entries(db, prefix)) {
      const pieces = value as StoredItem;
      const item = (await db.get(items + dynaliteDb.createKey(pieces, table))) as StoredItem | undefined;
      const expected = item ? entryOf(table, index, item) : undefined;
      if (expected && prefix + expected.key === key && isDeepStrictEqual(expected.item, pieces)) continue;
      await writes.push({ type: 'del', key });
      removed += 1;
    }
  }
  await writes.flush();

  // Then items: each needs its entry in every index whose keys it has.
  for await (const [, value] of entries(db, items)) {
    const item = value as StoredItem;
    for (const { index, prefix } of indexes) {
      const expected = entryOf(table, index, item);
      if (!expected) continue;
      const stored = (await db.get(prefix + expected.key)) as StoredItem | undefined;
      if (stored && isDeepStrictEqual(expected.item, stored)) continue;
      await writes.push({ type: 'put', key: prefix + expected.key, value: expected.item });
      written += 1;
    }
  }
  await writes.flush();
  return { removed, written };
}

/**
 * The entry dynalite writes for `item` in `index` (none when the item lacks the index's key attributes), its
 * values as read back from the JSON encoding, so that they compare equal to a stored one.
 */
function entryOf(table: TableDescription, index: IndexDescription, item: StoredItem): { key: string; item: StoredItem } | undefined {
  const put = dynaliteDb.getIndexActions([index], null, item, table).puts[0];
  return put && { key: put.key, item: JSON.parse(JSON.stringify(put.item)) as StoredItem };
}

function entries(db: LevelDatabase, prefix: string): AsyncIterable<[string, unknown]> {
  // '\uffff' sorts after every character dynalite puts in a key.
  return db.iterator({ gte: prefix, lt: `${prefix}\uffff` });
}

function batchWriter(db: LevelDatabase) {
  let pending: Parameters<LevelDatabase['batch']>[0] = [];
  const flush = async () => {
    if (pending.length) await db.batch(pending);
    pending = [];
  };
  return {
    flush,
    push: async (operation: Parameters<LevelDatabase['batch']>[0][number]) => {
      pending.push(operation);
      if (pending.length >= BATCH) await flush();
    },
  };
}
