import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { NewsSet } from '../support/news-set.ts';

/** Runs `task` over `values`, at most `limit` at a time. */
export async function forEachLimited<T>(values: readonly T[], limit: number, task: (value: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < values.length) await task(values[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, values.length) }, worker));
}

/** Uploads `keys` of the set as a user's `aws s3 cp` would, 8 at a time. */
export async function uploadNews(client: S3Client, bucket: string, news: NewsSet, keys: readonly string[]): Promise<void> {
  await forEachLimited(keys, 8, async (key) => {
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: await news.read(key), ContentType: news.contentType(key) }));
  });
}
