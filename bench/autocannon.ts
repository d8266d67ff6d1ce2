/**
 * Runs autocannon in its own process, so the load generator does not share the event loop of the API
 * it measures (the local pipeline runs in the bench process). It measures throughput: each connection sends
 * its next request as soon as its answer arrives. Latency at a fixed rate is bench/fixed-rate.ts's job.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

const run = promisify(execFile);
const CLI = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
}

export interface LoadResult {
  p50: number;
  p99: number;
  requestsPerSecond: number;
  requests: number;
  /** Non-2xx answers, errors and timeouts together: a run with any is not a fair measure. */
  failures: number;
}

interface AutocannonJson {
  latency: { p50: number; p99: number };
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

export async function load({ url, connections, seconds }: LoadOptions): Promise<LoadResult> {
  const args = [CLI, '--json', '--no-progress', '-c', String(connections), '-d', String(seconds), url];
  const { stdout } = await run(process.execPath, args, { maxBuffer: 1 << 24 });
  const result = JSON.parse(stdout) as AutocannonJson;
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
