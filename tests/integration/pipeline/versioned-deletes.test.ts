/**
 * Deletes on a versioned bucket through the local pipeline (README, "Deletes on the versioned bucket").
 * s3rver keeps no versions, so the versioned events S3 would send are put on the local queue as S3 sends
 * them, while s3rver holds what S3 would show as the current version; the ingest handler, the queue, the
 * table and the HTTP API are the real local ones. Only removing the current version withdraws the article;
 * deleting a non-current version changes nothing; deleting the delete marker brings the article back.
 */
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationRecord } from '../../../functions/ingest/notifications.ts';
import { LOCAL_REGION } from '../../../local/s3-notifications.ts';
import type { ArticleRecord, IngestionRecord, Page } from '../../../shared/store/port.ts';
import { startTestPipeline, type TestPipeline } from '../../support/pipeline.ts';

let pipeline: TestPipeline;
beforeAll(async () => {
  pipeline = await startTestPipeline();
});
afterAll(async () => {
  await pipeline?.stop();
});

const KEY = 'versions/harbour.txt';
const TEXT = 'Harbour report\n\n"The harbour reopens on Monday," said Maria Lopez.\n';

async function ingestion(): Promise<IngestionRecord> {
  const { status, body } = await pipeline.get<IngestionRecord>(`/ingestions/${KEY}`);
  expect(status).toBe(200);
  return body;
}
const listed = async () => (await pipeline.get<Page<ArticleRecord>>('/articles')).body.items.filter((article) => article.source.key === KEY);

/** Puts an S3-shaped versioned event on the local queue, just after the stored one, and waits until it is processed. */
async function deliver(eventName: string, versionId: string): Promise<void> {
  const { sequencer } = await ingestion();
  const record = notificationRecord({
    region: LOCAL_REGION, eventName, eventTime: new Date().toISOString(), origin: 'test', requestId: 'test', hostId: 'test',
    bucket: pipeline.bucket, key: KEY, sequencer: `${sequencer}1`, versionId,
  });
  pipeline.queue.send(JSON.stringify({ Records: [record] }));
  await pipeline.idle();
}

describe('versioned deletes through the local pipeline', () => {
  it('changes nothing when a non-current version is deleted', async () => {
    await pipeline.put(KEY, TEXT, 'text/plain');
    await pipeline.idle();
    const before = await ingestion();
    expect(before.status).toBe('accepted');

    await deliver('ObjectRemoved:Delete', 'an-older-version');

    expect(await ingestion()).toEqual(before);
    expect(await listed()).toHaveLength(1);
  });

  it('withdraws the article when a delete marker becomes current, and restores it when the marker is deleted', async () => {
    await deliver('ObjectRemoved:DeleteMarkerCreated', 'marker-1');
    expect((await ingestion()).status).toBe('deleted');
    expect(await listed()).toEqual([]);

    // The marker deleted by version id: the version under it (what s3rver holds) is current again.
    await deliver('ObjectRemoved:Delete', 'marker-1');
    const restored = await ingestion();
    expect(restored.status).toBe('accepted');
    expect(await listed()).toHaveLength(1);
  });

  it('withdraws the article when its current and only version is deleted by version id', async () => {
    // S3 removes the version and notifies; s3rver's own notification (an unversioned delete) is held back.
    const send = pipeline.queue.send.bind(pipeline.queue);
    pipeline.queue.send = () => 'held back';
    await pipeline.s3.send(new DeleteObjectCommand({ Bucket: pipeline.bucket, Key: KEY }));
    pipeline.queue.send = send;

    await deliver('ObjectRemoved:Delete', 'the-current-version');

    expect((await ingestion()).status).toBe('deleted');
    expect(await listed()).toEqual([]);
  });
});
