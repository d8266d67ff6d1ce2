import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { startLocalPipeline, type LocalPipeline } from '../../local/pipeline.ts';
import { uploadClient } from '../../local/uploads.ts';

export interface TestPipeline extends LocalPipeline {
  /** An SDK client for the pipeline's S3 (s3rver). */
  s3: S3Client;
  put(key: string, body: string | Uint8Array, contentType?: string): Promise<void>;
  /** GET on the HTTP API: status and parsed JSON body. */
  get<T = unknown>(path: string): Promise<{ status: number; body: T }>;
}

/**
 * The whole local pipeline (local/pipeline.ts, what `npm start` runs) on free ports with throwaway data.
 * The handlers are loaded once per process bound to these endpoints: one pipeline per test file.
 */
export async function startTestPipeline(): Promise<TestPipeline> {
  const pipeline = await startLocalPipeline({
    s3Port: 0,
    apiPort: 0,
    dynamoPort: 0,
    sqsPort: 0,
    logLevel: process.env.POWERTOOLS_LOG_LEVEL || 'SILENT',
    // Retries come back quickly so a test does not wait on backoff meant for real outages.
    queue: { retryDelayMs: () => 50 },
  });
  const s3 = uploadClient(pipeline.s3Endpoint);
  return {
    ...pipeline,
    s3,
    async put(key, body, contentType) {
      const bytes = typeof body === 'string' ? Buffer.from(body) : body;
      await s3.send(
        new PutObjectCommand({ Bucket: pipeline.bucket, Key: key, Body: bytes, ContentLength: bytes.byteLength, ...(contentType ? { ContentType: contentType } : {}) }),
      );
    },
    async get<T>(path: string) {
      const response = await fetch(`${pipeline.apiUrl}${path}`);
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
    },
    async stop() {
      s3.destroy();
      await pipeline.stop();
    },
  };
}

/** Polls `probe` until it returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
