/**
 * End-to-end local ingest: the corpus uploaded through the S3 API of the local pipeline (s3rver →
 * notifications → queue → ingest handler → dynalite), timed until the HTTP API shows every object.
 * Each run is a fresh pipeline in a child process (so every run starts from an empty table), with the
 * uploads and the polling in a process of their own (bench/ingest-run.ts, bench/ingest-client.ts).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { RESULT_MARK, type IngestRunResult } from './ingest-run.ts';
import { loadCorpus } from './corpus.ts';
import type { Measure } from './measure.ts';
import { percentile, summarize } from './stats.ts';
import type { IngestRun } from './upload.ts';

const run = promisify(execFile);
const RUNS = 3;
const CHILD = fileURLToPath(new URL('./ingest-run.ts', import.meta.url));

async function ingestOnce(every: number): Promise<IngestRunResult> {
  // The same flags as this process (--openssl-legacy-provider for s3rver, the tsx loader).
  const { stdout } = await run(process.execPath, [...process.execArgv, CHILD, String(every)], { maxBuffer: 1 << 28 });
  const line = stdout.split('\n').find((text) => text.startsWith(RESULT_MARK));
  if (!line) throw new Error(`the ingest run printed no result:\n${stdout.slice(-2000)}`);
  return JSON.parse(line.slice(RESULT_MARK.length)) as IngestRunResult;
}

export const ingestMeasure: Measure = {
  name: 'ingest',
  title: 'End-to-end local ingest',
  async run({ every }) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await ingestOnce(every));
    const objects = runs[0]!.latenciesMs.length;
    const corpusSize = (await loadCorpus()).length;
    const rate = (r: IngestRun) => r.latenciesMs.length / (r.totalMs / 1000);
    return {
      rows: [
        { metric: `upload → all queryable (${objects} objects)`, unit: 's', summary: summarize(runs.map((r) => r.totalMs / 1000)) },
        {
          metric: `same, projected to all ${corpusSize} articles`,
          unit: 's',
          summary: summarize(runs.map((r) => corpusSize / rate(r))),
          target: { op: '<=', value: 60 },
        },
        { metric: 'ingest throughput', unit: 'articles/s', summary: summarize(runs.map(rate)) },
        { metric: 'upload → queryable p50', unit: 'ms', summary: summarize(runs.map((r) => percentile(r.latenciesMs, 50))) },
        { metric: 'upload → queryable p99', unit: 'ms', summary: summarize(runs.map((r) => percentile(r.latenciesMs, 99))), target: { op: '<=', value: 2000 } },
        { metric: 'pipeline CPU per article (all threads)', unit: 'ms', summary: summarize(runs.map((r) => r.cpuMsPerObject)) },
        ...(runs.every((r) => r.mainThreadCpuMsPerObject !== null)
          ? [{ metric: '  of which main thread (handlers, S3, API)', unit: 'ms', summary: summarize(runs.map((r) => r.mainThreadCpuMsPerObject!)) }]
          : []),
      ],
      notes: [
        `${RUNS} runs, each a fresh local pipeline (\`startLocalPipeline\` from local/pipeline.ts as \`npm start\` runs it: dynalite in memory in a worker thread, s3rver in a temp dir, the queue's defaults of batches of 10 with up to 10 batches in flight, handler log level WARN) in a child process; ${objects} objects per run (every ${every === 1 ? '' : `${every}th `}article of the corpus) uploaded with the S3 SDK, 16 at a time, from another process that also does the polling.`,
        'Latency = end of the PutObject call → first `GET /ingestions/{key}` that answers (accepted or rejected); the oldest 16 pending keys are polled together every ~10 ms, so a latency is one polling round late, or later when an object among the up to 100 in flight finishes before older ones.',
        'Uploads finish long before ingestion does, so latency is mostly time spent queued behind earlier objects: p99 ≤ 2 s needs the pipeline to ingest as fast as objects arrive. With a sample, the projection divides the corpus size by the measured throughput (which assumes it does not drop as the table grows).',
        'CPU per article is what the pipeline process spent (its main thread, the dynalite worker, V8 helper threads) over the run divided by the objects: unlike wall time it hardly depends on what else the shared machine runs. Two cores give at most 2000 / (CPU per article) articles/s, and the main thread alone at most 1000 / (its share).',
        `Outcome per run: ${runs.map((r) => `${JSON.stringify(r.statuses)}, ${r.deadLetters} dead-lettered`).join('; ')}.`,
      ],
    };
  },
};
