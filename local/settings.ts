import { fileURLToPath } from 'node:url';

/** Where `npm start` keeps its data (git-ignored), so uploads and the table survive restarts. */
export const DATA_DIRECTORY = fileURLToPath(new URL('../.data', import.meta.url));

export const DEFAULT_PORTS = { api: 3000, s3: 4569, dynamo: 4567, sqs: 4576 } as const;

export const LOCAL_BUCKET = 'articles';

function port(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) throw new Error(`${name} must be a port number, not ${JSON.stringify(value)}`);
  return parsed;
}

/** The local pipeline's ports: PORT (HTTP API), S3_PORT, DYNAMODB_PORT, SQS_PORT. */
export function localPorts() {
  return {
    apiPort: port('PORT', DEFAULT_PORTS.api),
    s3Port: port('S3_PORT', DEFAULT_PORTS.s3),
    dynamoPort: port('DYNAMODB_PORT', DEFAULT_PORTS.dynamo),
    sqsPort: port('SQS_PORT', DEFAULT_PORTS.sqs),
  };
}
