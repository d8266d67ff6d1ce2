/**
 * Runs autocannon in its own process, so the load generator does not share the event loop of the API
 * it measures (the local pipeline runs in the bench process).
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
  /** Requests per second over all connections; unset for as fast as the server answers. */
  rate?: number;
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

export async function load({ url, connections, seconds, rate }: LoadOptions): Promise<LoadResult> {
  const args = [CLI, '--json', '--no-progress', '-c', String(connections), '-d', String(seconds)];
  // With a fixed rate, autocannon 9 "corrects" for coordinated omission with an expected interval of
  // ceil(1 / rate) = 1 ms instead of 1000 / rate ms, inventing samples: record the real latencies instead.
  if (rate) args.push('-R', String(rate), '--ignoreCoordinatedOmission');
  args.push(url);
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
