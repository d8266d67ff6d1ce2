import type { ParsedArticle } from '../model/parsed.ts';
import { parseSources } from './articles.ts';
import { decodeText } from './decode.ts';
import { readArticles, type FormatHint } from './formats/index.ts';

export { MAX_BODY_CHARS } from './articles.ts';
export { RejectedInput } from './errors.ts';

/**
 * One uploaded object → its articles (a JSON array holds several). Throws RejectedInput when the bytes
 * cannot be an article: empty, binary, too large, unparseable, or without body text. Every format's reader
 * is loaded with this module; on-demand.ts is the same parse with each reader loaded on first use.
 */
export function parseDocument(bytes: Uint8Array, hint: FormatHint): ParsedArticle[] {
  const decoded = decodeText(bytes);
  return parseSources(readArticles(decoded.text, hint), decoded, hint);
}
