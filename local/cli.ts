import { relative } from 'node:path';
import { startLocalPipeline, type LocalPipeline } from './pipeline.ts';
import { DATA_DIRECTORY, localPorts } from './settings.ts';

/** Starts the pipeline on the configured ports with data kept under .data/, or explains a port clash. */
export async function startFromCommandLine(): Promise<LocalPipeline> {
  try {
    return await startLocalPipeline({ ...localPorts(), dataDirectory: DATA_DIRECTORY });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`A port is already in use (${(error as Error).message}). Is \`npm start\` already running? Stop it, or choose other ports with PORT, S3_PORT, DYNAMODB_PORT and SQS_PORT.`);
      process.exit(1);
    }
    throw error;
  }
}

export function printEndpoints(pipeline: LocalPipeline): void {
  const credentials = 'AWS_ACCESS_KEY_ID=S3RVER AWS_SECRET_ACCESS_KEY=S3RVER AWS_DEFAULT_REGION=us-east-1';
  console.log(`
onrecord is running locally (data in ${relative(process.cwd(), DATA_DIRECTORY) || DATA_DIRECTORY}/)

  HTTP API   ${pipeline.apiUrl}
  S3         ${pipeline.s3Endpoint}   bucket "${pipeline.bucket}" (access key S3RVER, secret S3RVER)
  DynamoDB   ${pipeline.dynamoEndpoint}   table "${pipeline.tableName}"
  SQS        ${pipeline.queueUrl}

Upload an article (either):
  ${credentials} aws s3 cp FILE s3://${pipeline.bucket}/ --endpoint-url ${pipeline.s3Endpoint}
  npm run upload -- FILE...

Query:
  curl ${pipeline.apiUrl}/articles
  curl ${pipeline.apiUrl}/articles/ID
  curl ${pipeline.apiUrl}/ingestions/KEY

Press Ctrl+C to stop.
`);
}

/**
 * The demo's last words. A pipeline that stays up (`npm start`'s, or the demo's own with --keep) can be
 * queried next; one the demo started and has just stopped cannot, so say how to get one that stays.
 */
export function demoClosingMessage(run: { startedByDemo: boolean; keep: boolean }, apiUrl: string): string {
  if (run.startedByDemo && !run.keep) {
    return 'The demo has stopped its pipeline. To query what it stored: `npm start` (the data is kept in .data/), or `npm run demo -- --keep` next time.';
  }
  return `Try: curl ${apiUrl}/articles   ·   curl "${apiUrl}/speakers?prefix=erdo"`;
}

export function stopOnSignal(pipeline: LocalPipeline): void {
  const stop = () => {
    console.log('\nstopping…');
    pipeline.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

