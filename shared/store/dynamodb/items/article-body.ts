/**
 * The article's body text, the text its statements' offsets point into, which the article page shows with
 * the statements marked. It is stored with the version it was parsed in, so the page needs neither the raw
 * object nor the parser (the API bundle carries no format readers, and the page shows the very text the
 * offsets were made for, whatever happened to the object since).
 *
 * Brotli-compressed (news text shrinks to under half, and write units are what an article costs), then cut
 * into parts of at most PART_BYTES, so that every item stays under 4 KB however long the article. The parts
 * carry nothing but their keys, bytes and (the first) how many there are: cleaning up a version goes by the
 * sort key, and a reader that finds fewer parts than that (an eventually consistent read just after the
 * version was written) reads no body rather than a broken one.
 */
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { keys } from '../keys.ts';

export const ITEM_TYPE = 'article-body';

/** Compressed bytes a part: under 4 KB with its keys (an article id is 16 characters) and attribute names. */
const PART_BYTES = 3_800;
/**
 * Brotli's quality 6: measured on the BBC corpus (2,225 texts, 2.3 KB each on average), 46% of the text's
 * size in 0.1 ms an article; quality 11 reaches 38% but takes 30 times as long, and 9 is no smaller than 6.
 */
const QUALITY = 6;

export function toItems(articleId: string, version: string, body: string): Record<string, unknown>[] {
  const text = Buffer.from(body, 'utf8');
  const compressed = brotliCompressSync(text, {
    params: { [constants.BROTLI_PARAM_QUALITY]: QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: text.length },
  });
  // Even an empty text compresses to a byte or more: every stored body has a first part.
  const count = Math.ceil(compressed.length / PART_BYTES);
  return Array.from({ length: count }, (_, part) => ({
    ...keys.articleBody(articleId, version, part),
    itemType: ITEM_TYPE,
    ...(part === 0 ? { parts: count } : {}),
    body: compressed.subarray(part * PART_BYTES, (part + 1) * PART_BYTES),
  }));
}

/** The body from its parts (in key order, as a Query returns them); null when some are missing or unreadable. */
export function fromItems(parts: readonly Record<string, unknown>[]): string | null {
  if (parts.length === 0 || parts[0]!.parts !== parts.length) return null;
  try {
    return brotliDecompressSync(Buffer.concat(parts.map((part) => part.body as Uint8Array))).toString('utf8');
  } catch {
    return null;
  }
}
