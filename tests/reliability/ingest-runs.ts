/**
 * Starts ingest runs (ingest-run.ts) in child processes and reads back what they stored. A child that
 * fails is reported with its exit code and the end of its stderr; children still running when the caller
 * gives up are killed, and the temp files go with them.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize } from 'node:v8';
import type { S3EventRecord } from 'aws-lambda';
import type { FaultStats } from '../support/faults.ts';
import { itemKey, type Item } from './table-diff.ts';

const CHILD = fileURLToPath(new URL('./ingest-run.ts', import.meta.url));
const STDERR_LINES = 30;

export interface RunConfig {
  name: string;
  notificationsFile: string;
  /** Where the child writes `<out>.items` and `<out>.json`. */
  out: string;
  seed: number;
  /** Share of S3/DynamoDB attempts that fail; 0 for the reference run. */
  faultRate: number;
  /** Queues, each feeding its own handler instance (its own store and DynamoDB client). */
  consumers: number;
  /** Batches each queue has in flight at once, as the event source mapping's MaximumConcurrency. */
  batchesPerConsumer: number;
  maxReceiveCount: number;
}

export interface RunFigures {
  faults: FaultStats | null;
  deliveries: number;
  failuresReported: number;
  deadLettered: number;
  /** Conditional puts of speaker/entity aggregates, and how many of them found the item changed since read. */
  aggregateWrites: number;
  conflicts: number;
  /** Wall time of the ingest (from the first send to the last redriven message done). */
  seconds: number;
  /** CPU time of the whole child (handler thread and dynalite worker), ingest and scan. */
  cpuSeconds: number;
  items: number;
}

export interface Run extends RunFigures {
  table: Map<string, Item>;
}

export type RunSettings = Omit<RunConfig, 'name' | 'notificationsFile' | 'out'>;

export interface IngestRuns {
  /** Runs the settings given, all at once, each in its own process; resolves with every run's result. */
  run(runs: Record<string, RunSettings>): Promise<Record<string, Run>>;
  /** Kills children still running and removes the temp files. */
  close(): Promise<void>;
}

export async function ingestRuns(notifications: readonly S3EventRecord[], env: Record<string, string>): Promise<IngestRuns> {
  const directory = await mkdtemp(join(tmpdir(), 'onrecord-fault-runs-'));
  const notificationsFile = join(directory, 'notifications.json');
  await writeFile(notificationsFile, JSON.stringify(notifications));
  const children = new Set<ChildProcess>();

  const runOne = async (name: string, settings: RunSettings): Promise<Run> => {
    const out = join(directory, name);
    const config: RunConfig = { name, notificationsFile, out, ...settings };
    const child = fork(CHILD, [JSON.stringify(config)], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    children.add(child);
    const stderr: string[] = [];
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr.push(...chunk.split('\n'));
      stderr.splice(0, Math.max(0, stderr.length - STDERR_LINES));
    });
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
    });
    children.delete(child);
    if (code !== 0) throw new Error(`the ${name} ingest run exited with ${signal ?? `code ${code}`}; its stderr ended:\n${stderr.join('\n')}`);
    const figures = JSON.parse(await readFile(`${out}.json`, 'utf8')) as RunFigures;
    const items = deserialize(await readFile(`${out}.items`)) as Item[];
    return { ...figures, table: new Map(items.map((item) => [itemKey(item), item])) };
  };

  return {
    async run(runs) {
      const results = await Promise.all(Object.entries(runs).map(async ([name, settings]) => [name, await runOne(name, settings)] as const));
      return Object.fromEntries(results);
    },
    async close() {
      for (const child of children) child.kill('SIGKILL');
      children.clear();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
