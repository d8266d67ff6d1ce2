/**
 * The bench's DynamoDB bill: read units counted as DynamoDB bills them, and the cost model's dollars from
 * the measured figures. Both go into BENCHMARKS.md, where a wrong rule would misstate what an article costs.
 */
import { describe, expect, it } from 'vitest';
import { costModel } from '../../../bench/cost-model.ts';
import { emptyUsage, recordRead } from '../../../bench/dynamo-meter.ts';
import type { Row } from '../../../bench/measure.ts';
import type { MeasureReport } from '../../../bench/report.ts';

const TABLE = 'onrecord';
/** A plain item (as the document client hands answers over) of about `bytes` bytes. */
const itemOf = (bytes: number) => ({ pk: 'A', sk: 'B', text: 'x'.repeat(bytes - 'pkAskBtext'.length - 2) });

function unitsOf(...reads: Parameters<typeof recordRead> extends [unknown, ...infer Rest] ? Rest[] : never): number {
  const usage = emptyUsage();
  for (const read of reads) recordRead(usage, ...read);
  return usage.readUnits;
}

describe('read units', () => {
  it('bill a GetItem per started 4 KB, half when eventually consistent, and a miss as one read', () => {
    expect(unitsOf(['GetItem', { ConsistentRead: true }, { Item: itemOf(5000) }])).toBe(2);
    expect(unitsOf(['GetItem', {}, { Item: itemOf(5000) }])).toBe(1);
    expect(unitsOf(['GetItem', { ConsistentRead: true }, {}])).toBe(1);
  });

  it('bill a Query by the total size of what it returns, at least one read', () => {
    expect(unitsOf(['Query', {}, { Items: [itemOf(1000), itemOf(1000), itemOf(1000), itemOf(1000), itemOf(1000)] }])).toBe(1);
    expect(unitsOf(['Query', { ConsistentRead: true }, { Items: [] }])).toBe(1);
  });

  it('bill a BatchGetItem per key asked for: each item rounded up alone, keys not found, not the unprocessed', () => {
    const body = { RequestItems: { [TABLE]: { Keys: [1, 2, 3, 4, 5], ConsistentRead: true } } };
    const output = { Responses: { [TABLE]: [itemOf(100), itemOf(5000)] }, UnprocessedKeys: { [TABLE]: { Keys: [5] } } };
    // 1 + 2 for the items found, 2 for the keys not found, nothing for the one to send again
    expect(unitsOf(['BatchGetItem', body, output])).toBe(5);
  });
});

const row = (metric: string, median: number): Row => ({ metric, unit: '', summary: { median, min: median, max: median } });
const report = (name: string, rows: Row[]): MeasureReport => ({ name, title: name, result: { rows, notes: [] } });
const dollars = (cost: MeasureReport | null, metric: string) => cost?.result?.rows.find((candidate) => candidate.metric === metric)?.summary.median;

describe('cost model', () => {
  const dynamo = report('dynamo-cost', [
    row('write requests / article', 60),
    row('write units / article (table and indexes)', 200),
    row('read requests / article write', 4),
    row('read units / article write', 80),
    row('read requests / GET /speakers/{id}', 1),
    row('  read units / GET /speakers/{id}', 0.5),
  ]);

  it('prices an article by its measured write and read units', () => {
    const cost = costModel([dynamo]);
    expect(dollars(cost, 'ingest: DynamoDB per million articles')).toBeCloseTo(200 * 0.625 + 80 * 0.125, 6);
  });

  it('prices a request with its reads, Lambda time, invocation and API Gateway fee', () => {
    const cost = costModel([dynamo, report('handler', [row('/speakers/{id} p99 CPU per request', 0)])]);
    // no handler time: the 5 ms round trip at 512 MB, an invocation, the HTTP API request, 0.5 read units
    const lambda = 0.5 * 0.005 * 0.0000133334;
    expect(dollars(cost, 'API GET /speakers/{id} per million requests')).toBeCloseTo((0.5 * 0.125e-6 + lambda + 0.2e-6 + 1e-6) * 1e6, 9);
  });

  it('estimates the ingest function and its rate only when the ingest measure ran', () => {
    expect(dollars(costModel([dynamo]), 'ingest rate at ingestConcurrency 10, CPU-bound')).toBeUndefined();
    const cost = costModel([dynamo, report('ingest', [row('  of which main thread (handlers, S3, API)', 100)])]);
    // 100 ms of CPU on 1024/1769 of a vCPU: ~173 ms an article, ten instances at once
    expect(dollars(cost, 'ingest rate at ingestConcurrency 10, CPU-bound')).toBeCloseTo((10 * 1000) / (100 / (1024 / 1769)), 6);
  });

  it('is left out of a run that did not measure DynamoDB', () => {
    expect(costModel([report('parse', [row('parser throughput (wall)', 2)])])).toBeNull();
  });
});
