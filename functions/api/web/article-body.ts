import type { ArticleRecord } from '../../../shared/store/port.ts';
import { ObjectMissing, type ObjectReader } from '../../../shared/objects/index.ts';
import { MAX_BYTES } from '../../../shared/parse/decode.ts';
import { RejectedInput } from '../../../shared/parse/errors.ts';
import { parseDocument } from '../../../shared/parse/index.ts';

/**
 * The body is not stored in DynamoDB, so the article page reads the raw object back from S3 (the very
 * version the article was made from) and parses it again. The stored offsets are only valid for the same
 * body text, which the content hash proves; otherwise the page shows the statements without the text.
 */
export type ArticleBody =
  | { text: string }
  | { text: null; reason: 'missing' | 'changed' | 'unavailable' };

export async function loadArticleBody(objects: ObjectReader, article: ArticleRecord): Promise<ArticleBody> {
  const { bucket, key, versionId } = article.source;
  let bytes: Uint8Array;
  try {
    ({ bytes } = await objects.getObjectBytes(bucket, key, versionId, MAX_BYTES));
  } catch (error) {
    if (error instanceof ObjectMissing) return { text: null, reason: 'missing' };
    // The statements are still worth showing when S3 fails; the error is logged, not hidden.
    console.error('web: could not read article object', { bucket, key, versionId, error });
    return { text: null, reason: 'unavailable' };
  }
  let parsed;
  try {
    parsed = parseDocument(bytes, { key });
  } catch (error) {
    if (error instanceof RejectedInput) return { text: null, reason: 'changed' };
    // A parser fault must not take the page down: the stored statements are still worth showing.
    console.error('web: could not parse article object again', { bucket, key, versionId, error });
    return { text: null, reason: 'unavailable' };
  }
  const same = parsed.find((candidate) => candidate.metadata.contentHash === article.metadata.contentHash);
  return same ? { text: same.body } : { text: null, reason: 'changed' };
}
