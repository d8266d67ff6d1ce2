/**
 * The bench's DynamoDB bill: read units as the table reports them consumed, and the cost model's dollars from
 * the measured figures (means: a million articles cost a million times the mean). Both go into BENCHMARKS.md, where a wrong rule would misstate what an article costs.
 */
import { describe, expect, it } from 'vitest';
import { costModel } from '../../../bench/cost-model.ts';
import { consumedUnits } from '../../../bench/dynamo-meter.ts';
import type { Row } from '../../../bench/measure.ts';
import type { MeasureReport } from '../../../bench/report.ts';

describe('read units', () => {
  it("are what each answer reports consumed: one figure, or one per table of a batch", () => {
    expect(consumedUnits(undefined)).toBe(0);
    expect(consumedUnits({ CapacityUnits: 2.5 })).toBe(2.5);
    expect(consumedUnits([{ CapacityUnits: 1 }, { CapacityUnits: 0.5 }, {}])).toBe(1.5);
  });
});

const row = (metric: string, median: number): Row => ({ metric, unit: '', summary: { median, min: median, max: median } });
const report = (name: string, rows: Row[]): MeasureReport => ({ name, title: name, result: { rows, notes: [] } });
const dollars = (cost: MeasureReport | null, metric: string) => cost?.result?.rows.find((candidate) => candidate.metric === metric)?.summary.median;

describe('cost model', () => {
  const dynamo = report('dynamo-cost', [
    // the medians the table shows beside are not what the bill follows
    row('write units / article (table and indexes)', 150),
    row('mean write units / article (table and indexes)', 200),
    row('mean read units / article write', 80),
    row('mean DynamoDB requests / article write', 64),
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
