import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PORTS, LOCAL_BUCKET } from '../local/settings.ts';
import { planUploads } from '../local/upload-keys.ts';
import { uploadClient, uploadFile } from '../local/uploads.ts';

/**
 * `npm run upload -- [--prefix DIR] FILE...`: puts each file into the bucket through the S3 API, keyed by
 * its path relative to the directory the command was run from (`politics/001.txt`), under DIR/ when given.
 * Two different files for one key refuse the whole call before anything is uploaded.
 * Defaults to the local pipeline (http://localhost:4569, bucket "articles"). BUCKET and S3_ENDPOINT
 * override them; S3_ENDPOINT=aws uploads to AWS with your usual credentials.
 */
const USAGE = 'usage: npm run upload -- [--prefix DIR] FILE...   (env: BUCKET, S3_ENDPOINT; S3_ENDPOINT=aws for AWS)';

function readCommandLine(): { prefix: string; files: string[] } {
  try {
    const { values, positionals } = parseArgs({ options: { prefix: { type: 'string', default: '' } }, allowPositionals: true });
    if (positionals.length > 0) return { prefix: values.prefix, files: positionals };
  } catch (error) {
    console.error((error as Error).message);
  }
  console.error(USAGE);
  process.exit(2);
}

const { prefix, files } = readCommandLine();
// npm runs scripts from the package root; INIT_CWD is where the user typed the command and its paths.
const baseDirectory = process.env.INIT_CWD || process.cwd();
const plan = planUploads(files, { baseDirectory, prefix });
const shown = (path: string) => relative(baseDirectory, path);
if (plan.conflicts.length > 0) {
  for (const { key, paths } of plan.conflicts) console.error(`refusing to upload ${paths.map(shown).join(' and ')} under one key: ${key}`);
  console.error('nothing was uploaded; upload them in separate calls with different --prefix values, or rename one');
  process.exit(2);
}

const bucket = process.env.BUCKET || LOCAL_BUCKET;
const endpointSetting = process.env.S3_ENDPOINT || `http://localhost:${process.env.S3_PORT || DEFAULT_PORTS.s3}`;
const endpoint = endpointSetting === 'aws' ? undefined : endpointSetting;
const client = uploadClient(endpoint);

let failures = 0;
for (const { path, key } of plan.uploads) {
  try {
    const { bytes } = await uploadFile(client, bucket, path, key);
    console.log(`uploaded ${shown(path)} → s3://${bucket}/${key} (${bytes} bytes)`);
  } catch (error) {
    failures += 1;
    const reason = (error as NodeJS.ErrnoException).code === 'ECONNREFUSED' ? `nothing answers at ${endpoint}; is \`npm start\` running?` : (error as Error).message;
    console.error(`failed to upload ${shown(path)}: ${reason}`);
  }
}
client.destroy();
if (failures) process.exit(1);
