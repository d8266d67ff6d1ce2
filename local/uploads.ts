import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { LOCAL_REGION } from './s3-notifications.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.json': 'application/json',
};

/**
 * An S3 client for uploads: to `endpoint` when given (s3rver, which knows only the S3RVER key), else to
 * AWS with the usual credential chain. Checksums only where S3 requires them, which s3rver needs.
 */
export function uploadClient(endpoint: string | undefined): S3Client {
  return new S3Client({
    ...(endpoint
      ? { endpoint, forcePathStyle: true, region: LOCAL_REGION, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } }
      : {}),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** Uploads a file under its base name (as `aws s3 cp FILE s3://bucket/` does); returns the key. */
export async function uploadFile(client: S3Client, bucket: string, path: string, key = basename(path)): Promise<{ key: string; bytes: number }> {
  const body = await readFile(path);
  const contentType = CONTENT_TYPES[extname(path).toLowerCase()];
  await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ...(contentType ? { ContentType: contentType } : {}) }));
  return { key, bytes: body.length };
}
