/**
 * What an article and an API request cost on AWS, from the figures this run measured (write and read units,
 * requests per call, CPU per article and per request) and the deployed settings (memory, ingest concurrency,
 * batch size), at list prices. Built after the measures, from their rows: it needs dynamo-cost, and uses
 * ingest and handler when they ran.
 */
import { API_MEMORY_MB } from '../infra/constructs/api.ts';
import { INGEST_BATCH_SIZE, INGEST_MEMORY_MB } from '../infra/constructs/ingestion.ts';
import { DEFAULT_INGEST_CONCURRENCY } from '../infra/deployment-config.ts';
import type { MeasureResult, Row } from './measure.ts';
import type { MeasureReport } from './report.ts';

/** us-east-1 list prices (USD), as published in 2025: check them before relying on the totals. */
const PRICES = {
  region: 'us-east-1',
  /** DynamoDB on demand, per write and per read request unit. */
  writeUnit: 0.625e-6,
  readUnit: 0.125e-6,
  /** Lambda arm64, per GB-second and per invocation. */
  lambdaGbSecond: 0.0000133334,
  lambdaInvocation: 0.2e-6,
  /** API Gateway HTTP API, per request (the first 300 million a month). */
  httpApiRequest: 1e-6,
  s3Get: 0.4e-6,
  sqsRequest: 0.4e-6,
};

/** Lambda gives a function one vCPU at 1,769 MB, and CPU in proportion to memory below that. */
const MB_PER_VCPU = 1769;
/**
 * An in-Region DynamoDB round trip: an assumption (nothing here measures AWS), used only for the upper bound
 * where every request of a call or an article waits for the one before.
 */
const ROUND_TRIP_MS = 5;
/** SQS requests per article: S3's send, and the receive and delete of its batch, shared by the batch. */
const SQS_REQUESTS_PER_ARTICLE = 1 + 2 / INGEST_BATCH_SIZE;

function median(reports: readonly MeasureReport[], measure: string, metric: string): number | undefined {
  const row = reports.find((report) => report.name === measure)?.result?.rows.find((candidate) => candidate.metric.trim() === metric);
  return row?.summary.median;
}

const single = (value: number) => ({ median: value, min: value, max: value });
const perMillion = (dollars: number) => dollars * 1e6;
/** A price as written in a price list: $0.2, not $0.19999999999999998. */
const price = (dollars: number) => `$${Number(dollars.toPrecision(6))}`;
const lambdaDollars = (memoryMb: number, ms: number) => (memoryMb / 1024) * (ms / 1000) * PRICES.lambdaGbSecond;

/** The cost model as a report of its own, or null when the run did not measure DynamoDB's cost. */
export function costModel(reports: readonly MeasureReport[]): MeasureReport | null {
  // means, not medians: a million articles cost a million times the mean
  const writeUnits = median(reports, 'dynamo-cost', 'mean write units / article (table and indexes)');
  const readUnits = median(reports, 'dynamo-cost', 'mean read units / article write');
  const requests = median(reports, 'dynamo-cost', 'mean DynamoDB requests / article write');
  if (writeUnits === undefined || readUnits === undefined || requests === undefined) return null;
  const rows: Row[] = [];
  const notes: string[] = [];

  const dynamo = writeUnits * PRICES.writeUnit + readUnits * PRICES.readUnit;
  const other = PRICES.s3Get + SQS_REQUESTS_PER_ARTICLE * PRICES.sqsRequest + PRICES.lambdaInvocation / INGEST_BATCH_SIZE;
  rows.push(
    { metric: 'ingest: DynamoDB per million articles', unit: '$', summary: single(perMillion(dynamo)) },
    { metric: 'ingest: S3, SQS and invocations per million articles', unit: '$', summary: single(perMillion(other)) },
  );
  const cpuMs = median(reports, 'ingest', 'of which main thread (handlers, S3, API)');
  if (cpuMs !== undefined) {
    const share = INGEST_MEMORY_MB / MB_PER_VCPU;
    const cpuBoundMs = cpuMs / share;
    const sequentialMs = cpuBoundMs + requests * ROUND_TRIP_MS;
    rows.push(
      { metric: 'ingest: Lambda per million articles, CPU-bound', unit: '$', summary: single(perMillion(lambdaDollars(INGEST_MEMORY_MB, cpuBoundMs))) },
      { metric: 'ingest: Lambda per million articles, requests in sequence', unit: '$', summary: single(perMillion(lambdaDollars(INGEST_MEMORY_MB, sequentialMs))) },
      { metric: 'ingest: in all per million articles (upper bound)', unit: '$', summary: single(perMillion(dynamo + other + lambdaDollars(INGEST_MEMORY_MB, sequentialMs))) },
    );
    // A batch's records are processed at once, so an instance is CPU-bound unless its requests wait in line.
    // The rates use the same mean article.
    const rate = (msPerArticle: number) => (DEFAULT_INGEST_CONCURRENCY * 1000) / msPerArticle;
    rows.push(
      { metric: `ingest rate at ingestConcurrency ${DEFAULT_INGEST_CONCURRENCY}, CPU-bound`, unit: 'articles/s', summary: single(rate(cpuBoundMs)) },
      { metric: `ingest rate at ingestConcurrency ${DEFAULT_INGEST_CONCURRENCY}, requests in sequence`, unit: 'articles/s', summary: single(rate(sequentialMs)) },
      { metric: '  table writes at the CPU-bound rate', unit: 'WRU/s', summary: single(rate(cpuBoundMs) * writeUnits) },
    );
    notes.push(
      `Ingest, Lambda: ${INGEST_MEMORY_MB} MB arm64 (infra/constructs/ingestion.ts), so ${share.toFixed(2)} of a vCPU. Time per article: CPU-bound, the main-thread CPU per article of the ingest measure (${cpuMs.toFixed(0)} ms, an upper bound: it includes the S3 stand-in and the polled API) ÷ that share = ${cpuBoundMs.toFixed(0)} ms, as when a batch's ${INGEST_BATCH_SIZE} records, processed at once, keep the CPU busy while their requests wait; with requests in sequence, plus ${requests.toFixed(0)} DynamoDB requests (the mean) × ${ROUND_TRIP_MS} ms (an assumed round trip) = ${sequentialMs.toFixed(0)} ms. Lambda's bill stays a small part of an article's either way.`,
      `Ingest rate: ingestConcurrency (\`-c ingestConcurrency=N\`, default ${DEFAULT_INGEST_CONCURRENCY}) instances at once, each at one article per the time above. The table's write rate follows: a new on-demand table serves up to 4,000 write units a second at first (AWS's documented initial throughput) and scales from its peaks, so a first bulk load above that is throttled and retried (the queue keeps the rest) until the table has grown.`,
    );
  } else {
    notes.push('Ingest, Lambda: not estimated in this run (the ingest measure did not run).');
  }

  const endpoints = (reports.find((report) => report.name === 'dynamo-cost')?.result?.rows ?? [])
    .map((row) => /^read requests \/ GET (.+)$/.exec(row.metric)?.[1])
    .filter((name): name is string => name !== undefined);
  const apiShare = API_MEMORY_MB / MB_PER_VCPU;
  for (const name of endpoints) {
    const requests = median(reports, 'dynamo-cost', `read requests / GET ${name}`)!;
    const units = median(reports, 'dynamo-cost', `read units / GET ${name}`) ?? 0;
    const handlerMs = median(reports, 'handler', `${name.replace('{key}', '{key+}')} p99 CPU per request`) ?? 2;
    const durationMs = handlerMs / apiShare + requests * ROUND_TRIP_MS;
    const dollars = units * PRICES.readUnit + lambdaDollars(API_MEMORY_MB, durationMs) + PRICES.lambdaInvocation + PRICES.httpApiRequest;
    rows.push({ metric: `API GET ${name} per million requests`, unit: '$', summary: single(perMillion(dollars)) });
  }
  notes.push(
    `Prices: ${PRICES.region} list prices as published in 2025 (check them before relying on the totals): DynamoDB on demand ${price(perMillion(PRICES.writeUnit))} per million write units and ${price(perMillion(PRICES.readUnit))} per million read units; Lambda arm64 ${price(PRICES.lambdaGbSecond)} per GB-second and ${price(perMillion(PRICES.lambdaInvocation))} per million invocations; HTTP API ${price(perMillion(PRICES.httpApiRequest))} per million requests; S3 GET and SQS ${price(perMillion(PRICES.s3Get))} per million requests. Storage, logs, X-Ray and data transfer are left out.`,
    `Ingest, DynamoDB: the dynamo-cost measure's mean write units (table and indexes, ${writeUnits.toFixed(0)}) and read units (${readUnits.toFixed(0)}, as the table reports them consumed: mostly a statement's echo keys read consistently, found or not) per article. S3: one GET per article; SQS: S3's send, and a receive and a delete per batch of ${INGEST_BATCH_SIZE}.`,
    `API: per endpoint, its measured read units and requests (dynamo-cost), the handler's p99 CPU per request (the handler measure; 2 ms when it did not run) ÷ ${apiShare.toFixed(2)} of a vCPU at ${API_MEMORY_MB} MB, plus each request's ${ROUND_TRIP_MS} ms round trip in sequence (an upper bound: /articles sends its shard Queries at once), an invocation, and API Gateway's fee, which is most of it.`,
  );
  const result: MeasureResult = { rows, notes };
  return { name: 'cost', title: 'Cost model: dollars on AWS from the measured figures', result, madeFrom: 'built from dynamo-cost, ingest and handler' };
}
