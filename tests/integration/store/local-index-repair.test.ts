/**
 * The local table after a kill mid-write (local/dynamo-repair.ts). dynalite writes an item's index entries
 * before the item, as separate LevelDB writes; the damage a kill leaves between them is made here exactly, on
 * the database's files, with dynalite's own index functions. One write stopped after its new index entry was
 * put (the item still holds the old values), another after its old entry was deleted. The ingest's retry then
 * writes the first item again. Started with the marker a killed run leaves, the list read through the index
 * shows every item once with its values; started without it, the damage shows as CI saw it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { dynaliteDb, globalIndexPrefix, openDynaliteLevel, type TableDescription } from '../../../local/dynalite-internals.ts';
import { startLocalDynamo, type LocalDynamo } from '../../../local/dynamo.ts';

const TABLE = 'repair';
type Stored = Record<string, { S: string }>;
const stored = (name: string, position: string): Stored => ({
  pk: { S: `ITEM#${name}` },
  sk: { S: 'ITEM' },
  gsi1pk: { S: 'LIST' },
  gsi1sk: { S: position },
  name: { S: name },
});

let root: string | undefined;
let dynamo: LocalDynamo | undefined;
afterEach(async () => {
  await dynamo?.close();
  dynamo = undefined;
  if (root) await rm(root, { recursive: true, force: true });
});

/** Three items written and the database closed cleanly, then two writes left half-done as a kill leaves them. */
async function damagedDatabase(): Promise<string> {
  root = await mkdtemp(join(tmpdir(), 'onrecord-repair-'));
  const directory = join(root, 'dynamo');
  dynamo = await startLocalDynamo({ port: 0, directory, tableName: TABLE });
  const client = documentClient(dynamo);
  for (const [name, position] of [['a', '1'], ['b', '1'], ['c', '1']]) {
    await client.send(new PutCommand({ TableName: TABLE, Item: plain(stored(name!, position!)) }));
  }
  client.destroy();
  await dynamo.close();
  dynamo = undefined;

  const db = await openDynaliteLevel(directory);
  const table = (await db.get(`table~${TABLE}`)) as TableDescription;
  const gsi1 = table.GlobalSecondaryIndexes!.find((index) => index.IndexName === 'gsi1')!;
  const entries = globalIndexPrefix(TABLE, 'gsi1');
  const partWrite = async (before: Stored, after: Stored, stage: 'entries deleted' | 'entries put') => {
    const actions = dynaliteDb.getIndexActions([gsi1], before, after, table);
    for (const { key } of actions.deletes) await db.del(entries + key);
    if (stage === 'entries put') for (const { key, item } of actions.puts) await db.put(entries + key, item);
  };
  await partWrite(stored('a', '1'), stored('a', '2'), 'entries put');
  await partWrite(stored('b', '1'), stored('b', '2'), 'entries deleted');
  await db.close();
  return directory;
}

function documentClient(local: LocalDynamo) {
  return DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: local.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));
}

function plain(item: Stored): Record<string, string> {
  return Object.fromEntries(Object.entries(item).map(([name, value]) => [name, value.S]));
}

/** The retried write of item a lands, then the list is read through the index. */
async function listAfterRetry(local: LocalDynamo): Promise<string[]> {
  const client = documentClient(local);
  await client.send(new PutCommand({ TableName: TABLE, Item: plain(stored('a', '3')) }));
  const { Items = [] } = await client.send(
    new QueryCommand({ TableName: TABLE, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :list', ExpressionAttributeValues: { ':list': 'LIST' } }),
  );
  client.destroy();
  // Items of equal sort keys come in an order of dynalite's choosing.
  return Items.map((item) => `${item.name as string}@${item.gsi1sk as string}`).sort();
}

describe('the local table after a kill mid-write', () => {
  it('repairs its index at the next start: every item listed once, with the values the item holds', async () => {
    const path = await damagedDatabase();
    await writeFile(`${path}.open`, 'killed\n');
    dynamo = await startLocalDynamo({ port: 0, directory: path, tableName: TABLE });
    expect(await listAfterRetry(dynamo)).toEqual(['a@3', 'b@1', 'c@1']);
  });

  it('shows the damage when started as after a clean stop (which leaves no marker)', async () => {
    const path = await damagedDatabase();
    dynamo = await startLocalDynamo({ port: 0, directory: path, tableName: TABLE });
    expect(await listAfterRetry(dynamo)).toEqual(['a@2', 'a@3', 'c@1']);
  });
});
