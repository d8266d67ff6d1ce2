import { readFile } from 'node:fs/promises';
import { SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { enqueueReprocessing, staleIngestions } from '../../../functions/ingest/reprocess.ts';
import { createDocumentClient } from '../../../shared/store/dynamodb/client.ts';
import { readerAndWriter, type TestStore } from '../../support/store.ts';
import type { ArticleRecord, IngestionRecord, StatementRecord } from '../../../shared/store/port.ts';
import { eventually, startTestPipeline, type TestPipeline } from '../../support/pipeline.ts';

// A parser upgrade, simulated: the version the ingest handler stamps on its records can be raised mid-test.
const parser = vi.hoisted(() => ({ version: 1 }));
vi.mock('../../../shared/parse/version.ts', () => ({
  get PARSER_VERSION() {
    return parser.version;
  },
}));

type ArticleWithStatements = ArticleRecord & { statements: StatementRecord[] };

const fixture = await readFile(new URL('../../fixtures/karabakh-offensive-2023-09-20.txt', import.meta.url), 'utf8');
let pipeline: TestPipeline;
let store: TestStore;

beforeAll(async () => {
  pipeline = await startTestPipeline();
  store = readerAndWriter({ client: createDocumentClient(pipeline.dynamoEndpoint), tableName: pipeline.tableName, cursorSecret: 'test' });
});

afterAll(async () => {
  await pipeline?.stop();
});

async function accepted(key: string, parserVersion: number): Promise<IngestionRecord> {
  return eventually(async () => {
    const { status, body } = await pipeline.get<IngestionRecord>(`/ingestions/${key}`);
    return status === 200 && body.status === 'accepted' && body.parserVersion === parserVersion ? body : undefined;
  }, 15_000, `${key} parsed by version ${parserVersion}`);
}

async function article(id: string): Promise<ArticleWithStatements> {
  return (await pipeline.get<ArticleWithStatements>(`/articles/${id}`)).body;
}

/** What parsing produced, without what differs between any two uploads (ids, times, keys). */
const parsedContent = ({ metadata, statements }: ArticleWithStatements) => ({
  metadata,
  statements: statements.map(({ kind, text, cue, speaker, start, end, paragraph, sentence }) => ({ kind, text, cue, speaker, start, end, paragraph, sentence })),
});

it('re-enqueues what an older parser made; the result equals a fresh upload with the new parser', async () => {
  await pipeline.put('old.txt', fixture);
  await pipeline.put('rejected.txt', '');
  const before = await accepted('old.txt', 1);
  await pipeline.idle();

  parser.version = 2;
  const stale = await staleIngestions(store, 2);
  expect(stale.map((ingestion) => ingestion.key).sort()).toEqual(['old.txt', 'rejected.txt']);

  const progress: number[] = [];
  const sqs = new SQSClient({ endpoint: new URL(pipeline.queueUrl).origin, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await enqueueReprocessing(sqs, pipeline.queueUrl, stale, (sent) => progress.push(sent));
  sqs.destroy();
  expect(progress).toEqual([2]);

  const after = await accepted('old.txt', 2);
  await pipeline.idle();
  expect(await staleIngestions(store, 2)).toEqual([]);
  expect(after.articleIds).toEqual(before.articleIds);
  // The same upload event, reapplied: not a new one, of the upload's own time (an undated article sorts by it).
  expect(after.sequencer).toBe(before.sequencer);
  expect(after.receivedAt).toBe(before.receivedAt);

  await pipeline.put('fresh.txt', fixture);
  const fresh = await accepted('fresh.txt', 2);
  expect(parsedContent(await article(after.articleIds[0]!))).toEqual(parsedContent(await article(fresh.articleIds[0]!)));
});
