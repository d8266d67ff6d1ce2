/**
 * The uploading side of one ingest run, in a process of its own as `npm run upload` and API clients are
 * beside `npm start`: uploads every Nth article of the corpus to the pipeline's S3 and watches its HTTP API
 * until all are queryable, then prints the timings (an IngestRun) as JSON on its last line.
 * Usage: ingest-client.ts EVERY S3_ENDPOINT BUCKET API_URL
 */
import { loadCorpus } from './corpus.ts';
import { uploadAndWait } from './upload.ts';

const TIMEOUT_MS = 30 * 60_000;

const [every = '1', s3Endpoint, bucket, apiUrl] = process.argv.slice(2);
if (!s3Endpoint || !bucket || !apiUrl) throw new Error('usage: ingest-client.ts EVERY S3_ENDPOINT BUCKET API_URL');
const articles = (await loadCorpus()).filter((_, index) => index % Number(every) === 0);
console.log(JSON.stringify(await uploadAndWait({ s3Endpoint, bucket, apiUrl }, articles, TIMEOUT_MS)));
