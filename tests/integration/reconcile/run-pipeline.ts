/**
 * The local pipeline as `npm start` runs it (local/start.ts: start, then reconcile), on free ports with data
 * in the directory given as the first argument, so a test can kill it with SIGKILL and start it again on
 * the same data. Prints one `READY {…endpoints}` line once it listens, and `RECONCILED {…report}` after.
 */
import { startLocalPipeline } from '../../../local/pipeline.ts';
import { reconcileLocalPipeline } from '../../../local/reconcile.ts';

const dataDirectory = process.argv[2];
if (!dataDirectory) throw new Error('usage: run-pipeline.ts DATA_DIRECTORY');
const pipeline = await startLocalPipeline({ s3Port: 0, apiPort: 0, dynamoPort: 0, sqsPort: 0, dataDirectory, logLevel: 'SILENT' });
console.log(`READY ${JSON.stringify({ s3Endpoint: pipeline.s3Endpoint, apiUrl: pipeline.apiUrl, bucket: pipeline.bucket })}`);
await reconcileLocalPipeline(pipeline, pipeline.startedAt).then(
  (report) => console.log(`RECONCILED ${JSON.stringify(report.findings)}`),
  (error: unknown) => console.log(`RECONCILED ${JSON.stringify({ error: String(error) })}`),
);
