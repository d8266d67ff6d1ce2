import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeKey } from '../../../functions/ingest/notifications.ts';
import { startTestS3, type TestS3 } from '../../support/s3.ts';

/** `npm run upload` against s3rver, run as npm runs it: from the package root, the user's directory in INIT_CWD. */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const userDirectory = mkdtempSync(join(tmpdir(), 'upload-cli-'));
let s3: TestS3;

beforeAll(async () => {
  s3 = await startTestS3();
  for (const [path, text] of [['001.txt', 'Top one.'], ['politics/001.txt', 'Politics one.'], ['business/001.txt', 'Business one.']] as const) {
    mkdirSync(join(userDirectory, path, '..'), { recursive: true });
    writeFileSync(join(userDirectory, path), text);
  }
});

afterAll(async () => {
  await s3?.stop();
  rmSync(userDirectory, { recursive: true, force: true });
});

beforeEach(() => {
  s3.notifications.length = 0;
});

/** Run asynchronously: s3rver answers from this process, so a blocking spawn would wait on itself. */
async function upload(args: string[], from = userDirectory): Promise<{ status: number; stdout: string; stderr: string }> {
  const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/upload.ts', ...args], {
    cwd: root,
    env: { ...process.env, INIT_CWD: from, S3_ENDPOINT: s3.endpoint, BUCKET: s3.bucket },
    timeout: 20_000,
  });
  try {
    return { status: 0, ...(await run) };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { status: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const uploadedKeys = () => s3.notifications.map((record) => decodeKey(record.s3.object.key)).sort();

describe('npm run upload', () => {
  it('keys each file by its path, so files of the same name in two folders both arrive, and prints each key', async () => {
    const result = await upload(['politics/001.txt', 'business/001.txt']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(uploadedKeys()).toEqual(['business/001.txt', 'politics/001.txt']);
    expect(result.stdout).toContain(`s3://${s3.bucket}/politics/001.txt`);
    expect(result.stdout).toContain(`s3://${s3.bucket}/business/001.txt`);
  });

  it('puts the keys under --prefix', async () => {
    const result = await upload(['--prefix', 'bbc', 'politics/001.txt']);
    expect(result.status).toBe(0);
    expect(uploadedKeys()).toEqual(['bbc/politics/001.txt']);
  });

  it('refuses two files under one key and uploads nothing', async () => {
    // From business/, `../001.txt` drops its `../` (a key never climbs out) and meets business/001.txt's key.
    const result = await upload(['001.txt', '../001.txt'], join(userDirectory, 'business'));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/refusing to upload .*001\.txt and .*001\.txt under one key/);
    expect(uploadedKeys()).toEqual([]);
  });
});
