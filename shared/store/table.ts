/**
 * The physical shape of the single DynamoDB table, in one place: the CDK stack, the local runner and the
 * tests all create the table from this, so they cannot drift. Keys are generic strings (pk/sk and
 * overloaded gsiNpk/gsiNsk) and the item types map their access patterns onto them (see README).
 */
export interface KeyPair {
  partitionKey: string;
  sortKey: string;
}

export interface TableIndex extends KeyPair {
  name: string;
}

export const TABLE_KEYS: KeyPair = { partitionKey: 'pk', sortKey: 'sk' };

export const TABLE_INDEXES: readonly TableIndex[] = [
  { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
];

/** Every key attribute, all strings: what CreateTable's AttributeDefinitions needs. */
export const KEY_ATTRIBUTES: readonly string[] = [
  TABLE_KEYS.partitionKey,
  TABLE_KEYS.sortKey,
  ...TABLE_INDEXES.flatMap((index) => [index.partitionKey, index.sortKey]),
];
