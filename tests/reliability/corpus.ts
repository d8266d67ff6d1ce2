/** The BBC News corpus in the team folder, read in place (never copied into the repository). */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';

export const BBC_CORPUS = fileURLToPath(new URL('../../../shared/corpus/bbc-news/', import.meta.url));

/** Keys as they would be uploaded: `business/001.txt`, one per article file. */
export async function corpusKeys(): Promise<string[]> {
  const keys: string[] = [];
  for (const entry of await readdir(BBC_CORPUS, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    for (const file of await readdir(join(BBC_CORPUS, entry.name))) if (file.endsWith('.txt')) keys.push(`${entry.name}/${file}`);
  }
  return keys.sort();
}

export const readCorpusFile = (key: string): Promise<Buffer> => readFile(join(BBC_CORPUS, key));

/** Runs `task` over `values`, at most `limit` at a time. */
export async function forEachLimited<T>(values: readonly T[], limit: number, task: (value: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < values.length) await task(values[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, values.length) }, worker));
}

export async function uploadCorpus(client: S3Client, bucket: string, keys: readonly string[]): Promise<void> {
  await forEachLimited(keys, 8, async (key) => {
    const body = await readCorpusFile(key);
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'text/plain; charset=utf-8' }));
  });
}
