/**
 * Uploads the corpus to the local pipeline's S3 with the SDK (bounded concurrency) and watches the HTTP
 * API until every object is queryable, timing each one from the end of its upload.
 */
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { CorpusArticle } from './corpus.ts';
import { sleep } from './stats.ts';

export interface LocalPipelineEndpoints {
  s3Endpoint: string;
  bucket: string;
  apiUrl: string;
}

export interface IngestRun {
  /** From the first upload's start to the last object seen queryable. */
  totalMs: number;
  /** Per object: end of its upload → first API answer that shows it ingested. */
  latenciesMs: number[];
  statuses: Record<string, number>;
}

const UPLOAD_CONCURRENCY = 16;
/** The oldest objects still pending, polled together each round; ingestion is roughly first in, first out. */
const POLL_WINDOW = 16;
const POLL_PAUSE_MS = 10;

function s3Client(endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    // s3rver stores streamed bodies corrupted when the SDK adds its default checksums.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** The ingestion status of a key as the API reports it, or null while it has none (404). */
async function ingestionStatus(apiUrl: string, key: string): Promise<string | null> {
  const response = await fetch(`${apiUrl}/ingestions/${key.split('/').map(encodeURIComponent).join('/')}`);
  if (response.status === 404) {
    await response.body?.cancel();
    return null;
  }
  if (!response.ok) throw new Error(`GET /ingestions/${key} answered ${response.status}: ${await response.text()}`);
  const { status } = (await response.json()) as { status: string };
  return status;
}

export async function uploadAndWait(endpoints: LocalPipelineEndpoints, articles: readonly CorpusArticle[], timeoutMs: number): Promise<IngestRun> {
  const s3 = s3Client(endpoints.s3Endpoint);
  const uploadedAt = new Map<string, number>();
  /** Uploaded, in upload order, not yet seen ingested. */
  const pending: string[] = [];
  const latenciesMs: number[] = [];
  const statuses: Record<string, number> = {};
  const start = performance.now();
  let uploadsDone = false;
  let lastSeen = start;

  async function uploadAll(): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < articles.length) {
        const { key, bytes } = articles[next++]!;
        await s3.send(new PutObjectCommand({ Bucket: endpoints.bucket, Key: key, Body: bytes, ContentType: 'text/plain; charset=utf-8' }));
        uploadedAt.set(key, performance.now());
        pending.push(key);
      }
    };
    try {
      await Promise.all(Array.from({ length: UPLOAD_CONCURRENCY }, worker));
    } finally {
      uploadsDone = true; // on failure too, so that the watcher stops with what was uploaded
    }
  }

  async function watch(): Promise<void> {
    while (!uploadsDone || pending.length > 0) {
      if (performance.now() - start > timeoutMs) throw new Error(`${pending.length} objects still not queryable after ${timeoutMs} ms`);
      const window = pending.slice(0, POLL_WINDOW);
      const answers = await Promise.all(window.map(async (key) => ({ key, status: await ingestionStatus(endpoints.apiUrl, key) })));
      const seenAt = performance.now();
      for (const { key, status } of answers) {
        if (status === null) continue;
        latenciesMs.push(seenAt - uploadedAt.get(key)!);
        statuses[status] = (statuses[status] ?? 0) + 1;
        pending.splice(pending.indexOf(key), 1);
        lastSeen = seenAt;
      }
      await sleep(POLL_PAUSE_MS);
    }
  }

  try {
    await Promise.all([uploadAll(), watch()]);
  } finally {
    s3.destroy();
  }
  return { totalMs: lastSeen - start, latenciesMs, statuses };
}
