import { CopyObjectCommand, DeleteObjectCommand, DeleteObjectsCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeKey, s3Records } from '../../../functions/ingest/notifications.ts';
import { startTestS3, type TestS3 } from '../../support/s3.ts';

/** s3rver's events, once rewritten, must look like what S3 puts on the queue. */
let s3: TestS3;

beforeAll(async () => {
  s3 = await startTestS3();
});

afterAll(async () => {
  await s3?.stop();
});

describe('local S3 notifications', () => {
  it('reports puts, copies and deletes (single and multi-object) as S3 notification records', async () => {
    const key = 'politics/Erdoğan at the UN (2023).txt';
    const body = 'date 2023-09-20\n\nHello.';
    const put = await s3.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: key, Body: body }));
    await s3.client.send(new CopyObjectCommand({ Bucket: s3.bucket, Key: 'copy.txt', CopySource: `${s3.bucket}/${key.split('/').map(encodeURIComponent).join('/')}` }));
    await s3.client.send(new DeleteObjectCommand({ Bucket: s3.bucket, Key: key }));
    await s3.client.send(new DeleteObjectsCommand({ Bucket: s3.bucket, Delete: { Objects: [{ Key: 'copy.txt' }] } }));

    const records = s3.notifications;
    expect(records.map((record) => [record.eventName, decodeKey(record.s3.object.key)])).toEqual([
      ['ObjectCreated:Put', key],
      ['ObjectCreated:Copy', 'copy.txt'],
      ['ObjectRemoved:Delete', key],
      ['ObjectRemoved:Delete', 'copy.txt'],
    ]);
    expect(records[0]!.s3.object.key).toBe('politics/Erdo%C4%9Fan+at+the+UN+%282023%29.txt');
    expect(records[0]!.s3.bucket.arn).toBe('arn:aws:s3:::articles');
    expect(records[0]!.s3.object).toMatchObject({ size: Buffer.byteLength(body), eTag: put.ETag?.replace(/"/g, '') });
    const sequencers = records.map((record) => record.s3.object.sequencer);
    expect([...sequencers].sort()).toEqual(sequencers);
    expect(new Set(sequencers).size).toBe(sequencers.length);
    // What the ingest handler reads from the queue message body.
    expect(s3Records(JSON.stringify({ Records: records }))).toHaveLength(4);
  });

  it('stores bodies intact (s3rver corrupts streamed bodies unless checksums are only sent when required)', async () => {
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 31) % 256);
    await s3.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: 'bytes.bin', Body: bytes }));
    const got = await s3.client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: 'bytes.bin' }));
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(Buffer.from(bytes))).toBe(true);
  });
});
