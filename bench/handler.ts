/**
 * API handler overhead: the Lambda handler as functions/api/handler.ts builds it (createApi with the web
 * routes) over the unit tests' in-memory reader, so what is timed is what the function itself does per
 * request (middlewares, routing, validation, serialisation, rendering), with no DynamoDB and no network.
 */
import { readFile } from 'node:fs/promises';
import { createApi } from '../functions/api/app.ts';
import { parseDocument } from '../shared/parse/index.ts';
import { webRoutes } from '../functions/api/web/routes.ts';
import { memoryReader } from '../tests/support/memory-reader.ts';
import { httpEvent, lambdaContext, silentLogger } from '../tests/unit/api/support/http.ts';
import * as records from '../tests/unit/api/support/records.ts';
import { KARABAKH_ID, TRICKY_KEY } from '../tests/unit/api/support/records.ts';
import type { Measure, Row } from './measure.ts';
import { percentile, summarize } from './stats.ts';

/**
 * Requests before the timed ones. V8 optimises hot code on helper threads, and process.cpuUsage counts every
 * thread, so while it settles a request's CPU time includes compiling: with 300 warm-ups the pages' p99 was
 * that (3.6 ms, against 0.2–1.7 once settled). A warm Lambda serves thousands of requests; its first ones are
 * the cold start's (the bundles measure). The settling requests' own p99 is reported beside.
 */
const WARM_UP = 3000;
/** The warm-up requests after this many are the settling ones, whose p50 / p99 the notes give. */
const SETTLING = 300;
const REQUESTS = 3000;
/** Issue #17: the function's own work must stay a small part of a request. */
const P99_TARGET_MS = 2;

const PATHS: Record<string, string> = {
  '/health': '/health',
  '/openapi.json': '/openapi.json',
  '/articles': '/articles',
  '/articles/{id}': `/articles/${KARABAKH_ID}`,
  '/articles/{id}/statements': `/articles/${KARABAKH_ID}/statements`,
  '/statements?speaker=': '/statements?speaker=recep-tayyip-erdogan',
  '/statements/{id}': `/statements/${KARABAKH_ID}-0`,
  '/speakers?prefix=': '/speakers?prefix=erdo',
  '/speakers/{id}': '/speakers/recep-tayyip-erdogan',
  '/entities?prefix=': '/entities?prefix=arm',
  '/entities/{id}': '/entities/armenia',
  '/entities/{id}/articles': '/entities/lachin-corridor/articles',
  '/entities/{id}/statements': '/entities/armenia/statements',
  '/ingestions': '/ingestions',
  '/ingestions/{key+}': `/ingestions/${encodeURIComponent(TRICKY_KEY)}`,
  '/ (page)': '/',
  '/search (page)': '/search?q=erdo',
  '/view/articles/{id} (page)': `/view/articles/${KARABAKH_ID}`,
  '/view/speakers/{id} (page)': '/view/speakers/recep-tayyip-erdogan',
  '/view/statements/{id} (page)': `/view/statements/${KARABAKH_ID}-0`,
  '/view/entities/{id} (page)': '/view/entities/armenia',
  '/view/ingestions (page)': '/view/ingestions',
};

export const handlerMeasure: Measure = {
  name: 'handler',
  title: 'API handler overhead (in-memory reader)',
  async run() {
    const bytes = await readFile(new URL('../tests/fixtures/karabakh-offensive-2023-09-20.txt', import.meta.url));
    const [parsed] = parseDocument(bytes, { key: 'karabakh.txt' });
    const store = memoryReader({ ...records, bodies: { [KARABAKH_ID]: parsed!.body } });
    const logger = silentLogger();
    const handler = createApi(store, { logger, extraRoutes: webRoutes({ store, logger }) });
    const rows: Row[] = [];
    const figures: string[] = [];
    const settlingFigures: string[] = [];
    for (const [label, target] of Object.entries(PATHS)) {
      const event = httpEvent(target);
      const cpuMs: number[] = [];
      const settlingMs: number[] = [];
      for (let i = 0; i < WARM_UP + REQUESTS; i++) {
        const start = process.cpuUsage();
        const response = await handler(event, lambdaContext);
        const used = process.cpuUsage(start);
        if (response.statusCode !== 200) throw new Error(`GET ${target} answered ${response.statusCode}`);
        const ms = (used.user + used.system) / 1000;
        if (i >= WARM_UP) cpuMs.push(ms);
        else if (i >= SETTLING) settlingMs.push(ms);
      }
      rows.push({ metric: `${label} p99 CPU per request`, unit: 'ms', summary: summarize([percentile(cpuMs, 99)]), target: { op: '<=', value: P99_TARGET_MS } });
      figures.push(`${label} ${percentile(cpuMs, 50).toFixed(2)} / ${percentile(cpuMs, 99).toFixed(2)}`);
      settlingFigures.push(`${label} ${percentile(settlingMs, 50).toFixed(2)} / ${percentile(settlingMs, 99).toFixed(2)}`);
    }
    return {
      rows,
      notes: [
        `createApi with the web routes, as functions/api/handler.ts builds it, over tests/support/memory-reader.ts with the API tests' records (an in-memory reader; the article page's stored body is the parsed text of tests/fixtures/karabakh-offensive-2023-09-20.txt, which it marks the records' statements in; before f2a2acd it re-read and re-parsed that file as its object, whose hash did not match the records, and showed the statements only), called in this process: ${WARM_UP} warm-up requests then ${REQUESTS} timed, one at a time, per endpoint; CPU time of the process per request (process.cpuUsage, all threads). No tracer (off outside Lambda), logger silent. The rows are the p99; p50 / p99 in ms: ${figures.join('; ')}.`,
        `While V8 still optimises (warm-up requests ${SETTLING}–${WARM_UP}, compiling on helper threads counted in), p50 / p99 in ms: ${settlingFigures.join('; ')}.`,
      ],
    };
  },
};
