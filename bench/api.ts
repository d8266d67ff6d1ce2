/**
 * API latency and throughput against the API served over the loaded store, for the four main read paths.
 * Each endpoint gets runs at a fixed 200 requests/s, open loop (bench/fixed-rate.ts: latency at the target
 * load, queueing included), and runs as fast as it answers (autocannon: throughput). Both load generators
 * run in processes of their own.
 */
import { load, type LoadResult } from './autocannon.ts';
import { runFixedRate, type FixedRateResult } from './fixed-rate.ts';
import { loadedStore } from './loaded-store.ts';
import type { Measure, Row } from './measure.ts';
import { serveApi } from './served-api.ts';
import { sleep, summarize } from './stats.ts';

const ENDPOINTS = ['/articles', '/articles/{id}', '/statements?speaker=', '/speakers?prefix='];
const RUNS = 3;
const RATE = 200;
const RATE_SECONDS = 5;
const CONNECTIONS = 10;
const MAX_SECONDS = 3;
/** Below this share of the offered rate the server did not keep up: its latencies are those of a growing queue. */
const KEPT_UP = 0.95;
/** Lets the answers still owed from an overloaded run drain before the next run starts. */
const SETTLE_MS = 1_000;

export const apiMeasure: Measure = {
  name: 'api',
  title: 'API latency at 200 req/s and throughput',
  async run({ every }) {
    const loaded = await loadedStore(every);
    const { api, paths } = await serveApi(loaded);
    const rows: Row[] = [];
    const failures: string[] = [];
    const overloaded: string[] = [];
    try {
      for (const name of ENDPOINTS) {
        const url = `${api.url}${paths[name]!}`;
        await load({ url, connections: CONNECTIONS, seconds: 1 }); // warm-up: JIT, connections
        await sleep(SETTLE_MS);
        const atRate: FixedRateResult[] = [];
        const flatOut: LoadResult[] = [];
        for (let i = 0; i < RUNS; i++) {
          atRate.push(await runFixedRate({ url, rate: RATE, seconds: RATE_SECONDS }));
          await sleep(SETTLE_MS);
        }
        for (let i = 0; i < RUNS; i++) {
          flatOut.push(await load({ url, connections: CONNECTIONS, seconds: MAX_SECONDS }));
          await sleep(SETTLE_MS);
        }
        rows.push(
          { metric: `GET ${name} p50 @ ${RATE} req/s`, unit: 'ms', summary: summarize(atRate.map((r) => r.p50)) },
          { metric: `GET ${name} p99 @ ${RATE} req/s`, unit: 'ms', summary: summarize(atRate.map((r) => r.p99)), target: { op: '<=', value: 50 } },
          { metric: `GET ${name} answered @ ${RATE} req/s offered`, unit: 'req/s', summary: summarize(atRate.map((r) => r.answeredPerSecond)) },
          { metric: `GET ${name} max throughput (${CONNECTIONS} connections)`, unit: 'req/s', summary: summarize(flatOut.map((r) => r.requestsPerSecond)) },
        );
        const failed = atRate.reduce((sum, r) => sum + r.failures, 0) + flatOut.reduce((sum, r) => sum + r.failures, 0);
        if (failed > 0) failures.push(`GET ${name}: ${failed} non-2xx answers, errors or timeouts.`);
        if (atRate.some((r) => r.answeredPerSecond < KEPT_UP * RATE)) overloaded.push(`GET ${name}`);
      }
    } finally {
      await api.close();
    }
    return {
      rows,
      notes: [
        `API: \`createApi\` (functions/api/app.ts, as the Lambda handler builds it) over \`TestStore\` on the local pipeline's dynalite (local/dynamo.ts: in memory, in a worker thread), served by local/http.ts in the bench process, loaded with ${loaded.perObject.length} objects (every ${every === 1 ? '' : `${every}th `}article of the corpus). The load generators run in child processes: on 2 cores they compete with the server's two threads.`,
        `Per endpoint: a 1 s warm-up, ${RUNS} runs of ${RATE_SECONDS} s at a fixed ${RATE} req/s, open loop (bench/fixed-rate.ts: one request every ${1000 / RATE} ms whether or not earlier ones were answered, each latency from its scheduled time to the end of its answer, so queueing counts), then ${RUNS} runs of ${MAX_SECONDS} s with autocannon as fast as it answers over ${CONNECTIONS} connections.`,
        overloaded.length > 0
          ? `Did not keep up with ${RATE} req/s (answered < ${KEPT_UP * 100}% of the offered rate in some run), so their latencies are those of a growing queue: ${overloaded.join(', ')}.`
          : `Every endpoint kept up with ${RATE} req/s.`,
        `URLs: ${ENDPOINTS.map((name) => `\`${paths[name]!}\``).join(', ')} (the sample's first article with statements; the speaker with the most statements, ${loaded.busiestSpeaker.name}).`,
        ...(failures.length > 0 ? failures : ['Every answer was 2xx.']),
      ],
    };
  },
};
