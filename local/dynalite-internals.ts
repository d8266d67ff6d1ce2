import { createRequire } from 'node:module';

/**
 * The parts of dynalite that work on its database files directly: its key functions and its own copy of
 * `level`, so that keys written here are the keys dynalite reads. dynalite ships no types; these describe
 * what local/dynamo-repair.ts and its test use.
 */

interface KeySchemaElement {
  AttributeName: string;
  KeyType: string;
}
export interface IndexDescription {
  IndexName: string;
  KeySchema: KeySchemaElement[];
  Projection: { ProjectionType: string; NonKeyAttributes?: string[] };
}
/** A table's description as dynalite stores it under `table~<name>`. */
export interface TableDescription {
  TableName: string;
  KeySchema: KeySchemaElement[];
  AttributeDefinitions: { AttributeName: string; AttributeType: string }[];
  GlobalSecondaryIndexes?: IndexDescription[];
  LocalSecondaryIndexes?: IndexDescription[];
}
/** An item as dynalite stores it: attribute → { type: value }. */
export type StoredItem = Record<string, Record<string, unknown>>;

interface DynaliteDb {
  createKey(item: StoredItem, table: TableDescription): string;
  /** The index entries a write of `item` over `existing` puts and deletes (db/index.js, updateIndexes). */
  getIndexActions(
    indexes: IndexDescription[],
    existing: StoredItem | null,
    item: StoredItem,
    table: TableDescription,
  ): { puts: { index: string; key: string; item: StoredItem }[]; deletes: { index: string; key: string }[] };
}
export interface LevelDatabase {
  open(): Promise<void>;
  close(): Promise<void>;
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  iterator(range: { gte: string; lt: string }): AsyncIterable<[string, unknown]>;
  batch(operations: ({ type: 'put'; key: string; value: unknown } | { type: 'del'; key: string })[]): Promise<void>;
}

const fromDynalite = createRequire(createRequire(import.meta.url).resolve('dynalite'));
export const dynaliteDb = fromDynalite('./db/index.js') as DynaliteDb;
const { Level } = fromDynalite('level') as { Level: new (path: string, options: { valueEncoding: 'json' }) => LevelDatabase };

/** dynalite's LevelDB at `path`, opened as dynalite opens it (it must not be running on it). */
export async function openDynaliteLevel(path: string): Promise<LevelDatabase> {
  const db = new Level(path, { valueEncoding: 'json' });
  await db.open();
  return db;
}

/** Where dynalite keeps a table's items, and the entries of each of its indexes. */
export const itemPrefix = (tableName: string) => `item-${tableName}~`;
export const globalIndexPrefix = (tableName: string, indexName: string) => `index-global~${tableName}~${indexName}~`;
export const localIndexPrefix = (tableName: string, indexName: string) => `index-local~${tableName}~${indexName}~`;
