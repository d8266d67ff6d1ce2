/**
 * What infra/bundle.ts changes in the SDK and the tracer's dependencies as it bundles them: the stand-ins it
 * aliases in place of code a Lambda never runs (semver cut to `gte`, the SDK's shared-config credential
 * providers that skip to the next link, bowser), and the SDK clients' schemas with literal keys. Each is
 * bundled with the very options `cdk synth` uses: the default credential chain must still find the
 * environment's credentials (as on Lambda) and fall through the stubbed links without them, and S3's
 * GetObject must still read an object and name a missing key. Node's built-ins imported as ESM are read through
 * `require` (infra/builtins-as-require.ts): every name a dependency imports must still be there.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functionBundleOptions } from '../../infra/bundle.ts';
import { gte } from '../../infra/semver-gte.ts';
import { fromIni, fromProcess, fromSSO, fromTokenFile } from '../../infra/lambda-credentials.ts';

const semver = createRequire(import.meta.url)('semver') as { gte(a: string, b: string): boolean };
const repoRoot = new URL('../../', import.meta.url);

type Provider = () => Promise<{ accessKeyId: string; secretAccessKey: string }>;

const S3_ENTRY = `import { GetObjectCommand, NoSuchKey, S3Client } from '@aws-sdk/client-s3';
export async function getObject(endpoint, key) {
  const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, maxAttempts: 1, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  try {
    const object = await client.send(new GetObjectCommand({ Bucket: 'articles', Key: key }));
    return { body: await object.Body.transformToString(), contentType: object.ContentType, eTag: object.ETag, length: object.ContentLength };
  } catch (error) {
    return { error: error.name, noSuchKey: error instanceof NoSuchKey };
  } finally {
    client.destroy();
  }
}
`;

const BUILTINS_ENTRY = `import http, { STATUS_CODES, request } from 'node:http';
import { createHash } from 'crypto';
import * as path from 'node:path';
import { env } from 'node:process';
export const found = { home: env.HOME === process.env.HOME, agent: typeof http.Agent, notFound: STATUS_CODES[404], request: request === http.request, sha: createHash('sha1').update('a').digest('hex').slice(0, 6), join: path.join('a', 'b') };
`;

let outdir: string;
let builtins: { found: unknown };
let defaultProvider: (init?: object) => Provider;
let getObject: (endpoint: string, key: string) => Promise<unknown>;

/** `source` as the entry of a bundle built with the Lambda options, imported. */
async function bundled(name: string, source: string): Promise<unknown> {
  const entry = join(outdir, `${name}.ts`);
  await writeFile(entry, source);
  await build({
    ...functionBundleOptions({
      entry,
      outdir: join(outdir, name),
      target: `node${process.versions.node.split('.')[0]}`,
      tsconfig: new URL('tsconfig.json', repoRoot).pathname,
    }),
    // the entry is written outside the repository: its packages are the repository's
    nodePaths: [new URL('node_modules', repoRoot).pathname],
    logLevel: 'silent',
  });
  return import(pathToFileURL(join(outdir, name, 'index.mjs')).href);
}

beforeAll(async () => {
  outdir = await mkdtemp(join(tmpdir(), 'onrecord-stand-ins-'));
  ({ defaultProvider } = (await bundled('credentials', "export { defaultProvider } from '@aws-sdk/credential-provider-node';\n")) as { defaultProvider: typeof defaultProvider });
  ({ getObject } = (await bundled('s3', S3_ENTRY)) as { getObject: typeof getObject });
  builtins = (await bundled('builtins', BUILTINS_ENTRY)) as typeof builtins;
}, 60_000);

afterAll(async () => {
  await rm(outdir, { recursive: true, force: true });
});

describe('semver stand-in', () => {
  it('compares as semver does', () => {
    const versions = ['0.0.1', '1.2.3', '8.0.0', '20.19.0', '20.20.2', '22.12.0', '24.0.0', '3.0.0-beta.1', '3.0.0', '2.1600.0'];
    for (const a of versions) for (const b of versions) expect(gte(a, b), `${a} >= ${b}`).toBe(semver.gte(a, b));
  });
});

describe('credential providers stand-ins', () => {
  it('skip to the next link of the chain, as an SDK provider without its configuration does', async () => {
    for (const provider of [fromSSO, fromIni, fromProcess, fromTokenFile]) {
      await expect(provider()()).rejects.toMatchObject({ name: 'CredentialsProviderError', tryNextLink: true });
    }
  });

  it('leave no chunk of the SDK shared-config providers or their STS and SSO clients in a bundle', async () => {
    const chunks = await readdir(join(outdir, 'credentials', 'chunks'));
    expect(chunks.filter((name) => /^(sts|sso|signin|loadSso)-/.test(name))).toEqual([]);
  });

  it("let the bundled default chain read the environment's credentials, as on Lambda", async () => {
    const saved = { ...process.env };
    try {
      Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIDLAMBDA', AWS_SECRET_ACCESS_KEY: 'lambda-secret', AWS_SESSION_TOKEN: 'lambda-token' });
      delete process.env.AWS_PROFILE;
      await expect(defaultProvider()()).resolves.toMatchObject({ accessKeyId: 'AKIDLAMBDA', secretAccessKey: 'lambda-secret', sessionToken: 'lambda-token' });
    } finally {
      process.env = saved;
    }
  });

  it('fall through to the end of the chain without credentials in the environment', async () => {
    const saved = { ...process.env };
    try {
      for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI']) {
        delete process.env[name];
      }
      process.env.AWS_EC2_METADATA_DISABLED = 'true';
      await expect(defaultProvider()()).rejects.toMatchObject({ name: 'CredentialsProviderError' });
    } finally {
      process.env = saved;
    }
  });
});

describe('SDK schemas with literal keys', () => {
  it("let a bundled S3 client read an object and name a missing key as S3's own does", async () => {
    const server = createServer((request, response) => {
      if (request.url?.startsWith('/articles/there.html')) {
        response.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': 5, ETag: '"abc"' }).end('hello');
      } else {
        const xml = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>';
        response.writeHead(404, { 'Content-Type': 'application/xml' }).end(xml);
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      await expect(getObject(endpoint, 'there.html')).resolves.toEqual({ body: 'hello', contentType: 'text/html', eTag: '"abc"', length: 5 });
      await expect(getObject(endpoint, 'missing.html')).resolves.toEqual({ error: 'NoSuchKey', noSuchKey: true });
    } finally {
      server.close();
    }
  });

  it('leave out the schemas of the operations a bundle does not send', async () => {
    const files = await readdir(join(outdir, 's3'), { recursive: true });
    let code = '';
    for (const file of files.filter((name) => name.endsWith('.mjs'))) code += await readFile(join(outdir, 's3', file), 'utf8');
    expect(code).toContain('GetObjectRequest');
    expect(code).not.toContain('PutBucketCors');
  });
});

describe('built-ins imported as ESM', () => {
  it('are read through require, every import (default, named, namespace) answering as the module', async () => {
    expect(builtins.found).toEqual({ home: true, agent: 'function', notFound: 'Not Found', request: true, sha: '86f7e4', join: 'a/b' });
    const code = await readFile(join(outdir, 'builtins', 'index.mjs'), 'utf8');
    expect(code).not.toMatch(/from\s*"node:(?:http|crypto|path)"/);
    expect(code).toContain('"node:http"');
  });

  it('leave every export of the built-in to be read when the code reads it, getters included', async () => {
    const code = await readFile(join(outdir, 'builtins', 'index.mjs'), 'utf8');
    // no list of a built-in's exports is written out, so none of its getters (process.stdin opens a stream) runs at load
    expect(code).not.toMatch(/\bstdin\b|\bWebSocket\b|\bfips\b/);
  });
});
