/**
 * API latency and throughput: autocannon (its own process) against the API served over the loaded store,
 * for the four main read paths. Each endpoint gets runs at a fixed 200 requests/s (latency at the target
 * load) and runs as fast as it answers (throughput).
 */
import { load, type LoadResult } from './autocannon.ts';
import { loadedStore } from './loaded-store.ts';
import type { Measure, Row } from './measure.ts';
import { serveApi } from './served-api.ts';
import { summarize } from './stats.ts';

const ENDPOINTS = ['/articles', '/articles/{id}', '/statements?speaker=', '/speakers?prefix='];
const RUNS = 3;
const RATE = 200;
const CONNECTIONS = 10;
const RATE_SECONDS = 5;
const MAX_SECONDS = 3;

export const apiMeasure: Measure = {
  name: 'api',
  title: 'API latency and throughput (autocannon)',
  async run({ every }) {
    const loaded = await loadedStore(every);
    const { api, paths } = await serveApi(loaded);
    const rows: Row[] = [];
    const failures: string[] = [];
    try {
      for (const name of ENDPOINTS) {
        const url = `${api.url}${paths[name]!}`;
        await load({ url, connections: CONNECTIONS, seconds: 1 }); // warm-up: JIT, connections
        const atRate: LoadResult[] = [];
        const flatOut: LoadResult[] = [];
        for (let i = 0; i < RUNS; i++) atRate.push(await load({ url, connections: CONNECTIONS, seconds: RATE_SECONDS, rate: RATE }));
        for (let i = 0; i < RUNS; i++) flatOut.push(await load({ url, connections: CONNECTIONS, seconds: MAX_SECONDS }));
        rows.push(
          { metric: `GET ${name} p50 @ ${RATE} req/s`, unit: 'ms', summary: summarize(atRate.map((r) => r.p50)) },
          { metric: `GET ${name} p99 @ ${RATE} req/s`, unit: 'ms', summary: summarize(atRate.map((r) => r.p99)), target: { op: '<=', value: 50 } },
          { metric: `GET ${name} max throughput`, unit: 'req/s', summary: summarize(flatOut.map((r) => r.requestsPerSecond)) },
        );
        const failed = [...atRate, ...flatOut].reduce((sum, r) => sum + r.failures, 0);
        if (failed > 0) failures.push(`GET ${name}: ${failed} non-2xx answers, errors or timeouts.`);
      }
    } finally {
      await api.close();
    }
    return {
      rows,
      notes: [
        `API: \`createApi\` (functions/api/app.ts, as the Lambda handler builds it) over \`DynamoArticleStore\` on in-memory dynalite, served by local/http.ts in the bench process, loaded with ${loaded.perObject.length} objects (every ${every === 1 ? '' : `${every}th `}article of the corpus). autocannon runs in a child process: the server's process and the load generator each have one of the 2 cores at best.`,
        `Per endpoint: a 1 s warm-up, ${RUNS} runs of ${RATE_SECONDS} s at ${RATE} req/s over ${CONNECTIONS} connections (latencies as measured: autocannon 9's coordinated-omission correction is off, it uses a 1 ms interval), then ${RUNS} runs of ${MAX_SECONDS} s as fast as it answers over ${CONNECTIONS} connections. autocannon reports whole milliseconds.`,
        `URLs: ${ENDPOINTS.map((name) => `\`${paths[name]!}\``).join(', ')} (newest article; the speaker with the most statements, ${loaded.busiestSpeaker.name}).`,
        ...(failures.length > 0 ? failures : ['Every answer was 2xx.']),
      ],
    };
  },
};
