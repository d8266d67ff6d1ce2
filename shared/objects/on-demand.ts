import type { ObjectReader } from './reader.ts';

/**
 * The S3 object reader, its client's modules loaded on the first read instead of at start-up: for a
 * function that reads objects only on some requests (the API, for article pages), so that the others do
 * not pay for loading the S3 client.
 */
export const s3ObjectsOnDemand: ObjectReader = {
  async getObjectBytes(bucket, key, versionId, maxBytes) {
    const { s3Objects } = await import('./index.ts');
    return s3Objects.getObjectBytes(bucket, key, versionId, maxBytes);
  },
};
