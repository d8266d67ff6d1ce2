import type { Logger } from '@aws-lambda-powertools/logger';
import { createHash } from 'node:crypto';
import type { ArticleRecord } from '../../../shared/store/port.ts';
import { ObjectMissing, type ObjectReader } from '../../../shared/objects/reader.ts';
import { MAX_BYTES } from '../../../shared/parse/decode.ts';
import { RejectedInput } from '../../../shared/parse/errors.ts';

/**
 * The body is not stored in DynamoDB, so the article page reads the raw object back from S3 (the very
 * version the article was made from) and reads its body text again. The stored offsets are only valid for
 * the same body text, which the content hash proves; otherwise the page shows the statements without the text.
 */
export type ArticleBody =
  | { text: string }
  | { text: null; reason: 'missing' | 'changed' | 'unavailable' };

export async function loadArticleBody(objects: ObjectReader, article: ArticleRecord, logger: Logger): Promise<ArticleBody> {
  const { bucket, key, versionId } = article.source;
  let bytes: Uint8Array;
  try {
    ({ bytes } = await objects.getObjectBytes(bucket, key, versionId, MAX_BYTES));
  } catch (error) {
    if (error instanceof ObjectMissing) return { text: null, reason: 'missing' };
    // The statements are still worth showing when S3 fails; the error is logged, not hidden.
    logger.error('web: could not read article object', { bucket, key, versionId, error });
    return { text: null, reason: 'unavailable' };
  }
  let bodies: string[];
  try {
    bodies = await readBodies(bytes, key);
  } catch (error) {
    if (error instanceof RejectedInput) return { text: null, reason: 'changed' };
    // A parser fault must not take the page down: the stored statements are still worth showing.
    logger.error('web: could not parse article object again', { bucket, key, versionId, error });
    return { text: null, reason: 'unavailable' };
  }
  const same = bodies.find((body) => contentHash(body) === article.metadata.contentHash);
  return same !== undefined ? { text: same } : { text: null, reason: 'changed' };
}

/**
 * The body text of each article in the object, as the parser reads it. Only the format reader runs: the
 * metadata and statements are stored already. It is imported on the first article page of its format, so the
 * API's cold start (and every JSON request) does not load the HTML, Markdown and date libraries, and a text
 * article's page does not load the HTML and Markdown ones.
 */
async function readBodies(bytes: Uint8Array, key: string): Promise<string[]> {
  const [{ decodeText }, { readArticlesOnDemand }] = await Promise.all([
    import('../../../shared/parse/decode.ts'),
    import('../../../shared/parse/formats/on-demand.ts'),
  ]);
  return (await readArticlesOnDemand(decodeText(bytes).text, { key })).map((source) => source.body);
}

/** The article's `metadata.contentHash`, as the parser computes it from the body. */
function contentHash(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}
