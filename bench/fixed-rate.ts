/**
 * An open-loop load generator: requests go out on a fixed schedule (one every 1000 / rate ms), whether or not
 * earlier ones have been answered, as independent users would send them. autocannon cannot do this: its
 * rate is a per-connection budget per second, spent back to back at the start of each second, and a
 * connection waits for its answer before sending again, so a slow server is sent less and its queueing
 * never shows in the latencies (coordinated omission).
 *
 * Each latency runs from the request's scheduled time to the end of its answer, so time a request spent
 * waiting to be sent counts too. Runs in a process of its own (`runFixedRate`), so that it does not share
 * the event loop of the server it measures.
 */
import { execFile } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { percentile } from './stats.ts';

export interface FixedRateOptions {
  url: string;
  /** Requests per second, evenly spaced. */
  rate: number;
  seconds: number;
}

export interface FixedRateResult {
  p50: number;
  p99: number;
  max: number;
  /** Requests sent (rate × seconds). */
  requests: number;
  /** Answers per second over the whole run, from the first request to the last answer. */
  answeredPerSecond: number;
  /** Non-2xx answers, connection errors and timeouts. */
  failures: number;
}

const TIMEOUT_MS = 30_000;
const SCRIPT = fileURLToPath(import.meta.url);

/** Runs the generator in a child process (same Node flags as this one) and returns what it measured. */
export async function runFixedRate({ url, rate, seconds }: FixedRateOptions): Promise<FixedRateResult> {
  const { stdout } = await promisify(execFile)(process.execPath, [...process.execArgv, SCRIPT, url, String(rate), String(seconds)], {
    maxBuffer: 1 << 24,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as FixedRateResult;
}

function send(agent: Agent, url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(url, { agent, timeout: TIMEOUT_MS }, (response) => {
      response.resume();
      response.on('end', () => resolve((response.statusCode ?? 0) >= 200 && (response.statusCode ?? 0) < 300));
      response.on('error', () => resolve(false));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

async function generate({ url, rate, seconds }: FixedRateOptions): Promise<FixedRateResult> {
  // As many connections as requests outstanding: a busy server gets a longer queue, not fewer requests.
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  let failures = 0;
  let next = 0;
  const start = performance.now();
  await new Promise<void>((done) => {
    const tick = () => {
      const now = performance.now();
      // Everything due by now goes out, so a late timer does not lower the rate.
      while (next < total && start + next * interval <= now) {
        const due = start + next * interval;
        next += 1;
        pending.push(
          send(agent, url).then((ok) => {
            latencies.push(performance.now() - due);
            if (!ok) failures += 1;
          }),
        );
      }
      if (next < total) setTimeout(tick, Math.max(0, start + next * interval - performance.now()));
      else done();
    };
    tick();
  });
  await Promise.all(pending);
  const elapsed = performance.now() - start;
  agent.destroy();
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: Math.max(...latencies),
    requests: total,
    answeredPerSecond: (total - failures) / (elapsed / 1000),
    failures,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [url, rate, seconds] = process.argv.slice(2);
  if (!url || !rate || !seconds) throw new Error('usage: fixed-rate.ts URL RATE SECONDS');
  console.log(JSON.stringify(await generate({ url, rate: Number(rate), seconds: Number(seconds) })));
}
