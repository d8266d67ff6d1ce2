/**
 * One end-to-end ingest run in a process of its own (the handlers bind to one local pipeline per
 * process): starts the local pipeline on free ports, uploads the corpus, waits until all of it is
 * queryable, and prints the timings on a line of its own after RESULT_MARK (the handlers log to stdout).
 * An optional argument takes every Nth article only, for profiling (`node --cpu-prof ... ingest-run.ts 10`).
 */
import { startLocalPipeline } from '../local/pipeline.ts';
import { loadCorpus } from './corpus.ts';
import { uploadAndWait } from './upload.ts';

export const RESULT_MARK = 'BENCH_INGEST_RESULT ';
const TIMEOUT_MS = 10 * 60_000;

if (import.meta.url === `file://${process.argv[1]}`) {
  const every = Number(process.argv[2] ?? 1);
  const articles = (await loadCorpus()).filter((_, index) => index % every === 0);
  const pipeline = await startLocalPipeline({ s3Port: 0, apiPort: 0, dynamoPort: 0, sqsPort: 0, logLevel: 'WARN' });
  try {
    const run = await uploadAndWait(pipeline, articles, TIMEOUT_MS);
    console.log(`\n${RESULT_MARK}${JSON.stringify({ ...run, deadLetters: pipeline.queue.deadLetters.length })}`);
  } finally {
    await pipeline.stop();
  }
}
