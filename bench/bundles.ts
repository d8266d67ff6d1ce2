/**
 * Lambda bundles: each handler bundled the way CDK's NodejsFunction does it (esbuild, ESM, minified,
 * platform node, target node20, AWS SDK inside, createRequire banner for CommonJS dependencies), then
 * its size, and its cold initialisation: the import of the bundle in a fresh Node process.
 */
import { build, type Metafile } from 'esbuild';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Measure, Row } from './measure.ts';
import { summarize } from './stats.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const COLD_STARTS = 20;

const HANDLERS = [
  { name: 'ingest', entry: 'functions/ingest/handler.ts', maxBytes: 1_000_000 },
  { name: 'api', entry: 'functions/api/handler.ts', maxBytes: undefined },
] as const;

/** What NodejsFunction passes to esbuild for an ESM function with the SDK bundled. */
export async function bundle(entry: string, outfile: string): Promise<Metafile> {
  const result = await build({
    entryPoints: [join(ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    mainFields: ['module', 'main'],
    // The same banner as infra/constructs/service-function.ts gives the deployed functions.
    banner: {
      js: "import { createRequire as __onrecordCreateRequire } from 'node:module'; const require = __onrecordCreateRequire(import.meta.url);",
    },
    metafile: true,
    logLevel: 'silent',
  });
  return result.metafile;
}

/** The configuration a deployed function gets, with harmless values: importing must not need AWS. */
const LAMBDA_ENV = {
  ...process.env,
  AWS_REGION: 'us-east-1',
  TABLE_NAME: 'bench',
  CURSOR_SECRET: 'bench-secret',
  POWERTOOLS_SERVICE_NAME: 'onrecord-bench',
  POWERTOOLS_METRICS_NAMESPACE: 'onrecord-bench',
  NODE_OPTIONS: '',
};

/**
 * Milliseconds to import the bundle, timed inside a new Node process (process start-up excluded): wall
 * clock, and CPU time of that process (what it costs without the rest of a busy machine).
 */
async function coldInit(file: string): Promise<{ wallMs: number; cpuMs: number }> {
  const script = [
    'const cpu = process.cpuUsage(); const start = performance.now();',
    `await import(${JSON.stringify(pathToFileURL(file).href)});`,
    'const wallMs = performance.now() - start; const used = process.cpuUsage(cpu);',
    'process.stdout.write(JSON.stringify({ wallMs, cpuMs: (used.user + used.system) / 1000 }));',
  ].join('\n');
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { env: LAMBDA_ENV });
  return JSON.parse(stdout) as { wallMs: number; cpuMs: number };
}

/** The few packages that weigh most in a bundle: where to look when it is too big. */
function heaviestPackages(metafile: Metafile, count: number): string {
  const output = Object.values(metafile.outputs)[0]!;
  const byPackage = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const name = match ? match[1]! : '(project code)';
    byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
  }
  return [...byPackage.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(0)} KB`)
    .join(', ');
}

export const bundlesMeasure: Measure = {
  name: 'bundles',
  title: 'Lambda bundles: size and cold init',
  async run() {
    const dir = await mkdtemp(join(tmpdir(), 'onrecord-bundles-'));
    const rows: Row[] = [];
    const notes: string[] = [
      'esbuild with NodejsFunction\'s options: bundle, ESM, minify, platform node, target node20, main fields module,main, createRequire banner, AWS SDK bundled (no externals).',
      `Cold init = \`await import(bundle)\` timed inside a fresh \`node\` process (start-up of Node itself excluded), ${COLD_STARTS} processes, one after another; CPU time = user + system time of that process during the import (V8 compiles on helper threads too, so it can exceed wall time).`,
      'What a handler imports dynamically stays in its one bundle but is initialised on first use, outside this measure: the api loads the format readers (HTML, Markdown, dates) and the S3 client on its first article page; the JSON endpoints never need them.',
      'The deployed functions (infra/constructs/service-function.ts) use target node24 and an external source map; the bundle here uses target node20 so it runs on this machine\'s Node, and its size excludes any source map.',
    ];
    try {
      for (const handler of HANDLERS) {
        const outfile = join(dir, handler.name, 'index.mjs');
        const metafile = await bundle(handler.entry, outfile);
        const code = await readFile(outfile);
        const size = code.byteLength;
        rows.push({
          metric: `${handler.name} bundle size`,
          unit: 'MB',
          summary: summarize([size / 1e6]),
          ...(handler.maxBytes ? { target: { op: '<=' as const, value: handler.maxBytes / 1e6 } } : {}),
        });
        const starts: { wallMs: number; cpuMs: number }[] = [];
        for (let i = 0; i < COLD_STARTS; i++) starts.push(await coldInit(outfile));
        const target = { op: '<=' as const, value: 200 };
        rows.push({ metric: `${handler.name} cold init (wall)`, unit: 'ms', summary: summarize(starts.map((start) => start.wallMs)), target });
        rows.push({ metric: `${handler.name} cold init (CPU time)`, unit: 'ms', summary: summarize(starts.map((start) => start.cpuMs)), target });
        notes.push(
          `${handler.name}: ${(size / 1024).toFixed(0)} KB minified, ${(gzipSync(code).byteLength / 1024).toFixed(0)} KB gzipped; heaviest: ${heaviestPackages(metafile, 8)}.`,
        );
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    return { rows, notes };
  },
};
