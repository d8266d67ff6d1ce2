import { describeReport } from '../shared/reconcile/reconcile.ts';
import { printEndpoints, startFromCommandLine, stopOnSignal } from './cli.ts';
import { reconcileLocalPipeline } from './reconcile.ts';

/**
 * `npm start`: the whole pipeline on this machine, data kept under .data/ across restarts.
 * Ports: PORT (HTTP API, 3000), S3_PORT (4569), DYNAMODB_PORT (4567), SQS_PORT (4576).
 * Handler log level: POWERTOOLS_LOG_LEVEL (INFO).
 * At start-up the bucket is reconciled with the table: what a crash left unprocessed is queued again (any
 * object from before the start, as the in-memory queue kept none of their events).
 */
const pipeline = await startFromCommandLine();
printEndpoints(pipeline);
stopOnSignal(pipeline);
// A failed reconciliation is reported, not fatal: the pipeline serves on, and `npm run reconcile` can retry it.
await reconcileLocalPipeline(pipeline, pipeline.startedAt).then(
  (report) => console.log(`reconciliation: ${describeReport(report)}`),
  (error: unknown) => console.error('reconciliation failed; run `npm run reconcile` to retry:', error),
);
