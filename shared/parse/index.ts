import { articleId } from '../model/ids.ts';
import type { ParsedArticle } from '../model/parsed.ts';
import { decodeText } from './decode.ts';
import { RejectedInput } from './errors.ts';
import type { FormatHint } from './formats/index.ts';
import { readArticles } from './formats/index.ts';
import { buildMetadata } from './metadata/index.ts';
import { extractStatements } from './statements/index.ts';

export { RejectedInput } from './errors.ts';

/**
 * Longest article text read, in characters: about 80,000 words, far past any news feature. The object
 * limit (5 MB) is for what arrives, markup included; past this, text is not an article but a dump, and
 * reading it would hold a Lambda for seconds (the extractors are linear, not free).
 */
export const MAX_BODY_CHARS = 512 * 1024;

/**
 * One uploaded object → its articles (a JSON array holds several). Throws RejectedInput when the bytes
 * cannot be an article: empty, binary, too large, unparseable, or without body text.
 */
export function parseDocument(bytes: Uint8Array, hint: FormatHint): ParsedArticle[] {
  const decoded = decodeText(bytes);
  const sources = readArticles(decoded.text, hint);
  return sources.map((source, index) => {
    if (source.body.trim() === '') {
      throw new RejectedInput('no-body', `article ${index} has no body text`);
    }
    if (source.body.length > MAX_BODY_CHARS) {
      throw new RejectedInput('too-large', `article ${index} has ${source.body.length} characters of text, more than the ${MAX_BODY_CHARS} an article may have`);
    }
    const metadata = buildMetadata(source, [...decoded.warnings]);
    const statements = extractStatements(source.body, { entities: metadata.entities });
    return { id: articleId(hint.key, index), metadata, body: source.body, statements };
  });
}
