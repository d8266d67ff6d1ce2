import { access, mkdir, rm, writeFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { DescribeTableCommand, DynamoDBClient, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createTable } from '../shared/store/create-table.ts';
import { recordFormat } from '../shared/store/dynamodb/store-format.ts';
import { repairIndexes } from './dynamo-repair.ts';
import { LOCAL_REGION } from './s3-notifications.ts';

export interface LocalDynamo {
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

type WorkerMessage =
  | { type: 'listening'; port: number }
  | { type: 'failed'; message: string; code?: string }
  | { type: 'closed'; message?: string };

const WORKER = new URL('./dynamo-worker.mjs', import.meta.url);

/**
 * dynalite on `port` (0 for a free one) with the project's table, created when missing (stamped with the
 * current store format, so that start-up need not search it for an older layout). With a directory
 * the data lives on disk (LevelDB) and survives restarts; without one it is in memory.
 *
 * It runs in a worker thread: every DynamoDB request costs CPU on both sides (the SDK client, and dynalite
 * parsing, validating and storing), and on one thread the two queue behind each other. In a worker the
 * database works on the second core, still inside the one `npm start` process.
 *
 * On disk, a marker beside the directory says the database is open; a clean close removes it. Found at
 * start, it means the last run was killed, perhaps mid-write, and the indexes are repaired first
 * (dynamo-repair.ts says why).
 */
export async function startLocalDynamo({ port, directory, tableName }: { port: number; directory?: string; tableName: string }): Promise<LocalDynamo> {
  if (directory) await openOnDisk(directory);
  const worker = new Worker(WORKER, { workerData: { port, ...(directory ? { path: directory } : {}) } });
  // An uncaught error in the worker (a request racing a close) is reported, not left to end this process.
  worker.on('error', (error) => console.error('local DynamoDB (dynalite worker) failed:', error));
  const actualPort = await new Promise<number>((resolve, reject) => {
    worker.once('message', (message: WorkerMessage) => {
      if (message.type === 'listening') return resolve(message.port);
      reject(Object.assign(new Error(message.type === 'failed' ? message.message : `unexpected ${message.type}`), message.type === 'failed' ? { code: message.code } : {}));
    });
    worker.once('exit', (code) => reject(new Error(`the dynalite worker exited (code ${code}) before it listened`)));
  });
  let exited = false;
  worker.once('exit', () => (exited = true));
  // After a crash the thread is gone and there is nothing left to close.
  const close = async () => {
    if (exited) return;
    await closeWorker(worker);
    if (directory) await rm(openMarker(directory), { force: true });
  };
  const endpoint = `http://localhost:${actualPort}`;
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    if (!(await tableExists(client, tableName))) {
      await createTable(client, tableName);
      await recordFormat({ client: DynamoDBDocumentClient.from(client), tableName });
    }
  } catch (error) {
    await close();
    throw error;
  } finally {
    client.destroy();
  }
  return { endpoint, port: actualPort, close };
}

const openMarker = (directory: string) => `${directory}.open`;

/** Repairs the indexes when the last run did not close the database, then marks it open. */
async function openOnDisk(directory: string): Promise<void> {
  await mkdir(directory, { recursive: true });
  const unclean = await access(openMarker(directory)).then(
    () => true,
    () => false,
  );
  if (unclean) {
    const { removed, written } = await repairIndexes(directory);
    if (removed + written > 0) console.error(`local DynamoDB: the last run stopped mid-write; index entries repaired: ${removed} removed, ${written} written`);
  }
  await writeFile(openMarker(directory), `${process.pid}\n`);
}

/** Asks the worker to close the server and the database (flushed to disk), then waits for the thread to end. */
function closeWorker(worker: Worker): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let failure: Error | undefined;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'closed' && message.message) failure = new Error(`closing dynalite: ${message.message}`);
    });
    worker.once('exit', () => (failure ? reject(failure) : resolve()));
    worker.postMessage('close');
  });
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
