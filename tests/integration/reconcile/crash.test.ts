/**
 * Issue 16, point 7: a crash of the local pipeline mid-upload used to leave objects in the bucket that
 * nothing ever ingested (its queue lives in memory). The pipeline (run as `npm start` runs it) is killed
 * with SIGKILL while a few hundred objects are being uploaded, started again on the same data, and the
 * upload is finished, as a user re-running `aws s3 sync` would. Every object must end up ingested exactly
 * once: one accepted ingestion record carrying the object's eTag, one article per object, nothing else.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { uploadClient } from '../../../local/uploads.ts';
import { unquoteETag } from '../../../shared/objects/versions.ts';
import type { ArticleRecord, IngestionRecord, Page } from '../../../shared/store/port.ts';

const OBJECTS = 300;
const KILL_AFTER = 60;
const RUNNER = fileURLToPath(new URL('./run-pipeline.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../../', import.meta.url));

interface Running {
  child: ChildProcess;
  s3Endpoint: string;
  apiUrl: string;
  bucket: string;
  reconciled: Promise<Record<string, string[] | string>>;
}

function start(dataDirectory: string): Promise<Running> {
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '--import', 'tsx', RUNNER, dataDirectory], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'SILENT' },
  });
  const lines = createInterface({ input: child.stdout! });
  let reconciled: (findings: Record<string, string[] | string>) => void = () => undefined;
  const reconciledPromise = new Promise<Record<string, string[] | string>>((resolve) => (reconciled = resolve));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      reject(new Error(`the pipeline exited (${code}) before it was ready`));
      reconciled({ error: `the pipeline exited (${code}) before it reconciled` });
    });
    lines.on('line', (line) => {
      if (line.startsWith('READY ')) resolve({ child, reconciled: reconciledPromise, ...(JSON.parse(line.slice(6)) as Omit<Running, 'child' | 'reconciled'>) });
      if (line.startsWith('RECONCILED ')) reconciled(JSON.parse(line.slice(11)) as Record<string, string[] | string>);
    });
  });
}

const text = (n: number) => `Harbour report ${n}\n\nThe harbour board published report ${n} on Tuesday.\n\n"Report ${n} is final," said Maria Lopez.\n`;
const key = (n: number) => `crash/report-${String(n).padStart(3, '0')}.txt`;

async function all<T>(apiUrl: string, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const response = await fetch(`${apiUrl}${path}?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    const page = (await response.json()) as Page<T>;
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

let dataDirectory: string | undefined;
let running: Running | undefined;
afterAll(async () => {
  running?.child.kill('SIGKILL');
  if (dataDirectory) await rm(dataDirectory, { recursive: true, force: true });
});

describe('a crash of the local pipeline mid-upload', () => {
  it(`loses none of ${OBJECTS} objects and ingests each exactly once after a restart`, { timeout: 240_000 }, async () => {
    dataDirectory = await mkdtemp(join(tmpdir(), 'onrecord-crash-'));
    running = await start(dataDirectory);
    let s3 = uploadClient(running.s3Endpoint);
    const uploaded = new Set<number>();
    const upload = async (n: number) => {
      await s3.send(new PutObjectCommand({ Bucket: running!.bucket, Key: key(n), Body: text(n), ContentType: 'text/plain; charset=utf-8' }));
      uploaded.add(n);
    };

    // Eight uploads at a time. Once KILL_AFTER have completed, the uploads in flight are let finish and none
    // started, then SIGKILL: s3rver writes an object's bytes and metadata as separate files (S3's PUT is
    // atomic), so a kill inside a PUT could leave a half-written object no S3 would have.
    let next = 0;
    let inFlight = 0;
    let stopping = false;
    const crashed = new Promise<void>((resolve) => {
      const worker = async (): Promise<void> => {
        while (next < OBJECTS && !stopping) {
          const n = next++;
          inFlight += 1;
          await upload(n);
          inFlight -= 1;
          if (uploaded.size >= KILL_AFTER) stopping = true;
          if (stopping && inFlight === 0) {
            running!.child.kill('SIGKILL');
            resolve();
          }
        }
      };
      for (let i = 0; i < 8; i++) void worker();
    });
    await crashed;
    await new Promise((resolve) => running!.child.once('exit', resolve));
    s3.destroy();

    running = await start(dataDirectory);
    s3 = uploadClient(running.s3Endpoint);
    const findings = await running.reconciled;
    expect(findings.error).toBeUndefined();
    // Finish the upload, as re-running the sync would: everything the first run did not confirm.
    for (let n = 0; n < OBJECTS; n++) if (!uploaded.has(n)) await upload(n);

    const listed = await s3.send(new ListObjectsV2Command({ Bucket: running.bucket }));
    expect(listed.Contents).toHaveLength(OBJECTS);
    const eTags = new Map((listed.Contents ?? []).map((object) => [object.Key, unquoteETag(object.ETag)]));

    let ingestions: IngestionRecord[] = [];
    const deadline = Date.now() + 120_000;
    do {
      await new Promise((resolve) => setTimeout(resolve, 500));
      ingestions = await all<IngestionRecord>(running.apiUrl, '/ingestions');
    } while ((ingestions.length < OBJECTS || ingestions.some((i) => i.status !== 'accepted')) && Date.now() < deadline);

    expect(ingestions.map((i) => i.key).sort()).toEqual([...eTags.keys()].sort());
    for (const ingestion of ingestions) {
      expect(ingestion.status, ingestion.key).toBe('accepted');
      expect(ingestion.eTag, ingestion.key).toBe(eTags.get(ingestion.key));
      expect(ingestion.articleIds, ingestion.key).toHaveLength(1);
    }
    const articles = await all<ArticleRecord>(running.apiUrl, '/articles');
    expect(articles.map((a) => a.source.key).sort()).toEqual([...eTags.keys()].sort());
    // The first run's lost events are what the restart's reconciliation found.
    console.log(`killed after ${KILL_AFTER} confirmed uploads; reconciliation at restart found ${findings.missing?.length ?? 0} missing, ${findings.stale?.length ?? 0} stale, ${findings.gone?.length ?? 0} gone`);
    s3.destroy();
  });
});
