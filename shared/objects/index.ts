import { Readable } from 'node:stream';
import { GetObjectCommand, NoSuchKey, S3Client, S3ServiceException, type GetObjectCommandOutput } from '@aws-sdk/client-s3';
import { objectStoreConfig } from '../config.ts';
import { IncompleteBody, ObjectMissing, ObjectTooLarge, type ObjectContent, type ObjectReader } from './reader.ts';

export { IncompleteBody, ObjectMissing, ObjectTooLarge, type ObjectContent, type ObjectReader } from './reader.ts';

/**
 * Reading uploaded objects from S3: the one place that knows about the S3 client. The client is created
 * once, on first use, from configuration (an endpoint only locally, where s3rver plays S3).
 */

let client: S3Client | undefined;

export function s3Client(): S3Client {
  if (!client) {
    const { s3Endpoint } = objectStoreConfig();
    client = new S3Client({
      ...(s3Endpoint ? { endpoint: s3Endpoint, forcePathStyle: true } : {}),
      // s3rver stores streamed bodies with the SDK's default trailing checksums corrupted, and sends
      // none back; checksums only where S3 requires them work on both s3rver and AWS.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }
  return client;
}

/**
 * Reads an object's bytes, refusing objects over maxBytes without downloading them: the size is known from
 * the response headers before the body is read, and the body is also counted as it streams in case a
 * server does not send Content-Length.
 */
export async function getObjectBytes(
  bucket: string,
  key: string,
  versionId: string | null,
  maxBytes: number,
): Promise<ObjectContent> {
  let response;
  try {
    response = await s3Client().send(
      new GetObjectCommand({ Bucket: bucket, Key: key, ...(versionId ? { VersionId: versionId } : {}) }),
    );
  } catch (error) {
    if (isMissing(error)) throw new ObjectMissing(key);
    throw error;
  }
  const body = response.Body;
  if (!body) throw new Error(`GetObject ${key} returned no body`);
  if (response.ContentLength !== undefined && response.ContentLength > maxBytes) {
    await body.transformToWebStream().cancel();
    throw new ObjectTooLarge(response.ContentLength, maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunksOf(body)) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new ObjectTooLarge(size, maxBytes);
    chunks.push(chunk);
  }
  // A connection dropped mid-body can end the stream early without an error; parsing the truncated text
  // would store a wrong article, so it is a failure to retry.
  if (response.ContentLength !== undefined && size !== response.ContentLength) {
    throw new IncompleteBody(`GetObject ${key}: received ${size} of ${response.ContentLength} bytes`);
  }
  return { bytes: Buffer.concat(chunks, size), contentType: response.ContentType };
}

export const s3Objects: ObjectReader = { getObjectBytes };

/**
 * The body's chunks, read from the Node stream the SDK hands back on Node (an IncomingMessage), not through
 * a web stream view of it: when a web stream's async iterator ends, Node releases its reader and builds its
 * shared 'Reader released' error once per process, reading that error's stack; with source maps enabled,
 * as deployed, that parses the whole bundle's source map, ~100 ms CPU on the first article of every cold
 * start. Anything else the SDK may hand back (a web stream, in other runtimes) is read as before.
 */
function chunksOf(body: NonNullable<GetObjectCommandOutput['Body']>): AsyncIterable<Uint8Array> {
  if (body instanceof Readable) return body as AsyncIterable<Uint8Array>;
  return body.transformToWebStream() as unknown as AsyncIterable<Uint8Array>;
}

function isMissing(error: unknown): boolean {
  if (error instanceof NoSuchKey) return true;
  // A deleted version answers NoSuchVersion; NotFound is a 404 whose error body could not be read. Other
  // 404s (NoSuchBucket) are misconfiguration, not a vanished object, and go to the DLQ.
  return error instanceof S3ServiceException && ['NoSuchVersion', 'NotFound'].includes(error.name);
}
