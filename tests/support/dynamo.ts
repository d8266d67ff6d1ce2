/**
 * Embedded DynamoDB for tests: dynalite (pure JS, in memory) and DynamoDB Local (the official emulator, Java),
 * each on a free port with the project's table created from shared/store/table.ts. The storage suite runs
 * against both (`describe.each(dynamoBackends)`), so the code is checked on real DynamoDB semantics too.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createTable } from '../../shared/store/create-table.ts';
import { ensureDynamoDbLocal } from '../../scripts/dynamodb-local.ts';

export interface DynamoInstance {
  endpoint: string;
  tableName: string;
  client: DynamoDBClient;
  /** The marshalling client the store takes. */
  documentClient: DynamoDBDocumentClient;
  stop(): Promise<void>;
}

export interface DynamoBackend {
  name: 'dynalite' | 'dynamodb-local';
  /** Why this backend cannot run here, or null when it can. */
  skipReason: string | null;
  start(): Promise<DynamoInstance>;
}

/** Emulators accept any credentials; fixed ones keep the SDK from looking for real ones. */
export function localClient(endpoint: string, options: { maxAttempts?: number } = {}): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: options.maxAttempts ?? 3,
  });
}

export function documentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

async function withTable(endpoint: string, stopServer: () => Promise<void>): Promise<DynamoInstance> {
  const client = localClient(endpoint);
  const tableName = `onrecord-test-${randomUUID().slice(0, 8)}`;
  try {
    await createTable(client, tableName);
  } catch (error) {
    client.destroy();
    await stopServer();
    throw error;
  }
  return {
    endpoint,
    tableName,
    client,
    documentClient: documentClient(client),
    async stop() {
      client.destroy();
      await stopServer();
    },
  };
}

type DynaliteFactory = (options: { createTableMs: number; deleteTableMs: number; updateTableMs: number }) => Server;
// dynalite is CommonJS without type declarations: load it through require and describe the one call we make.
const dynalite = createRequire(import.meta.url)('dynalite') as DynaliteFactory;

/** dynalite in memory on a free port. */
export async function startDynalite(): Promise<DynamoInstance> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const stopServer = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return withTable(`http://127.0.0.1:${port}`, stopServer);
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Null when a `java` executable answers, else the reason DynamoDB Local cannot run. */
export function javaMissingReason(): string | null {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) return `Java is not installed (java -version failed: ${probe.error?.message ?? `exit ${probe.status}`})`;
  return null;
}

/** DynamoDB Local (in memory, one shared database) in a child JVM on a free port. */
export async function startDynamoDbLocal(): Promise<DynamoInstance> {
  const dir = ensureDynamoDbLocal();
  const port = await freePort();
  const jvm = spawn(
    'java',
    [
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      '-Xms64m',
      // Start fast: the tests are short-lived, so quick JIT tiers matter more than peak speed.
      '-XX:TieredStopAtLevel=1',
      '-XX:+UseSerialGC',
      '-jar',
      join(dir, 'DynamoDBLocal.jar'),
      '-inMemory',
      '-sharedDb',
      '-disableTelemetry',
      '-port',
      String(port),
    ],
    { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  jvm.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => jvm.once('exit', () => resolve()));
  const stopServer = async () => {
    if (jvm.exitCode === null && jvm.signalCode === null) jvm.kill('SIGTERM');
    await exited;
  };
  const endpoint = `http://127.0.0.1:${port}`;
  const probe = localClient(endpoint);
  try {
    for (let attempt = 0; ; attempt++) {
      if (jvm.exitCode !== null) throw new Error(`DynamoDB Local exited with ${jvm.exitCode}: ${stderr}`);
      try {
        await probe.send(new ListTablesCommand({}));
        break;
      } catch (error) {
        if (attempt >= 150) throw new Error(`DynamoDB Local did not answer on ${endpoint}: ${String(error)} ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } catch (error) {
    await stopServer();
    throw error;
  } finally {
    probe.destroy();
  }
  return withTable(endpoint, stopServer);
}

export const dynamoBackends: DynamoBackend[] = [
  { name: 'dynalite', skipReason: null, start: startDynalite },
  { name: 'dynamodb-local', skipReason: javaMissingReason(), start: startDynamoDbLocal },
];
