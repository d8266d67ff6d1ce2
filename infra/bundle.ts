import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions, Plugin } from 'esbuild';
import { builtinsAsRequire } from './builtins-as-require.ts';

/**
 * How a function's code is bundled: one definition for `cdk synth` (constructs/service-function.ts) and for
 * `npm run bench -- --only bundles`, so the bench measures the code that is deployed.
 *
 * ESM with code splitting: what a handler imports dynamically (`await import(…)`: the ingest's HTML and
 * Markdown readers, the API's JSON endpoints, the SDK's credential providers other than the environment's) is a
 * chunk of its own, read and compiled only when first used. In a single file it would be compiled at every
 * cold start whether used or not. NodejsFunction cannot split (it passes esbuild `--outfile`), hence a
 * plain Function with this bundle as its asset.
 */

/**
 * esbuild emits ESM; CommonJS dependencies bundled into it still call `require`, which ESM does not define.
 * The banner gives every chunk one, built from its own URL.
 */
const ESM_REQUIRE_BANNER =
  "import { createRequire as __onrecordCreateRequire } from 'node:module'; const require = __onrecordCreateRequire(import.meta.url);";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The AWS SDK clients' schema modules (`schemas_0.js`: one shape per input, output and operation of the whole
 * service) key their objects by constants, `{ [_h]: ["GET", "/?abac", 200] }` with `const _h = "http"` at the
 * top. esbuild cannot tell such a computed key from one whose conversion to a string runs code, so it keeps
 * every operation's schema, and with them every shape they name: S3's whole API (~66 KB minified) for our one
 * GetObject. Written as the literal it is (`{ "http": … }`), the key is plainly pure and what no command we
 * send refers to is dropped (S3's schemas: ~8 KB). Only keys in object literals (after `{` or `,`) are
 * rewritten, and only to the string constant the same file declares at its top under that name.
 */
export const sdkSchemaLiteralKeys: Plugin = {
  name: 'sdk-schema-literal-keys',
  setup(build) {
    build.onLoad({ filter: /[\\/]@aws-sdk[\\/]client-[\w-]+[\\/]dist-es[\\/]schemas[\\/]schemas_\d+\.js$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      const constants = new Map<string, string>();
      for (const [, name, literal] of source.matchAll(/^const (_\w+) = ("(?:[^"\\\n]|\\.)*");$/gm)) constants.set(name!, literal!);
      const contents = source.replace(/([{,]\s*)\[(_\w+)\]:/g, (key, before: string, name: string) => {
        const literal = constants.get(name);
        return literal === undefined ? key : `${before}${literal}:`;
      });
      return { contents, loader: 'js' };
    });
  },
};

export interface BundleTarget {
  /** Absolute path of the handler module. */
  entry: string;
  /** Directory to write index.mjs (the entry: the function's handler is `index.handler`), its chunks and their source maps to. */
  outdir: string;
  /** esbuild's target: the deployed runtime's Node (node24); the bench uses the Node it runs on. */
  target: string;
  /** The repository's tsconfig.json. */
  tsconfig: string;
}

export function functionBundleOptions({ entry, outdir, target, tsconfig }: BundleTarget): BuildOptions {
  return {
    entryPoints: { index: entry },
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: join('chunks', '[name]-[hash]'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target,
    // Dependencies' ESM builds: esbuild can drop what is not imported, which it cannot do in CommonJS.
    mainFields: ['module', 'main'],
    banner: { js: ESM_REQUIRE_BANNER },
    minify: true,
    // Stack traces point at the TypeScript sources (NODE_OPTIONS=--enable-source-maps); the maps hold only
    // the mappings, not the sources, so they stay small.
    sourcemap: true,
    sourcesContent: false,
    // The AWS SDK is bundled too: the runtime's copy drifts from the version we test against
    // (aws/aws-cdk#31610), and loading it from the runtime's node_modules is slower than the bundled one
    // (BENCHMARKS.md, "Lambda bundles").
    external: [],
    // What our dependencies import but a Lambda never runs (each file says why): all of htmlparser2 but its
    // Parser and the CSS parser behind a <style> element's `sheet` (linkedom); the SDK's credential providers
    // after the environment's and its browser user-agent parser; all of semver but `gte` (the tracer's X-Ray SDK);
    // cls-hooked's async hook under the X-Ray SDK (AsyncLocalStorage instead).
    alias: {
      htmlparser2: here('./htmlparser2-parser.ts'),
      'cssomnom/parse': here('./no-style-sheets.ts'),
      '@aws-sdk/credential-provider-sso': here('./lambda-credentials.ts'),
      '@aws-sdk/credential-provider-ini': here('./lambda-credentials.ts'),
      '@aws-sdk/credential-provider-process': here('./lambda-credentials.ts'),
      '@aws-sdk/credential-provider-web-identity': here('./lambda-credentials.ts'),
      bowser: here('./no-bowser.ts'),
      semver: here('./semver-gte.ts'),
      'cls-hooked/context': here('./cls-context.ts'),
    },
    plugins: [sdkSchemaLiteralKeys, builtinsAsRequire],
    tsconfig,
    logLevel: 'warning',
  };
}
