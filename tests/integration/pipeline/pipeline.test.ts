import { readFile } from 'node:fs/promises';
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleRecord, IngestionRecord, Page, StatementRecord } from '../../../shared/store/port.ts';
import { eventually, startTestPipeline, type TestPipeline } from '../../support/pipeline.ts';

/**
 * End to end through the local pipeline, as a user drives it: objects go in through the S3 API, results
 * come out of the HTTP API. Nothing is called directly in between.
 */
type ArticleWithStatements = ArticleRecord & { statements: StatementRecord[] };

const fixture = await readFile(new URL('../../fixtures/karabakh-offensive-2023-09-20.txt', import.meta.url), 'utf8');
const ERDOGAN = 'Recep Tayyip Erdogan';

let pipeline: TestPipeline;

beforeAll(async () => {
  pipeline = await startTestPipeline();
});

afterAll(async () => {
  await pipeline?.stop();
});

const ingestionPath = (key: string) => `/ingestions/${key.split('/').map(encodeURIComponent).join('/')}`;

async function ingestion(key: string, status: IngestionRecord['status']): Promise<IngestionRecord> {
  return eventually(async () => {
    const { status: http, body } = await pipeline.get<IngestionRecord>(ingestionPath(key));
    return http === 200 && body.status === status ? body : undefined;
  }, 15_000, `${key} to be ${status}`);
}

async function articleOf(key: string): Promise<ArticleWithStatements> {
  const { articleIds } = await ingestion(key, 'accepted');
  const { status, body } = await pipeline.get<ArticleWithStatements>(`/articles/${articleIds[0]}`);
  expect(status).toBe(200);
  return body;
}

const directQuotesBy = (article: ArticleWithStatements, name: string) =>
  article.statements.filter((statement) => statement.kind === 'direct' && statement.speaker.name === name);

describe('local pipeline, S3 API in, HTTP API out', () => {
  it('makes an uploaded article (key with spaces and non-ASCII) listable, dated, with its direct quotations', async () => {
    const key = 'politics/Erdoğan at the UN (2023).txt';
    await pipeline.put(key, fixture, 'text/plain; charset=utf-8');

    const listed = await eventually(async () => {
      const { body } = await pipeline.get<Page<ArticleRecord>>('/articles');
      return body.items.find((item) => item.source.key === key);
    }, 15_000, 'the article to be listed');
    expect(listed.metadata.publishedAt).toMatch(/^2023-09-20/);

    const { status, body: article } = await pipeline.get<ArticleWithStatements>(`/articles/${listed.id}`);
    expect(status).toBe(200);
    const quotes = directQuotesBy(article, ERDOGAN).map((statement) => statement.text);
    expect(quotes.length).toBeGreaterThanOrEqual(3);
    expect(quotes).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Karabakh is Azerbaijani territory'),
        expect.stringContaining('We support the steps taken by Azerbaijan'),
        expect.stringContaining('We expect Armenia to fulfill its promises'),
      ]),
    );
  });

  it('records binary and empty uploads as rejected with their reasons, while the rest of the batch is stored', async () => {
    const binary = Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256);
    await Promise.all([
      pipeline.put('rejects/photo.jpg', binary, 'image/jpeg'),
      pipeline.put('rejects/empty.txt', ''),
      pipeline.put('rejects/good.txt', fixture, 'text/plain'),
    ]);

    const photo = await ingestion('rejects/photo.jpg', 'rejected');
    expect(photo.reason?.code).toBe('binary');
    expect(photo.reason?.message).toBeTruthy();
    expect((await ingestion('rejects/empty.txt', 'rejected')).reason?.code).toBe('empty');
    expect(directQuotesBy(await articleOf('rejects/good.txt'), ERDOGAN).length).toBeGreaterThanOrEqual(3);

    await pipeline.idle();
    // Rejections are answered, not retried: nothing ran out of attempts.
    expect(pipeline.queue.deadLetters).toEqual([]);
  });

  it('removes the article when its object is deleted', async () => {
    const key = 'deleted/karabakh.txt';
    await pipeline.put(key, fixture);
    const article = await articleOf(key);

    await pipeline.s3.send(new DeleteObjectCommand({ Bucket: pipeline.bucket, Key: key }));

    await ingestion(key, 'deleted');
    expect((await pipeline.get(`/articles/${article.id}`)).status).toBe(404);
  });

  it('replaces the statements when an edited article is uploaded again under the same key', async () => {
    const key = 'edited/karabakh.txt';
    await pipeline.put(key, fixture);
    const original = await articleOf(key);
    expect(original.statements.some((s) => s.text.includes('We support the steps taken by Azerbaijan'))).toBe(true);

    const edited = fixture
      .replace(/\n\nHe added, "We support the steps[^\n]*/, '')
      .concat('\n\nArmenian Prime Minister Nikol Pashinyan said, "We will not be drawn into new hostilities."');
    await pipeline.put(key, edited);

    const replaced = await eventually(async () => {
      const article = await articleOf(key);
      return article.statements.some((s) => s.text.includes('drawn into new hostilities')) ? article : undefined;
    }, 15_000, 'the edited statements');
    expect(replaced.id).toBe(original.id);
    expect(replaced.statements.some((s) => s.text.includes('We support the steps taken by Azerbaijan'))).toBe(false);
    expect(replaced.statementCount).toBe(replaced.statements.length);
  });
});
