import { DEFAULT_PORTS, LOCAL_BUCKET } from '../local/settings.ts';
import { uploadClient, uploadFile } from '../local/uploads.ts';

/**
 * `npm run upload -- FILE...`: puts each file into the bucket under its base name, through the S3 API.
 * Defaults to the local pipeline (http://localhost:4569, bucket "articles"). BUCKET and S3_ENDPOINT
 * override them; S3_ENDPOINT=aws uploads to AWS with your usual credentials.
 */
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run upload -- FILE...   (env: BUCKET, S3_ENDPOINT; S3_ENDPOINT=aws for AWS)');
  process.exit(2);
}
const bucket = process.env.BUCKET || LOCAL_BUCKET;
const endpointSetting = process.env.S3_ENDPOINT || `http://localhost:${process.env.S3_PORT || DEFAULT_PORTS.s3}`;
const endpoint = endpointSetting === 'aws' ? undefined : endpointSetting;
const client = uploadClient(endpoint);

let failures = 0;
for (const file of files) {
  try {
    const { key, bytes } = await uploadFile(client, bucket, file);
    console.log(`uploaded ${file} → s3://${bucket}/${key} (${bytes} bytes)`);
  } catch (error) {
    failures += 1;
    const reason = (error as NodeJS.ErrnoException).code === 'ECONNREFUSED' ? `nothing answers at ${endpoint}; is \`npm start\` running?` : (error as Error).message;
    console.error(`failed to upload ${file}: ${reason}`);
  }
}
client.destroy();
if (failures) process.exit(1);
