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
    const metadata = buildMetadata(source, [...decoded.warnings]);
    const statements = extractStatements(source.body, { entities: metadata.entities });
    return { id: articleId(hint.key, index), metadata, body: source.body, statements };
  });
}
