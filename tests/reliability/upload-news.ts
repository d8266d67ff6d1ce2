import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { forEachLimited } from '../../shared/store/dynamodb/batch.ts';
import type { NewsSet } from '../support/news-set.ts';

/** Uploads `keys` of the set as a user's `aws s3 cp` would, 8 at a time. */
export async function uploadNews(client: S3Client, bucket: string, news: NewsSet, keys: readonly string[]): Promise<void> {
  await forEachLimited(keys, 8, async (key) => {
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: await news.read(key), ContentType: news.contentType(key) }));
  });
}
