import { LOCAL_REGION } from './s3-notifications.ts';

/** The endpoints the handlers are configured with, as the CDK stack would set their env on AWS. */
export interface HandlerEndpoints {
  tableName: string;
  dynamoEndpoint: string;
  s3Endpoint: string;
}

/** Signs pagination cursors locally; on AWS the stack provides a secret of its own. */
const LOCAL_CURSOR_SECRET = 'local-only-cursor-secret-not-for-deployment';

let configured: string | undefined;

/**
 * Sets the environment the handlers read once, at import: endpoints, table, a cursor secret, region and
 * the credentials the emulators accept (s3rver knows only the S3RVER key; dynalite accepts any). Handler
 * modules are loaded once per process, so the environment can be set only once, too.
 */
export function configureHandlerEnvironment(endpoints: HandlerEndpoints, logLevel: string): void {
  const fingerprint = JSON.stringify(endpoints);
  if (configured !== undefined && configured !== fingerprint) {
    throw new Error('the handlers of this process are already bound to another local pipeline; start one per process');
  }
  configured = fingerprint;
  Object.assign(process.env, {
    TABLE_NAME: endpoints.tableName,
    DYNAMODB_ENDPOINT: endpoints.dynamoEndpoint,
    S3_ENDPOINT: endpoints.s3Endpoint,
    CURSOR_SECRET: process.env.CURSOR_SECRET || LOCAL_CURSOR_SECRET,
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL || logLevel,
    // Metrics go to CloudWatch through the log stream on AWS; locally they would only be noise.
    POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED || 'true',
  });
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
}
