/**
 * Tracing as a Lambda traces, with the X-Ray SDK's context on AsyncLocalStorage (infra/cls-context.ts, in
 * place of cls-hooked). The API and ingest functions are bundled exactly as `cdk synth` bundles them and started
 * in a fresh process with the environment Lambda gives an actively traced function (LAMBDA_TASK_ROOT, the X-Ray
 * daemon's address, a trace header per invocation); the daemon is a UDP socket here, dynalite the table, a
 * local HTTP server the bucket. Every subsegment the SDK streams must land in its invocation's trace, under the
 * right parent: the handler's subsegment under the invocation's facade, the S3 and DynamoDB calls and each
 * object's subsegment (records processed concurrently) under the handler's. The same bundles with cls-hooked
 * itself must send the same trees: the stand-in changes how the context is carried, not where anything is filed.
 */
import { execFile } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functionBundleOptions } from '../../infra/bundle.ts';
import { startDynalite, type DynamoInstance } from '../support/dynamo.ts';

const run = promisify(execFile);
const repoRoot = new URL('../../', import.meta.url);

/** Two invocations, each with its own trace header, as Lambda sets it per invocation. */
const INVOCATIONS = [
  { root: '1-67a00000-0123456789abcdef01234567', parent: '53995c3f42cd8ad8' },
  { root: '1-67a00001-fedcba9876543210fedcba98', parent: '1f2e3d4c5b6a7988' },
];
const traceHeader = ({ root, parent }: (typeof INVOCATIONS)[number]) => `Root=${root};Parent=${parent};Sampled=1`;
const ARTICLE = new URL('../fixtures/karabakh-offensive-2023-09-20.txt', import.meta.url);

/**
 * Imports the bundle, then calls its handler once per invocation, as the runtime does: from its own loop,
 * which was running before the function's module loaded, so nothing the module's init sets on its own
 * async context reaches an invocation but through the context store it really uses.
 */
const LAMBDA_RUNTIME = `
const [bundle, invocations] = [process.argv[1], JSON.parse(process.argv[2])];
const context = { functionName: 'onrecord-api', awsRequestId: 'test', invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:onrecord-api', memoryLimitInMB: '512', getRemainingTimeInMillis: () => 30000 };
let loaded;
const handlerLoaded = new Promise((resolve) => { loaded = resolve; });
const runtimeLoop = (async () => {
  const handler = await handlerLoaded;
  const outcomes = [];
  for (const { traceHeader, event } of invocations) {
    process.env._X_AMZN_TRACE_ID = traceHeader;
    const response = await handler(event, context);
    outcomes.push(response.statusCode ?? \`\${response.batchItemFailures.length} failed\`);
  }
  return outcomes;
})();
loaded((await import(bundle)).handler);
const outcomes = await runtimeLoop;
await new Promise((resolve) => setTimeout(resolve, 200));
process.stdout.write('\\n' + JSON.stringify(outcomes) + '\\n');
`;

/** An SQS batch of S3's notifications of new text articles, processed concurrently by the ingest. */
function ingestEvent(keys: string[]) {
  return {
    Records: keys.map((key, i) => ({
      messageId: key,
      receiptHandle: key,
      body: JSON.stringify({
        Records: [{ eventName: 'ObjectCreated:Put', eventTime: new Date().toISOString(), s3: { bucket: { name: 'articles' }, object: { key, size: 1, eTag: 'e', sequencer: `000000000000000${i + 1}` } } }],
      }),
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: `${Date.now()}`, SenderId: 'test', ApproximateFirstReceiveTimestamp: `${Date.now()}` },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:ingest',
      awsRegion: 'us-east-1',
    })),
  };
}

function apiEvent(path: string) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'api.example.org', accept: 'application/json' },
    requestContext: { http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' }, requestId: 'test', routeKey: '$default', stage: '$default', timeEpoch: Date.now() },
    isBase64Encoded: false,
  };
}

interface Subsegment {
  id: string;
  name: string;
  trace_id: string;
  parent_id: string;
  namespace?: string;
}

let outdir: string;
let dynamo: DynamoInstance;
let daemon: Socket;
/** Answers every GetObject with the same article: the S3 the ingest reads. */
let s3: Server;
let received: Subsegment[] = [];

/** A function bundled as `cdk synth` bundles it (or with cls-hooked itself, for comparison); its entry's URL. */
async function bundle(name: string, handler: 'api' | 'ingest' | 'reconcile', withClsHooked = false): Promise<string> {
  const options = functionBundleOptions({
    entry: new URL(`functions/${handler}/handler.ts`, repoRoot).pathname,
    outdir: join(outdir, name),
    target: `node${process.versions.node.split('.')[0]}`,
    tsconfig: new URL('tsconfig.json', repoRoot).pathname,
  });
  if (withClsHooked) {
    const { 'cls-hooked/context': _standIn, ...alias } = options.alias ?? {};
    options.alias = alias;
  }
  await build({ ...options, logLevel: 'silent' });
  return pathToFileURL(join(outdir, name, 'index.mjs')).href;
}

/** Whether any of a bundle's chunks creates an async hook. */
async function createsAsyncHook(entry: string): Promise<boolean> {
  const dir = new URL('.', entry);
  const files = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.mjs'));
  const code = await Promise.all(files.map((file) => readFile(new URL(file, dir), 'utf8')));
  return code.some((chunk) => chunk.includes('createHook('));
}

/** The subsegments a bundle's handler sends for one event per invocation, in a fresh Lambda-like process. */
async function traced(entry: string, events: unknown[]): Promise<{ outcomes: unknown[]; subsegments: Subsegment[] }> {
  received = [];
  const invocations = INVOCATIONS.map((invocation, i) => ({ traceHeader: traceHeader(invocation), event: events[i] }));
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', LAMBDA_RUNTIME, entry, JSON.stringify(invocations)], {
    env: {
      PATH: process.env.PATH,
      LAMBDA_TASK_ROOT: outdir,
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
      AWS_LAMBDA_FUNCTION_NAME: 'onrecord-api',
      _HANDLER: 'index.handler',
      _X_AMZN_TRACE_ID: traceHeader(INVOCATIONS[0]!),
      AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${(daemon.address() as AddressInfo).port}`,
      AWS_XRAY_CONTEXT_MISSING: 'RUNTIME_ERROR',
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      POWERTOOLS_SERVICE_NAME: 'onrecord-api',
      POWERTOOLS_LOG_LEVEL: 'ERROR',
      POWERTOOLS_METRICS_DISABLED: 'true',
      S3_ENDPOINT: `http://127.0.0.1:${(s3.address() as AddressInfo).port}`,
      TABLE_NAME: dynamo.tableName,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      CURSOR_SECRET: 'a-test-secret-of-at-least-32-characters',
    },
  });
  return { outcomes: JSON.parse(stdout.trim().split('\n').at(-1)!) as unknown[], subsegments: received };
}

/** Each invocation's subsegments as name → parent's name, the facade being the invocation's own parent. */
function trees(subsegments: Subsegment[], distinct = false) {
  return INVOCATIONS.map(({ root, parent }) => {
    const own = subsegments.filter((subsegment) => subsegment.trace_id === root);
    const nameOf = (id: string) => (id === parent ? '(invocation)' : (own.find((subsegment) => subsegment.id === id)?.name ?? `(unknown ${id})`));
    const lines = own.map((subsegment) => `${subsegment.name} under ${nameOf(subsegment.parent_id)}`);
    return (distinct ? [...new Set(lines)] : lines).sort();
  });
}

beforeAll(async () => {
  outdir = await mkdtemp(join(tmpdir(), 'onrecord-tracing-'));
  dynamo = await startDynalite();
  daemon = createSocket('udp4');
  daemon.on('message', (message) => {
    // "{header}\n{document}": the SDK's framing for the daemon
    const document = JSON.parse(message.toString('utf8').split('\n')[1]!) as Subsegment & { type?: string };
    if (document.type === 'subsegment') received.push(document);
  });
  await new Promise<void>((resolve) => daemon.bind(0, '127.0.0.1', resolve));
  const article = await readFile(ARTICLE);
  s3 = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': article.byteLength, ETag: '"e"' }).end(article);
  });
  await new Promise<void>((resolve) => s3.listen(0, '127.0.0.1', resolve));
}, 60_000);

afterAll(async () => {
  daemon?.close();
  s3?.close();
  await dynamo?.stop();
  await rm(outdir, { recursive: true, force: true });
});

describe('X-Ray context on AsyncLocalStorage', () => {
  it('files every subsegment under its own invocation and parent, as cls-hooked does', async () => {
    const events = [apiEvent('/speakers/ada-lovelace'), apiEvent('/entities/bank-of-england')];
    const ours = await traced(await bundle('api', 'api'), events);
    expect(ours.outcomes).toEqual([404, 404]);
    const expected = ['## index.handler under (invocation)', 'DynamoDB under ## index.handler'];
    expect(trees(ours.subsegments)).toEqual([expected, expected]);

    const clsHooked = await traced(await bundle('api-cls-hooked', 'api', true), events);
    expect(clsHooked.outcomes).toEqual([404, 404]);
    expect(trees(clsHooked.subsegments)).toEqual(trees(ours.subsegments));
  }, 120_000);

  it("files the ingest's work the same way: each object's subsegment and every S3 and DynamoDB call under the handler's", async () => {
    // Each run its own keys: the second finds the first's speakers and entities, so it makes other DynamoDB calls.
    const events = (run: string) => INVOCATIONS.map((_, i) => ingestEvent([`trace/${run}-${i}-a.txt`, `trace/${run}-${i}-b.txt`]));
    const ours = await traced(await bundle('ingest', 'ingest'), events('stand-in'));
    expect(ours.outcomes).toEqual(['0 failed', '0 failed']);
    const expected = ['## index.handler under (invocation)', '### created object under ## index.handler', 'DynamoDB under ## index.handler', 'S3 under ## index.handler'];
    expect(trees(ours.subsegments, true)).toEqual([expected, expected]);
    for (const tree of trees(ours.subsegments)) expect(tree.filter((line) => line.startsWith('### created object'))).toHaveLength(2);

    const clsHooked = await traced(await bundle('ingest-cls-hooked', 'ingest', true), events('cls-hooked'));
    expect(clsHooked.outcomes).toEqual(['0 failed', '0 failed']);
    expect(trees(clsHooked.subsegments, true)).toEqual(trees(ours.subsegments, true));
  }, 120_000);

  it('leaves no async hook in the functions that trace (cls-hooked made one)', async () => {
    expect(await createsAsyncHook(await bundle('api-cls-hooked', 'api', true))).toBe(true);
    for (const handler of ['api', 'ingest', 'reconcile'] as const) expect(await createsAsyncHook(await bundle(handler, handler)), handler).toBe(false);
  }, 120_000);
});
