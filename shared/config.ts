/**
 * Configuration reaches the code only through environment variables, read once here. A missing
 * required variable fails loudly at start-up rather than as a confusing error on the first request.
 */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`missing required environment variable ${name}`);
  return value;
}

const optional = (name: string): string | undefined => process.env[name] || undefined;

export interface StoreConfig {
  tableName: string;
  /** Set only locally (dynalite, DynamoDB Local); on AWS the SDK finds the regional endpoint. */
  dynamoEndpoint: string | undefined;
}

export function storeConfig(): StoreConfig {
  return { tableName: required('TABLE_NAME'), dynamoEndpoint: optional('DYNAMODB_ENDPOINT') };
}

export interface ObjectStoreConfig {
  /** Set only locally (s3rver). */
  s3Endpoint: string | undefined;
}

export function objectStoreConfig(): ObjectStoreConfig {
  return { s3Endpoint: optional('S3_ENDPOINT') };
}

/** Key that signs pagination cursors so a forged or edited cursor is refused. */
export function cursorSecret(): string {
  return required('CURSOR_SECRET');
}

/**
 * Set when the API sits behind CloudFront and its per-client rate limit (`-c perClientLimit`): the values
 * CloudFront may send in the origin header, so that requests straight to API Gateway, around the limit, are
 * refused. ORIGIN_SECRET_PREVIOUS is set only while a rotation spreads through CloudFront's edge locations.
 */
export function originSecrets(): string[] {
  return [optional('ORIGIN_SECRET'), optional('ORIGIN_SECRET_PREVIOUS')].filter((secret) => secret !== undefined);
}
