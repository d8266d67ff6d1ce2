/**
 * One end-to-end ingest run: this process is the local pipeline (started on free ports, as `npm start`
 * runs it; the handlers bind to one pipeline per process), and a child process (bench/ingest-client.ts)
 * uploads the corpus and waits until all of it is queryable, so that the uploads and the polling do not
 * take the pipeline's CPU. Prints the timings on a line of its own after RESULT_MARK (the handlers log to
 * stdout). An optional argument takes every Nth article only; `node --cpu-prof ... ingest-run.ts 10`
 * profiles the pipeline alone.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startLocalPipeline } from '../local/pipeline.ts';
import type { IngestRun } from './upload.ts';

export const RESULT_MARK = 'BENCH_INGEST_RESULT ';

/** What this process printed after RESULT_MARK. */
export interface IngestRunResult extends IngestRun {
  deadLetters: number;
  /** CPU time of the pipeline process (all its threads) during the run, per object. */
  cpuMsPerObject: number;
  /** CPU time of its main thread alone per object (handlers, S3, API), where Linux says; else null. */
  mainThreadCpuMsPerObject: number | null;
}
const CLIENT = fileURLToPath(new URL('./ingest-client.ts', import.meta.url));

/** This process's Node flags (the tsx loader) for the client, less the profiler's (`--cpu-prof-dir DIR` too). */
function withoutProfiler(flags: string[]): string[] {
  return flags.filter((flag, index) => !flag.startsWith('--cpu-prof') && !/^--cpu-prof-(dir|name|interval)$/.test(flags[index - 1] ?? ''));
}

/** CPU milliseconds of this process's main thread so far (Linux /proc), or null elsewhere. */
function mainThreadCpuMs(): number | null {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime, in clock ticks of 10 ms (fields 14 and 15 of stat, counted after the name).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const every = Number(process.argv[2] ?? 1);
  const pipeline = await startLocalPipeline({ s3Port: 0, apiPort: 0, dynamoPort: 0, sqsPort: 0, logLevel: 'WARN' });
  try {
    const flags = withoutProfiler(process.execArgv);
    const cpuBefore = process.cpuUsage();
    const mainBefore = mainThreadCpuMs();
    const { stdout } = await promisify(execFile)(process.execPath, [...flags, CLIENT, String(every), pipeline.s3Endpoint, pipeline.bucket, pipeline.apiUrl], {
      maxBuffer: 1 << 26,
    });
    const cpu = process.cpuUsage(cpuBefore);
    const mainAfter = mainThreadCpuMs();
    const run = JSON.parse(stdout.trim().split('\n').at(-1)!) as IngestRun;
    const objects = run.latenciesMs.length;
    const result: IngestRunResult = {
      ...run,
      deadLetters: pipeline.queue.deadLetters.length,
      cpuMsPerObject: (cpu.user + cpu.system) / 1000 / objects,
      mainThreadCpuMsPerObject: mainBefore === null || mainAfter === null ? null : (mainAfter - mainBefore) / objects,
    };
    console.log(`\n${RESULT_MARK}${JSON.stringify(result)}`);
  } finally {
    await pipeline.stop();
  }
}
