/**
 * Lambda bundles: each handler bundled exactly as `cdk synth` bundles it (infra/bundle.ts), then its size,
 * and its cold start in a fresh Node process: module init (the import), plus what the first event adds
 * (first-use imports, clients set up on first use), per API endpoint and for an HTML article's ingest.
 * The same is measured for the baseline (main, or the commit `--baseline` names), bundled as it bundles
 * itself, in the same run, one process of each after the other, so the ratio holds on a busy machine.
 */
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { BundleTarget, functionBundleOptions } from '../infra/bundle.ts';
import { packageOf, packagesBundledTwice } from '../infra/bundled-packages.ts';
import { filesReadAtInit } from '../infra/read-at-init.ts';
import { startLocalDynamo } from '../local/dynamo.ts';
import { PARSER_VERSION } from '../shared/parse/version.ts';
import { parseDocument } from '../shared/parse/index.ts';
import { readerAndWriter } from '../tests/support/store.ts';
import { documentClient, localClient } from '../tests/support/dynamo.ts';
import type { Measure, Row } from './measure.ts';
import { summarize } from './stats.ts';

const run = promisify(execFile);
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHILD = fileURLToPath(new URL('./cold-start.mjs', import.meta.url));
/** What this checkout is compared with unless `--baseline` names another commit. */
const DEFAULT_BASELINE = 'main';
/** The esbuild target for a Node version ("v24.1.0" → node24): each bundle is built for the Node that runs it. */
const targetOf = (version: string) => `node${version.replace(/^v/, '').split('.')[0]}`;
const INGEST_COLD_STARTS = 9;
const API_COLD_STARTS = 5;
const TABLE = 'onrecord-bench-cold';
const BUCKET = 'articles';
/** A news page with the usual head (Open Graph, JSON-LD): the ingest's first article, and the article the API's pages show. */
const HTML_FIXTURE = join(ROOT, 'tests/fixtures/formats/karabakh.html');
/** The same news as a text upload (the `date YYYY-MM-DD` header format): the ingest's other first article. */
const TEXT_FIXTURE = join(ROOT, 'tests/fixtures/karabakh-offensive-2023-09-20.txt');
const ARTICLE_KEY = 'cold/karabakh.html';

const HANDLERS = { ingest: 'functions/ingest/handler.ts', api: 'functions/api/handler.ts' } as const;
type HandlerName = keyof typeof HANDLERS;
/**
 * Per function, a handler that makes only that function's SDK calls with the same clients (bench/floor): its
 * cold start is the part of ours that comes with the AWS SDK, which no change to our code removes.
 */
const FLOORS: Record<HandlerName, string> = { ingest: 'bench/floor/ingest.ts', api: 'bench/floor/api.ts' };

/**
 * How the baseline bundled before infra/bundle.ts existed: NodejsFunction's options (one file, the SDK
 * inside). A baseline that has infra/bundle.ts is bundled with its own.
 */
function nodejsFunctionOptions({ entry, outdir, target, tsconfig }: BundleTarget): BuildOptions {
  return {
    entryPoints: { index: entry },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target,
    minify: true,
    mainFields: ['module', 'main'],
    banner: {
      js: "import { createRequire as __onrecordCreateRequire } from 'node:module'; const require = __onrecordCreateRequire(import.meta.url);",
    },
    sourcemap: true,
    sourcesContent: false,
    tsconfig,
  };
}

/**
 * The baseline's files as committed, with this checkout's node_modules: its root. Packages are not installed
 * again, so a baseline whose lock file differs is bundled with this checkout's versions (resolveBaseline says so).
 */
async function checkOut(commit: string, dir: string): Promise<string> {
  const root = join(dir, 'baseline');
  await mkdir(root);
  await run('sh', ['-c', `git archive "$1" | tar -x -C "$2"`, 'sh', commit, root], { cwd: ROOT });
  await symlink(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  return root;
}

/**
 * The commit `ref` names, and what a reader of the ratios must know about it: that it is this checkout itself
 * (then the ratios measure only noise), or that its lock file differs (then package changes are not in them).
 */
async function resolveBaseline(ref: string): Promise<{ commit: string; caveats: string[] }> {
  const revParse = async (name: string) => (await run('git', ['rev-parse', '--verify', '--quiet', `${name}^{commit}`], { cwd: ROOT })).stdout.trim();
  let commit: string;
  try {
    commit = await revParse(ref);
  } catch {
    throw new Error(`--baseline ${ref}: no such commit in ${ROOT}`);
  }
  const caveats: string[] = [];
  const uncommitted = (await run('git', ['status', '--porcelain'], { cwd: ROOT })).stdout.trim() !== '';
  if (commit === (await revParse('HEAD')) && !uncommitted) {
    caveats.push(`The baseline, ${ref}, is this checkout's own commit: the ratios measure only the noise; \`--baseline\` names the commit before the work measured.`);
  }
  const lockChanged = await run('git', ['diff', '--quiet', commit, '--', 'package-lock.json'], { cwd: ROOT }).then(
    () => false,
    () => true,
  );
  if (lockChanged) {
    caveats.push(`${ref}'s package-lock.json differs from this checkout's, and it is bundled with this checkout's node_modules: what the package changes did is not in the ratios (compare the sizes with an earlier run).`);
  }
  return { commit, caveats };
}

interface Bundle {
  entry: string;
  /** Every JavaScript file: the entry and its chunks. */
  totalBytes: number;
  /** The entry and the chunks it imports statically (not those imported on first use). */
  initBytes: number;
  gzipBytes: number;
  metafile: Metafile;
}

/** A module (a handler, or the parser alone) bundled as the checkout at `root` bundles its functions. */
export async function bundleModule(root: string, moduleEntry: string, outdir: string, nodeVersion = process.version): Promise<Bundle> {
  const target = { entry: join(root, moduleEntry), outdir, target: targetOf(nodeVersion), tsconfig: join(root, 'tsconfig.json') };
  const own = join(root, 'infra/bundle.ts');
  const options = existsSync(own)
    ? ((await import(pathToFileURL(own).href)) as { functionBundleOptions: typeof functionBundleOptions }).functionBundleOptions(target)
    : nodejsFunctionOptions(target);
  const { metafile } = await build({ ...options, metafile: true, logLevel: 'silent' });
  let totalBytes = 0;
  const code: Buffer[] = [];
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (!file.endsWith('.mjs')) continue;
    totalBytes += output.bytes;
    code.push(await readFile(resolve(file)));
  }
  const entry = join(outdir, 'index.mjs');
  return { entry, totalBytes, initBytes: bytesAtInit(metafile), gzipBytes: gzipSync(Buffer.concat(code)).byteLength, metafile };
}

/** Bytes of the entry and of every chunk it imports statically: what a cold start reads and compiles. */
const bytesAtInit = (metafile: Metafile): number => filesReadAtInit(metafile).reduce((sum, file) => sum + metafile.outputs[file]!.bytes, 0);

/** The few packages that weigh most in a bundle (all its chunks): where to look when it is too big. */
function heaviestPackages(metafile: Metafile, count: number): string {
  const byPackage = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(path)?.name ?? '(project code)';
      byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
    }
  }
  return [...byPackage.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(0)} KB`)
    .join(', ');
}

/**
 * What the handlers talk to: dynalite holding one ingested HTML article (so every API endpoint finds
 * something), and an S3 stand-in answering the ingest's every GetObject with that article's page.
 */
async function startBackends() {
  const html = await readFile(HTML_FIXTURE);
  const text = await readFile(TEXT_FIXTURE);
  const dynamo = await startLocalDynamo({ port: 0, tableName: TABLE });
  const client = localClient(dynamo.endpoint);
  const s3 = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return response.writeHead(405).end();
    const isText = new URL(request.url ?? '/', 'http://s3').pathname.endsWith('.txt');
    const body = isText ? text : html;
    response.writeHead(200, { 'Content-Type': `${isText ? 'text/plain' : 'text/html'}; charset=utf-8`, 'Content-Length': body.byteLength, ETag: '"bench"' });
    response.end(request.method === 'GET' ? body : undefined);
  });
  try {
    const store = readerAndWriter({ client: documentClient(client), tableName: TABLE, cursorSecret: 'bench-cursor-secret' });
    const [article] = parseDocument(html, { key: ARTICLE_KEY });
    if (!article?.statements[0] || !article.metadata.entities[0]) throw new Error(`${HTML_FIXTURE} should hold statements and entities`);
    await store.saveArticles(
      { bucket: BUCKET, key: ARTICLE_KEY, versionId: null, eTag: null, size: html.byteLength, sequencer: '0000000000000001', eventTime: new Date().toISOString() },
      [article],
      PARSER_VERSION,
    );
    await new Promise<void>((resolve) => s3.listen(0, '127.0.0.1', resolve));
    const speaker = article.statements[0].speaker;
    const entity = article.metadata.entities[0];
    const env = {
      PATH: process.env.PATH,
      AWS_REGION: 'us-east-1',
      // As on Lambda: credentials in the environment, so the SDK loads no other provider.
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
      TABLE_NAME: TABLE,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      S3_ENDPOINT: `http://127.0.0.1:${(s3.address() as AddressInfo).port}`,
      CURSOR_SECRET: 'bench-cursor-secret',
      POWERTOOLS_SERVICE_NAME: 'onrecord-bench',
      POWERTOOLS_METRICS_NAMESPACE: 'onrecord-bench',
      LOG_LEVEL: 'INFO',
      // As deployed (infra/constructs/service-function.ts): reading the source maps is part of a cold start.
      NODE_OPTIONS: '--enable-source-maps',
    };
    const apiPaths: Record<string, string> = {
      '/health': '/health',
      '/openapi.json': '/openapi.json',
      '/articles': '/articles',
      '/articles/{id}': `/articles/${article.id}`,
      '/articles/{id}/statements': `/articles/${article.id}/statements`,
      '/statements?speaker=': `/statements?speaker=${encodeURIComponent(speaker.id)}`,
      '/speakers?prefix=': `/speakers?prefix=${encodeURIComponent(speaker.name.slice(0, 3).toLowerCase())}`,
      '/speakers/{id}': `/speakers/${encodeURIComponent(speaker.id)}`,
      '/entities?prefix=': `/entities?prefix=${encodeURIComponent(entity.name.slice(0, 3).toLowerCase())}`,
      '/entities/{id}': `/entities/${encodeURIComponent(entity.id)}`,
      '/entities/{id}/articles': `/entities/${encodeURIComponent(entity.id)}/articles`,
      '/ingestions': '/ingestions',
      '/ingestions/{key+}': `/ingestions/${ARTICLE_KEY}`,
      '/ (page)': '/',
      '/search (page)': `/search?q=${encodeURIComponent(speaker.name.slice(0, 3))}`,
      '/view/articles/{id} (page)': `/view/articles/${article.id}`,
      '/view/speakers/{id} (page)': `/view/speakers/${encodeURIComponent(speaker.id)}`,
      '/view/entities/{id} (page)': `/view/entities/${encodeURIComponent(entity.id)}`,
      '/view/ingestions (page)': '/view/ingestions',
    };
    return {
      env,
      apiPaths,
      htmlBytes: html.byteLength,
      textBytes: text.byteLength,
      async stop() {
        client.destroy();
        await new Promise((resolve) => s3.close(resolve));
        await dynamo.close();
      },
    };
  } catch (error) {
    client.destroy();
    s3.close();
    await dynamo.close();
    throw error;
  }
}

function apiEvent(pathWithQuery: string) {
  const [path = '/', query = ''] = pathWithQuery.split('?');
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: query,
    headers: { host: 'bench.example.org', 'user-agent': 'onrecord-bench', accept: '*/*' },
    ...(query ? { queryStringParameters: Object.fromEntries(new URLSearchParams(query)) } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'bench',
      domainName: 'bench.example.org',
      domainPrefix: 'bench',
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'onrecord-bench' },
      requestId: 'bench',
      routeKey: '$default',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    isBase64Encoded: false,
  };
}

let sequence = 1;
/** An SQS message with S3's notification of a new upload, a key and sequencer of its own (so it is stored, not skipped). */
function ingestEvent(size: number, extension = 'html') {
  sequence++;
  const key = `cold/${sequence}.${extension}`;
  const body = {
    Records: [
      {
        eventName: 'ObjectCreated:Put',
        eventTime: new Date().toISOString(),
        s3: { bucket: { name: BUCKET }, object: { key, size, eTag: 'bench', sequencer: sequence.toString(16).toUpperCase().padStart(16, '0') } },
      },
    ],
  };
  return {
    Records: [
      {
        messageId: `bench-${sequence}`,
        receiptHandle: 'bench',
        body: JSON.stringify(body),
        attributes: { ApproximateReceiveCount: '1', SentTimestamp: `${Date.now()}`, SenderId: 'bench', ApproximateFirstReceiveTimestamp: `${Date.now()}` },
        messageAttributes: {},
        md5OfBody: 'bench',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:bench',
        awsRegion: 'us-east-1',
      },
    ],
  };
}

interface Step {
  wallMs: number;
  cpuMs: number;
  outcome?: string | number;
}
interface ColdStart {
  init: Step;
  first: Step;
  second: Step;
}

async function coldStart(node: string, entry: string, events: [unknown, unknown], env: Record<string, string | undefined>): Promise<ColdStart> {
  const { stdout } = await run(node, [CHILD, pathToFileURL(entry).href, JSON.stringify(events)], { env, maxBuffer: 64 * 1024 * 1024 });
  const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as ColdStart;
  for (const step of [result.first, result.second]) {
    if (step.outcome !== 200 && step.outcome !== 'ok') throw new Error(`${entry}: a cold-start request answered ${step.outcome}`);
  }
  return result;
}

/** Per scenario and tree: init, first event (init + first-use), the first event's extra over the warm second. */
interface Figures {
  initCpu: number[];
  initWall: number[];
  totalCpu: number[];
  totalWall: number[];
  firstUseCpu: number[];
  /** The second event's CPU time: the same work, warm. */
  warmCpu: number[];
}

const noFigures = (): Figures => ({ initCpu: [], initWall: [], totalCpu: [], totalWall: [], firstUseCpu: [], warmCpu: [] });

function record(figures: Figures, { init, first, second }: ColdStart): void {
  figures.initCpu.push(init.cpuMs);
  figures.initWall.push(init.wallMs);
  figures.totalCpu.push(init.cpuMs + first.cpuMs);
  figures.totalWall.push(init.wallMs + first.wallMs);
  figures.firstUseCpu.push(first.cpuMs - second.cpuMs);
  figures.warmCpu.push(second.cpuMs);
}

const median = (values: readonly number[]) => summarize(values).median;
const ratio = (ours: readonly number[], theirs: readonly number[]) => `${(median(ours) / median(theirs)).toFixed(2)}×`;

export const bundlesMeasure: Measure = {
  name: 'bundles',
  title: 'Lambda bundles: size and cold start',
  async run(options) {
    // Lambda runs the deployed runtime (node24); `--node` gives that binary, for cold starts that carry over.
    const node = options.node ?? process.execPath;
    const nodeVersion = (await run(node, ['--version'])).stdout.trim();
    const baseline = options.baseline ?? DEFAULT_BASELINE;
    // Before bundling anything: an unknown baseline fails here.
    const { commit, caveats } = await resolveBaseline(baseline);
    const dir = await mkdtemp(join(tmpdir(), 'onrecord-bundles-'));
    const backends = await startBackends();
    const rows: Row[] = [];
    const notes: string[] = [
      `Bundled by infra/bundle.ts, as \`cdk synth\` bundles (ESM, code splitting, minified, the AWS SDK inside, source maps beside), target ${targetOf(nodeVersion)} for the Node the cold starts run on, ${nodeVersion}${options.node ? ' (--node)' : " (this machine's; `--node PATH` runs them on another, such as the deployed runtime's node24)"}. The baseline, ${baseline}, as it bundles itself, measured in the same run: each cold start of ours is followed by one of ${baseline}'s.`,
      ...caveats,
      `Cold start, in a fresh \`node\` process (bench/cold-start.mjs; Node's own start-up excluded), with the deployed NODE_OPTIONS=--enable-source-maps and credentials in the environment as on Lambda: init = \`await import(index.mjs)\`; init + first = that plus the handler's first call (an API request, or an SQS message announcing a new HTML article, ${(backends.htmlBytes / 1024).toFixed(1)} KB, or the same news as a text article, ${(backends.textBytes / 1024).toFixed(1)} KB, which it reads from a local S3 stand-in, parses and stores in dynalite); first use = the first call's CPU time minus the second's (the same request, or another article of the same format), i.e. what loading and setting up on first use adds; warm = the second call's CPU time. CPU time = user + system time of the process (V8 compiles on helper threads too, so it can exceed wall time); on a shared machine the CPU figures and the ratios are the ones to read.`,
      `${INGEST_COLD_STARTS} cold starts per tree for the ingest, ${API_COLD_STARTS} per endpoint and tree for the API; medians. Not on Lambda: no X-Ray (the tracer is off outside Lambda), and the stores are local, so a round trip costs well under a millisecond here.`,
    ];
    try {
      const roots = [ROOT, await checkOut(commit, dir)];
      const bundles = new Map<string, Bundle>();
      for (const [t, root] of roots.entries()) {
        for (const [name, entry] of Object.entries(HANDLERS)) bundles.set(`${t}:${name}`, await bundleModule(root, entry, join(dir, `${t}-${name}`), nodeVersion));
      }
      for (const name of Object.keys(HANDLERS) as HandlerName[]) {
        const ours = bundles.get(`0:${name}`)!;
        const theirs = bundles.get(`1:${name}`)!;
        rows.push({ metric: `${name} bundle, all JS`, unit: 'KB', summary: summarize([ours.totalBytes / 1024]), target: { op: '<=', value: 600 } });
        rows.push({ metric: `${name} bundle, read at init (the entry and its static imports)`, unit: 'KB', summary: summarize([ours.initBytes / 1024]) });
        const duplicates = packagesBundledTwice(ours.metafile);
        notes.push(
          `${name}: ${(ours.totalBytes / 1024).toFixed(0)} KB of JS (${baseline}: ${(theirs.totalBytes / 1024).toFixed(0)} KB), of which ${(ours.initBytes / 1024).toFixed(0)} KB read at init: index.mjs and the chunks it imports statically (${baseline}: ${(theirs.initBytes / 1024).toFixed(0)} KB); ${(ours.gzipBytes / 1024).toFixed(0)} KB gzipped; heaviest: ${heaviestPackages(ours.metafile, 8)}; packages bundled twice: ${duplicates.length ? duplicates.join(', ') : 'none'}.`,
        );
      }

      const scenarios: { handler: HandlerName; label: string; runs: number; events: () => [unknown, unknown]; target: number }[] = [
        { handler: 'ingest', label: 'ingest, HTML article', runs: INGEST_COLD_STARTS, events: () => [ingestEvent(backends.htmlBytes), ingestEvent(backends.htmlBytes)], target: 150 },
        {
          handler: 'ingest',
          label: 'ingest, text article',
          runs: INGEST_COLD_STARTS,
          events: () => [ingestEvent(backends.textBytes, 'txt'), ingestEvent(backends.textBytes, 'txt')],
          target: 150,
        },
        ...Object.entries(backends.apiPaths).map(([label, path]) => ({ handler: 'api' as const, label: `api ${label}`, runs: API_COLD_STARTS, events: (): [unknown, unknown] => [apiEvent(path), apiEvent(path)], target: 120 })),
      ];
      // The floor's cold starts run between ours and the baseline's, in every scenario of its function, so that
      // each comparison with it is made under the same load.
      const floors = new Map<HandlerName, { bundle: Bundle; figures: Figures }>();
      for (const name of Object.keys(FLOORS) as HandlerName[]) {
        floors.set(name, { bundle: await bundleModule(ROOT, FLOORS[name], join(dir, `floor-${name}`), nodeVersion), figures: noFigures() });
      }
      const floorEvent: Record<HandlerName, () => [unknown, unknown]> = {
        ingest: () => [ingestEvent(backends.htmlBytes), ingestEvent(backends.htmlBytes)],
        api: () => [apiEvent('/articles'), apiEvent('/articles')],
      };
      const comparisons: string[] = [];
      for (const scenario of scenarios) {
        const figures = [noFigures(), noFigures()];
        const floor = floors.get(scenario.handler)!;
        const floorHere = noFigures();
        for (let i = 0; i < scenario.runs; i++) {
          record(figures[0]!, await coldStart(node, bundles.get(`0:${scenario.handler}`)!.entry, scenario.events(), backends.env));
          const floorRun = await coldStart(node, floor.bundle.entry, floorEvent[scenario.handler](), backends.env);
          record(floorHere, floorRun);
          record(floor.figures, floorRun);
          record(figures[1]!, await coldStart(node, bundles.get(`1:${scenario.handler}`)!.entry, scenario.events(), backends.env));
        }
        const [ours, theirs] = figures as [Figures, Figures];
        const target = { op: '<=' as const, value: scenario.target };
        rows.push({ metric: `${scenario.label}: init + first (CPU)`, unit: 'ms', summary: summarize(ours.totalCpu), target });
        comparisons.push(
          `${scenario.label}: init ${median(ours.initCpu).toFixed(0)} ms CPU (${median(ours.initWall).toFixed(0)} wall), first use +${median(ours.firstUseCpu).toFixed(0)} ms CPU, in all ${median(ours.totalCpu).toFixed(0)} ms CPU (${median(ours.totalWall).toFixed(0)} wall), the next event warm ${median(ours.warmCpu).toFixed(1)}; ${baseline}: init ${median(theirs.initCpu).toFixed(0)} (${median(theirs.initWall).toFixed(0)} wall), first use +${median(theirs.firstUseCpu).toFixed(0)}, in all ${median(theirs.totalCpu).toFixed(0)} (${median(theirs.totalWall).toFixed(0)} wall), warm ${median(theirs.warmCpu).toFixed(1)}; ratio in all ${ratio(ours.totalCpu, theirs.totalCpu)} (init ${ratio(ours.initCpu, theirs.initCpu)}, warm ${ratio(ours.warmCpu, theirs.warmCpu)}); the floor meanwhile ${median(floorHere.totalCpu).toFixed(0)} in all, ours ${ratio(ours.totalCpu, floorHere.totalCpu)} of it.`,
        );
      }
      notes.push(...comparisons);
      for (const [name, { bundle, figures }] of floors) {
        rows.push({ metric: `${name} floor (its SDK calls alone): init + first (CPU)`, unit: 'ms', summary: summarize(figures.totalCpu) });
        notes.push(
          `${name} floor, ${FLOORS[name]} (${(bundle.totalBytes / 1024).toFixed(0)} KB of JS, bundled alike), one cold start beside each of ours (${figures.totalCpu.length} in all): init ${median(figures.initCpu).toFixed(0)} ms CPU (${median(figures.initWall).toFixed(0)} wall), first use +${median(figures.firstUseCpu).toFixed(0)}, in all ${median(figures.totalCpu).toFixed(0)} ms CPU (${median(figures.totalWall).toFixed(0)} wall), the next event warm ${median(figures.warmCpu).toFixed(1)}.`,
        );
      }
    } finally {
      await backends.stop();
      await rm(dir, { recursive: true, force: true });
    }
    return { rows, notes };
  },
};
