import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ArticleRecord, IngestionRecord, StatementRecord } from '../shared/store/port.ts';
import { demoClosingMessage, printEndpoints, startFromCommandLine, stopOnSignal } from './cli.ts';
import type { LocalPipeline } from './pipeline.ts';
import { LOCAL_BUCKET, localPorts } from './settings.ts';
import { uploadClient, uploadFile } from './uploads.ts';

/**
 * `npm run demo [-- --keep]`: the whole trip in one command. Starts the local pipeline (or uses the one
 * `npm start` is already running), uploads the example article through the S3 API, waits until the HTTP
 * API answers with it, prints what was extracted, and stops (or, with --keep, keeps running).
 */
const { values } = parseArgs({ options: { keep: { type: 'boolean', default: false } } });
const EXAMPLE = fileURLToPath(new URL('../tests/fixtures/karabakh-offensive-2023-09-20.txt', import.meta.url));

// The handlers' JSON logs would bury the demo's output; warnings and errors still show.
process.env.POWERTOOLS_LOG_LEVEL ||= 'WARN';

const { apiPort, s3Port } = localPorts();
const runningApi = `http://localhost:${apiPort}`;
const alreadyRunning = await fetch(`${runningApi}/health`).then((response) => response.ok, () => false);
let pipeline: LocalPipeline | undefined;
if (alreadyRunning) {
  console.log(`Using the pipeline already running at ${runningApi}.`);
} else {
  console.log('Starting the local pipeline…');
  pipeline = await startFromCommandLine();
}
const apiUrl = pipeline?.apiUrl ?? runningApi;
const s3Endpoint = pipeline?.s3Endpoint ?? `http://localhost:${s3Port}`;

async function getJson<T>(path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${apiUrl}${path}`);
  return { status: response.status, body: (await response.json()) as T };
}

const startedAt = new Date();
const s3 = uploadClient(s3Endpoint);
const { key } = await uploadFile(s3, LOCAL_BUCKET, EXAMPLE);
s3.destroy();
console.log(`\nUploaded ${key} to s3://${LOCAL_BUCKET}/ through the S3 API (${s3Endpoint}).`);

// Ready when the ingestion record for this upload (not an earlier one of the same key) is there.
let ingestion: IngestionRecord | undefined;
while (!ingestion) {
  const { status, body } = await getJson<IngestionRecord>(`/ingestions/${encodeURIComponent(key)}`);
  if (status === 200 && body.updatedAt >= startedAt.toISOString()) ingestion = body;
  else if (Date.now() - startedAt.getTime() > 30_000) throw new Error(`${key} was not ingested within 30 s`);
  else await new Promise((resolve) => setTimeout(resolve, 50));
}
console.log(`Queryable through the HTTP API after ${Date.now() - startedAt.getTime()} ms: status ${ingestion.status}${ingestion.reason ? ` (${ingestion.reason.message})` : ''}.`);

for (const id of ingestion.articleIds) {
  const { body: article } = await getJson<ArticleRecord & { statements: StatementRecord[] }>(`/articles/${id}`);
  const { metadata } = article;
  console.log(`
GET ${apiUrl}/articles/${id}
  title      ${metadata.title ?? '(none)'}
  published  ${metadata.publishedAt ?? '(unknown)'}
  language   ${metadata.language ?? '(unknown)'}, ${metadata.wordCount} words
  entities   ${metadata.entities.slice(0, 8).map((entity) => `${entity.name} (${entity.type})`).join(', ') || '(none)'}
  statements ${article.statements.length}`);
  for (const statement of article.statements) {
    const speaker = statement.speaker.title ? `${statement.speaker.name}, ${statement.speaker.title}` : statement.speaker.name;
    const text = statement.kind === 'direct' ? `“${statement.text}”` : statement.text;
    console.log(`\n    ${statement.kind.padEnd(8)} ${speaker} (${statement.cue}):\n             ${text}`);
  }
}

if (pipeline && !values.keep) await pipeline.stop();
console.log(`\n${demoClosingMessage({ startedByDemo: pipeline !== undefined, keep: values.keep }, apiUrl)}`);
if (pipeline && values.keep) {
  printEndpoints(pipeline);
  stopOnSignal(pipeline);
}
