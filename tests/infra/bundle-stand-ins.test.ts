/**
 * The stand-ins infra/bundle.ts aliases into the Lambda bundles in place of code a Lambda never runs: semver
 * cut to `gte`, the SDK's shared-config credential providers that skip to the next link, bowser. The SDK's
 * default credential chain is bundled with the very options `cdk synth` uses and must still find the
 * environment's credentials (as on Lambda) and fall through the stubbed links to the last one without them.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
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

let outdir: string;
let defaultProvider: (init?: object) => Provider;

beforeAll(async () => {
  outdir = await mkdtemp(join(tmpdir(), 'onrecord-stand-ins-'));
  const entry = join(outdir, 'entry.ts');
  await writeFile(entry, "export { defaultProvider } from '@aws-sdk/credential-provider-node';\n");
  await build({
    ...functionBundleOptions({
      entry,
      outdir: join(outdir, 'out'),
      target: `node${process.versions.node.split('.')[0]}`,
      tsconfig: new URL('tsconfig.json', repoRoot).pathname,
    }),
    // the entry is written outside the repository: its packages are the repository's
    nodePaths: [new URL('node_modules', repoRoot).pathname],
  });
  ({ defaultProvider } = (await import(pathToFileURL(join(outdir, 'out', 'index.mjs')).href)) as { defaultProvider: typeof defaultProvider });
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
    const chunks = await readdir(join(outdir, 'out', 'chunks'));
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
