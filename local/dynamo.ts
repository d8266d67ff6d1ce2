import type { Server } from 'node:http';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { DescribeTableCommand, DynamoDBClient, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { createTable } from '../shared/store/create-table.ts';
import { LOCAL_REGION } from './s3-notifications.ts';

export interface LocalDynamo {
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

type DynaliteFactory = (options: { path?: string; createTableMs: number; deleteTableMs: number; updateTableMs: number }) => Server;
// dynalite is CommonJS without type declarations: load it through require and describe the one call made.
const dynalite = createRequire(import.meta.url)('dynalite') as DynaliteFactory;

/**
 * dynalite on `port` (0 for a free one) with the project's table, created when missing. With a directory
 * the data lives on disk (LevelDB) and survives restarts; without one it is in memory.
 */
export async function startLocalDynamo({ port, directory, tableName }: { port: number; directory?: string; tableName: string }): Promise<LocalDynamo> {
  if (directory) await mkdir(directory, { recursive: true });
  const server = dynalite({ ...(directory ? { path: directory } : {}), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, 'localhost', () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  const endpoint = `http://localhost:${actualPort}`;
  const close = () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    if (!(await tableExists(client, tableName))) await createTable(client, tableName);
  } catch (error) {
    await close();
    throw error;
  } finally {
    client.destroy();
  }
  return { endpoint, port: actualPort, close };
}

async function tableExists(client: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return true;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return false;
    throw error;
  }
}
