/**
 * The record shapes are classic zod schemas (shared/model), which the parser and the store use as types
 * only; the ingest handler validates notifications with zod/mini, a fraction of classic zod's size. A value
 * import of a model schema anywhere on the ingest path would pull all of classic zod into every cold start
 * without a type error or a lint warning: this holds the bundle to it.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { functionBundleOptions } from '../../infra/bundle.ts';

const repoRoot = new URL('../../', import.meta.url);

describe('the ingest function as bundled for Lambda', () => {
  it('leaves classic zod out', async () => {
    const { metafile } = await build({
      ...functionBundleOptions({
        entry: new URL('functions/ingest/handler.ts', repoRoot).pathname,
        // Only the metafile is read: nothing is written there.
        outdir: join(tmpdir(), 'onrecord-ingest-zod'),
        target: `node${process.versions.node.split('.')[0]}`,
        tsconfig: new URL('tsconfig.json', repoRoot).pathname,
      }),
      write: false,
      metafile: true,
    });
    const zodModules = Object.keys(metafile.inputs).filter((path) => path.includes('node_modules/zod/'));
    expect(zodModules.some((path) => path.includes('/v4/mini/'))).toBe(true);
    expect(zodModules.filter((path) => path.includes('/v4/classic/'))).toEqual([]);
  }, 60_000);
});
