import { describeReport } from '../shared/reconcile/reconcile.ts';
import { createDocumentClient } from '../shared/store/dynamodb/client.ts';
import { STORE_FORMAT, storedFormat } from '../shared/store/dynamodb/store-format.ts';
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
// Data kept from an older release is not read right by this one until migrated: say so before anything else.
const format = await storedFormat({ client: createDocumentClient(pipeline.dynamoEndpoint), tableName: pipeline.tableName });
if (format < STORE_FORMAT) {
  const effects = [
    ...(format < 2 ? ['lists miss older entries'] : []),
    ...(format === 2 ? ['older speakers and entities move to the new layout only as articles name them'] : []),
    "name searches and entities' lists of articles and statements find only what was stored since",
  ];
  console.warn(`the table in .data/ is store format ${format}, this release uses format ${STORE_FORMAT}: ${effects.join('; ')}, until you run \`npm run migrate\` (while this runs)`);
}
// A failed reconciliation is reported, not fatal: the pipeline serves on, and `npm run reconcile` can retry it.
await reconcileLocalPipeline(pipeline, pipeline.startedAt).then(
  (report) => console.log(`reconciliation: ${describeReport(report)}`),
  (error: unknown) => console.error('reconciliation failed; run `npm run reconcile` to retry:', error),
);
