/**
 * The article's body text, the text its statements' offsets point into, which the article page shows with
 * the statements marked. It is stored with the version it was parsed in, so the page needs neither the raw
 * object nor the parser (the API bundle carries no format readers, and the page shows the very text the
 * offsets were made for, whatever happened to the object since).
 *
 * Brotli-compressed (news text shrinks to under half, and write units are what an article costs), then cut
 * into parts of at most PART_BYTES, so that every item stays under 4 KB however long the article.
 */
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { keys } from '../keys.ts';

export const ITEM_TYPE = 'article-body';

/** Compressed bytes a part: under 4 KB with its keys and attribute names. */
export const PART_BYTES = 3_800;
/**
 * Brotli's quality 6: measured on the BBC corpus (2,225 texts, 2.3 KB each on average), 46% of the text's
 * size in 0.1 ms an article; quality 11 reaches 38% but takes 30 times as long, and 9 is no smaller than 6.
 */
const QUALITY = 6;

export interface BodyPlacement {
  sourceKey: string;
  version: string;
}

export function toItems(articleId: string, body: string, placement: BodyPlacement): Record<string, unknown>[] {
  const text = Buffer.from(body, 'utf8');
  const compressed = brotliCompressSync(text, {
    params: { [constants.BROTLI_PARAM_QUALITY]: QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: text.length },
  });
  // Even an empty text compresses to a byte or more: every stored body has a part.
  const items: Record<string, unknown>[] = [];
  for (let start = 0, part = 0; start < compressed.length; start += PART_BYTES, part++) {
    items.push({
      ...keys.articleBody(articleId, placement.version, part),
      itemType: ITEM_TYPE,
      articleId,
      sourceKey: placement.sourceKey,
      version: placement.version,
      body: compressed.subarray(start, start + PART_BYTES),
    });
  }
  return items;
}

/** The body from its parts (all of them, in key order, as a Query returns them). */
export function fromItems(parts: readonly Record<string, unknown>[]): string {
  const compressed = Buffer.concat(parts.map((part) => part.body as Uint8Array));
  return brotliDecompressSync(compressed).toString('utf8');
}
